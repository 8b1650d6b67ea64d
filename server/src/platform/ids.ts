import { randomFillSync } from 'node:crypto';

/** Crockford base32: no I, L, O, U, so ids read back without ambiguity. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export const ID_PREFIXES = {
  identity: 'idn',
  partner: 'ptr',
  org: 'org',
  member: 'mem',
  staffGroup: 'sgp',
  invitation: 'inv',
  apiKey: 'key',
  session: 'ses',
  authToken: 'tok',
  mail: 'mail',
  job: 'job',
  audit: 'aud',
  request: 'req',
  program: 'prg',
  enrollment: 'enr',
  enrollmentEvent: 'eev',
  partnerGroup: 'pgr',
  partnerTag: 'tag',
  partnerNote: 'pnt',
  savedView: 'svw',
  partnerImport: 'imp',
  verificationCode: 'vcd',
  programInvitation: 'pin',
  notification: 'ntf',
  product: 'prd',
  productCategory: 'cat',
  link: 'lnk',
  click: 'clk',
  impressionBatch: 'imb',
  coupon: 'cpn',
  customer: 'cus',
  order: 'ord',
  orderEvent: 'oev',
  conversion: 'cnv',
  opportunity: 'opp',
  webhookSource: 'whs',
  webhookDelivery: 'whd',
  orderImport: 'oim',
  commissionPlan: 'cpl',
  commissionPlanVersion: 'cpv',
  commissionLine: 'cml',
  ledgerEntry: 'led',
  payout: 'pay',
  payoutBatch: 'pbt',
  withdrawalRequest: 'wdr',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

/**
 * A prefixed, time-sortable id: `org_` + 10 characters of milliseconds + 16 random characters.
 * Sorting ids as text sorts them by creation time, which keeps cursor pages stable.
 */
export function newId(kind: IdKind, now = Date.now()): string {
  let time = '';
  let ms = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[ms % 32] + time;
    ms = Math.floor(ms / 32);
  }
  let tail = '';
  for (let i = 0; i < 16; i++) tail += ALPHABET[nextRandomByte() % 32];
  return `${ID_PREFIXES[kind]}_${time}${tail}`;
}

export function hasPrefix(id: string, kind: IdKind): boolean {
  return id.startsWith(`${ID_PREFIXES[kind]}_`);
}

// Random bytes drawn from a refilled pool: one system call per 256 ids instead of one per id.
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

function nextRandomByte(): number {
  if (poolOffset >= pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  return pool[poolOffset++]!;
}
