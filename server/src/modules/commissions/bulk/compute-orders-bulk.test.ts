import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestEnrollment, createTestProgram } from '../../../../../test/enrollment-fixtures';
import { createTestOrg, systemContext } from '../../../../../test/factories';
import { createTestEnv } from '../../../../../test/harness';
import { newId } from '../../../platform/ids';
import type { TenantContext } from '../../../platform/services';
import { productCategories } from '../../catalog/schema';
import { customers, orderItems, orders } from '../../orders/schema';
import { programs } from '../../programs/schema';
import { checkLedger } from '../ledger';
import { publishDraftVersion, saveDraftVersion } from '../plans';
import { recomputeOrderCommissions } from '../recompute-order';
import { commissionLines, ledgerEntries } from '../schema';
import { computeOrdersBulk } from './compute-orders-bulk';

const env = await createTestEnv();
const DAY = 86_400_000;

type Item = { quantity: number; unitPriceMinor: bigint; category: 'skin' | 'food'; returned?: number };
type OrderSpec = {
  ref: string;
  seller: 'mai' | 'lan' | 'hoa';
  at: string;
  items: Item[];
  discountMinor?: bigint;
  state?: 'completed' | 'cancelled' | 'flagged';
  boughtByUpline?: boolean;
};

// Mai and Hoa were recruited by Tuấn (overrides); Lan has no upline. Mai's October sales cross the
// 1,000,000 ₫ and 2,000,000 ₫ tiers; one order is returned in part, one cancelled, one flagged;
// Hoa sells once to Tuấn himself (no override on what an upline buys).
const ORDERS: OrderSpec[] = [
  {
    ref: 'sep',
    seller: 'mai',
    at: '2026-09-20T03:00:00Z',
    items: [{ quantity: 1, unitPriceMinor: 900_000n, category: 'food' }],
    state: 'completed',
  },
  {
    ref: 'o1',
    seller: 'mai',
    at: '2026-10-02T03:00:00Z',
    items: [
      { quantity: 1, unitPriceMinor: 300_000n, category: 'skin' },
      { quantity: 2, unitPriceMinor: 200_000n, category: 'food' },
    ],
  },
  {
    ref: 'o2',
    seller: 'lan',
    at: '2026-10-03T03:00:00Z',
    items: [{ quantity: 3, unitPriceMinor: 150_000n, category: 'skin' }],
    state: 'completed',
  },
  {
    ref: 'o3',
    seller: 'mai',
    at: '2026-10-05T03:00:00Z',
    items: [{ quantity: 1, unitPriceMinor: 500_000n, category: 'food' }],
    state: 'completed',
  },
  {
    ref: 'o4',
    seller: 'mai',
    at: '2026-10-08T03:00:00Z',
    items: [
      { quantity: 2, unitPriceMinor: 333_333n, category: 'skin', returned: 1 },
      { quantity: 1, unitPriceMinor: 450_001n, category: 'food' },
    ],
    discountMinor: 50_000n,
    state: 'completed',
  },
  {
    ref: 'o5',
    seller: 'mai',
    at: '2026-10-09T03:00:00Z',
    items: [{ quantity: 1, unitPriceMinor: 700_000n, category: 'food' }],
    state: 'cancelled',
  },
  {
    ref: 'o6',
    seller: 'mai',
    at: '2026-10-12T03:00:00Z',
    items: [{ quantity: 1, unitPriceMinor: 250_000n, category: 'skin' }],
    state: 'flagged',
  },
  {
    ref: 'o7',
    seller: 'hoa',
    at: '2026-10-14T03:00:00Z',
    items: [{ quantity: 1, unitPriceMinor: 400_000n, category: 'food' }],
    boughtByUpline: true,
  },
  {
    ref: 'o8',
    seller: 'mai',
    at: '2026-10-20T03:00:00Z',
    items: [{ quantity: 4, unitPriceMinor: 125_000n, category: 'food' }],
  },
  {
    ref: 'o9',
    seller: 'mai',
    at: '2026-11-01T03:00:00Z',
    items: [{ quantity: 1, unitPriceMinor: 1_200_000n, category: 'food' }],
  },
];

async function seed(name: string) {
  const { org } = await createTestOrg(env, { name });
  const ctx = systemContext(env, org.id);
  const program = await createTestProgram(env, org.id);
  await env.services.db
    .update(programs)
    .set({ holdDays: 30 })
    .where(and(eq(programs.orgId, org.id), eq(programs.id, program.id)));
  const beauty = newId('productCategory');
  const skin = newId('productCategory');
  const food = newId('productCategory');
  const labels = new Map<string, string>([
    [beauty, 'beauty'],
    [skin, 'skin'],
    [food, 'food'],
  ]);
  await env.services.db.insert(productCategories).values([
    { orgId: org.id, id: beauty, name: 'Mỹ phẩm' },
    { orgId: org.id, id: skin, parentId: beauty, name: 'Chăm sóc da' },
    { orgId: org.id, id: food, name: 'Thực phẩm chức năng' },
  ]);
  const tuan = await createTestEnrollment(env, org.id, {
    programId: program.id,
    status: 'approved',
    fullName: 'Lê Văn Tuấn',
  });
  const enroll = (fullName: string, upline?: string) =>
    createTestEnrollment(env, org.id, {
      programId: program.id,
      status: 'approved',
      fullName,
      uplineReferralCode: upline,
    });
  const sellers = {
    mai: await enroll('Trần Thị Mai', tuan.enrollment.referralCode),
    lan: await enroll('Nguyễn Thị Lan'),
    hoa: await enroll('Phạm Thị Hoa', tuan.enrollment.referralCode),
  };
  labels.set(tuan.enrollment.id, 'tuan');
  for (const [label, value] of Object.entries(sellers)) labels.set(value.enrollment.id, label);
  const tuanAsCustomer = newId('customer');
  await env.services.db
    .insert(customers)
    .values({ orgId: org.id, id: tuanAsCustomer, name: 'Lê Văn Tuấn', partnerId: tuan.partner.id });

  await saveDraftVersion(ctx, env.services.db, {
    programId: program.id,
    plan: {
      settings: {},
      rules: [
        { id: 'base', kind: 'basic', scope: { kind: 'all' }, calc: { type: 'percent', ratePpm: '100000' } },
        {
          id: 'beauty',
          kind: 'basic',
          scope: { kind: 'category', categoryId: beauty },
          calc: { type: 'percent', ratePpm: '120000' },
        },
        {
          id: 'volume',
          kind: 'tier',
          scope: { kind: 'all' },
          period: 'month',
          measure: 'amount',
          mode: 'retroactive',
          tiers: [
            { threshold: '1000000', ratePpm: '20000' },
            { threshold: '2000000', ratePpm: '40000' },
          ],
        },
        { id: 'ref', kind: 'override', levels: [{ basis: 'sale', ratePpm: '50000' }] },
      ],
    },
  });
  await publishDraftVersion(ctx, env.services.db, {
    programId: program.id,
    effectiveFrom: new Date('2026-01-01T00:00:00Z'),
  });

  const refs = new Map<string, string>();
  for (const spec of ORDERS) {
    const id = newId('order');
    refs.set(id, spec.ref);
    const placedAt = new Date(spec.at);
    const subtotal = spec.items.reduce((sum, item) => sum + BigInt(item.quantity) * item.unitPriceMinor, 0n);
    const completedAt = spec.state === 'completed' ? new Date(placedAt.getTime() + 3 * DAY) : null;
    await env.services.db.insert(orders).values({
      orgId: org.id,
      id,
      source: 'api',
      externalId: spec.ref,
      number: spec.ref,
      programId: program.id,
      enrollmentId: sellers[spec.seller].enrollment.id,
      attributionMethod: 'partner_code',
      attributionEvidence: {},
      flags: spec.state === 'flagged' ? ['self_referral'] : [],
      customerId: spec.boughtByUpline ? tuanAsCustomer : null,
      currency: 'VND',
      subtotalMinor: subtotal,
      discountMinor: spec.discountMinor ?? 0n,
      totalMinor: subtotal - (spec.discountMinor ?? 0n),
      status: spec.state === 'completed' ? 'completed' : spec.state === 'cancelled' ? 'cancelled' : 'pending',
      paymentStatus: 'unpaid',
      placedAt,
      completedAt,
      cancelledAt: spec.state === 'cancelled' ? placedAt : null,
    });
    await env.services.db.insert(orderItems).values(
      spec.items.map((item, index) => ({
        orgId: org.id,
        orderId: id,
        lineNo: index + 1,
        sku: `SKU-${index + 1}`,
        name: `Sản phẩm ${index + 1}`,
        categoryId: item.category === 'skin' ? skin : food,
        quantity: item.quantity,
        unitPriceMinor: item.unitPriceMinor,
        returnedQuantity: item.returned ?? 0,
      })),
    );
  }
  return { ctx, programId: program.id, labels, refs };
}

type Seeded = Awaited<ReturnType<typeof seed>>;

/** Lines with ids replaced by readable names, so two organisations' results compare. */
async function readable(seeded: Seeded) {
  const { ctx, labels, refs } = seeded;
  const lines = await env.services.db
    .select()
    .from(commissionLines)
    .where(eq(commissionLines.orgId, ctx.orgId));
  const name = (text: string) => {
    let out = text;
    for (const [id, label] of [...labels, ...refs]) out = out.replaceAll(id, label);
    return out;
  };
  const keyOfLine = new Map(lines.map((line) => [line.id, name(line.sourceKey)]));
  return lines
    .map((line) => ({
      key: name(line.sourceKey),
      partner: labels.get(line.enrollmentId),
      kind: line.kind,
      ruleId: line.ruleId,
      lineNo: line.lineNo,
      level: line.level,
      baseMinor: line.baseMinor,
      ratePpm: line.ratePpm,
      amountMinor: line.amountMinor,
      status: line.status,
      holdUntil: line.holdUntil,
      earnedAt: line.earnedAt,
      reverses: line.reversesLineId ? keyOfLine.get(line.reversesLineId) : null,
      explanation:
        line.kind === 'reversal'
          ? (line.explanation as { reversal: { returnedShare: unknown } }).reversal.returnedShare
          : JSON.parse(name(JSON.stringify(line.explanation))),
    }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
}

async function ledgerSums(seeded: Seeded) {
  const rows = await env.services.db
    .select({
      enrollmentId: ledgerEntries.enrollmentId,
      bucket: ledgerEntries.bucket,
      amount: sql<string>`sum(${ledgerEntries.amountMinor})::text`,
    })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.orgId, seeded.ctx.orgId))
    .groupBy(ledgerEntries.enrollmentId, ledgerEntries.bucket);
  return Object.fromEntries(
    rows
      .filter((row) => row.amount !== '0')
      .map((row) => [`${seeded.labels.get(row.enrollmentId)}:${row.bucket}`, row.amount]),
  );
}

async function counts(ctx: TenantContext) {
  const [row] = await env.services.database.query<{ lines: number; entries: number }>(
    `select (select count(*)::int from commission_lines where org_id = $1) as lines,
            (select count(*)::int from ledger_entries where org_id = $1) as entries`,
    [ctx.orgId],
  );
  return row!;
}

const orderIdsOf = (seeded: Seeded) => [...seeded.refs.keys()];

async function recomputeOne(seeded: Seeded, ref: string) {
  const orderId = [...seeded.refs].find(([, value]) => value === ref)![0];
  await env.services.db.transaction((tx) => recomputeOrderCommissions(seeded.ctx, tx, orderId));
}

async function recomputeEach(seeded: Seeded) {
  for (const orderId of orderIdsOf(seeded))
    await env.services.db.transaction((tx) => recomputeOrderCommissions(seeded.ctx, tx, orderId));
}

const oneByOne = await seed('Mỹ phẩm Hoa Sen');
const bulk = await seed('Mỹ phẩm Hoa Sen (bulk)');
await recomputeEach(oneByOne);
// o1 is computed on its own first: the bulk run leaves it alone but counts it in Mai's October volume
await recomputeOne(bulk, 'o1');
const firstRun = await computeOrdersBulk(bulk.ctx, { programId: bulk.programId }, { chunkSize: 3 });

describe('bulk commission computation', () => {
  it('writes the same lines and ledger sums as computing the orders one by one', async () => {
    const expected = await readable(oneByOne);
    expect(await readable(bulk)).toEqual(expected);
    expect(await ledgerSums(bulk)).toEqual(await ledgerSums(oneByOne));
    expect(await checkLedger(bulk.ctx, env.services.db)).toEqual([]);
    // o1's three lines and their entries were written before the bulk run
    expect(firstRun).toEqual({
      orders: 9,
      lines: expected.length - 3,
      entries: (await counts(bulk.ctx)).entries - 3,
      recomputed: 0,
    });
  });

  it('covers every kind of line of the data set, with the exact amounts', async () => {
    const lines = await readable(bulk);
    const pick = (ref: string) =>
      lines
        .filter((line) => line.key.startsWith(`o:${ref}:`))
        .map((line) => [line.partner, line.kind, line.lineNo, line.amountMinor, line.status]);
    // Mai sold 700,000 ₫ earlier in October: 500,000 ₫ more reaches the 1,000,000 ₫ tier (2 %)
    // and lifts those earlier sales by 2 % (14,000 ₫)
    expect(pick('o3')).toEqual([
      ['mai', 'basic', 1, 50_000n, 'on_hold'],
      ['tuan', 'override', null, 25_000n, 'on_hold'],
      ['mai', 'tier', 1, 10_000n, 'on_hold'],
      ['mai', 'tier_adjustment', null, 14_000n, 'on_hold'],
    ]);
    // 50,000 ₫ order discount shared 29,851 / 20,149 ₫: nets 636,815 ₫ (skin care, 12 %) and
    // 429,852 ₫ (10 %); 1,066,667 ₫ crosses 2,000,000 ₫ (4 %, 42,667 ₫ shared by line net) and lifts
    // the month's 1,200,000 ₫ by 2 % more. One of two skin-care units comes back: half of that
    // line's lines, and 318,407 / 1,066,667 of the order-level ones, are reversed.
    expect(pick('o4')).toEqual([
      ['mai', 'basic', 2, 42_985n, 'on_hold'],
      ['mai', 'basic', 1, 76_418n, 'on_hold'],
      ['mai', 'reversal', 1, -38_209n, 'on_hold'],
      ['tuan', 'override', null, 53_333n, 'on_hold'],
      ['tuan', 'reversal', null, -15_920n, 'on_hold'],
      ['mai', 'tier', 1, 25_473n, 'on_hold'],
      ['mai', 'reversal', 1, -12_737n, 'on_hold'],
      ['mai', 'tier', 2, 17_194n, 'on_hold'],
      ['mai', 'tier_adjustment', null, 24_000n, 'on_hold'],
      ['mai', 'reversal', null, -7_164n, 'on_hold'],
    ]);
    // cancelled before completion: void, and no second catch-up (the tier was lifted by o4)
    expect(pick('o5')).toEqual([
      ['mai', 'basic', 1, 70_000n, 'void'],
      ['tuan', 'override', null, 35_000n, 'void'],
      ['mai', 'tier', 1, 28_000n, 'void'],
    ]);
    expect(pick('o6').map((line) => line[4])).toEqual(['review', 'review', 'review']);
    // bought by Hoa's upline himself: no override
    expect(pick('o7')).toEqual([['hoa', 'basic', 1, 40_000n, 'pending']]);
    // November starts a new period: back to the first tier, nothing to lift
    expect(pick('o9')).toEqual([
      ['mai', 'basic', 1, 120_000n, 'pending'],
      ['tuan', 'override', null, 60_000n, 'pending'],
      ['mai', 'tier', 1, 24_000n, 'pending'],
    ]);
  });

  it('writes nothing when run again, and the per-order recompute finds nothing to change', async () => {
    const before = await counts(bulk.ctx);
    expect(await computeOrdersBulk(bulk.ctx, { programId: bulk.programId })).toEqual({
      orders: 0,
      lines: 0,
      entries: 0,
      recomputed: 0,
    });
    // every order, o3 too: its catch-up stays although o4 (later) lifted the tier again
    const settled = orderIdsOf(bulk);
    expect(await computeOrdersBulk(bulk.ctx, { orderIds: settled })).toEqual({
      orders: 0,
      lines: 0,
      entries: 0,
      recomputed: settled.length,
    });
    expect(await counts(bulk.ctx)).toEqual(before);
  });
});
