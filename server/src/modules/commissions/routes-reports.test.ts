import { describe, expect, it } from 'vitest';
import { createTestEnrollment, createTestProgram } from '../../../../test/enrollment-fixtures';
import { apiCall, createTestApiKey, createTestOrg, systemContext } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { newId } from '../../platform/ids';
import { type AttributionFlag, customers, orderItems, orders } from '../orders/schema';
import { recomputeOrderCommissions } from './recompute-order';

// the clock stands at 2026-11-02 10:00 in Hồ Chí Minh City: the window is 2025-12 … 2026-11
const env = await createTestEnv();
const { org } = await createTestOrg(env, { name: 'Mỹ Phẩm Sen' });
const owner = apiCall(env, (await createTestApiKey(env, org.id, 'owner', 'Chủ')).secret);
const care = apiCall(env, (await createTestApiKey(env, org.id, 'care_staff', 'CSKH')).secret);
const program = await createTestProgram(env, org.id);
const quiet = await createTestProgram(env, org.id, { name: 'Chương trình chưa bán' });
const top = await createTestEnrollment(env, org.id, { programId: program.id, status: 'approved' });
const upline = await createTestEnrollment(env, org.id, {
  programId: program.id,
  status: 'approved',
  uplineReferralCode: top.enrollment.referralCode,
});
const seller = await createTestEnrollment(env, org.id, {
  programId: program.id,
  status: 'approved',
  uplineReferralCode: upline.enrollment.referralCode,
});
// partners who buy: one matched by the phone of their identity, one by their customer record
await createTestEnrollment(env, org.id, {
  programId: quiet.id,
  status: 'approved',
  phone: '0912345678',
});
const recordBuyer = await createTestEnrollment(env, org.id, { programId: quiet.id, status: 'approved' });

const plan = await (await owner('POST', '/api/v1/commission-plans', { programId: program.id })).json();
const saved = await owner('PUT', `/api/v1/commission-plans/${plan.id}/draft`, {
  plan: {
    settings: { overrideDepth: 2, multiLevelAcknowledged: true },
    rules: [
      { id: 'base', kind: 'basic', scope: { kind: 'all' }, calc: { type: 'percent', ratePpm: '100000' } },
      {
        id: 'ref',
        kind: 'override',
        levels: [
          { basis: 'sale', ratePpm: '50000' },
          { basis: 'sale', ratePpm: '30000' },
        ],
      },
    ],
  },
});
if (saved.status !== 200) throw new Error(await saved.text());
await owner('POST', `/api/v1/commission-plans/${plan.id}/publish`, { effectiveFrom: '2025-01-01T00:00:00Z' });

const customerId = newId('customer');
await env.services.db.insert(customers).values({
  orgId: org.id,
  id: customerId,
  name: 'Khách là CTV',
  partnerId: recordBuyer.partner.id,
});

async function order(options: {
  number: string;
  subtotal: bigint;
  discount?: bigint;
  status?: 'completed' | 'cancelled' | 'pending';
  completedAt?: string;
  returnedQuantity?: number;
  phone?: string;
  email?: string;
  customerId?: string;
  programId?: string;
  flags?: AttributionFlag[];
}) {
  const id = newId('order');
  const status = options.status ?? 'completed';
  const quantity = 4;
  const unit = options.subtotal / 4n;
  const returned = options.returnedQuantity ?? 0;
  const discount = options.discount ?? 0n;
  await env.services.db.insert(orders).values({
    orgId: org.id,
    id,
    source: 'api',
    externalId: id,
    number: options.number,
    programId: options.programId ?? program.id,
    enrollmentId: options.programId ? null : seller.enrollment.id,
    attributionMethod: 'partner_code',
    attributionEvidence: {},
    flags: options.flags ?? [],
    customerId: options.customerId ?? null,
    customerPhone: options.phone ?? null,
    customerEmail: options.email ?? null,
    currency: 'VND',
    subtotalMinor: options.subtotal,
    discountMinor: discount,
    totalMinor: options.subtotal - discount,
    returnedMinor: ((options.subtotal - discount) * BigInt(returned)) / 4n,
    status,
    completedAt: status === 'completed' ? new Date(options.completedAt!) : null,
    cancelledAt: status === 'cancelled' ? new Date('2026-10-20T03:00:00Z') : null,
    paymentStatus: 'paid',
    placedAt: new Date('2025-10-01T03:00:00Z'),
  });
  await env.services.db.insert(orderItems).values({
    orgId: org.id,
    orderId: id,
    lineNo: 1,
    productId: 'prd_kem',
    sku: 'KEM-1',
    name: 'Kem dưỡng',
    quantity,
    unitPriceMinor: unit,
    returnedQuantity: returned,
  });
  await env.services.db.transaction((tx) => recomputeOrderCommissions(systemContext(env, org.id), tx, id));
  return id;
}

// October: a stranger buys 1.000.000, a quarter of 400.000 comes back (net 300.000)
await order({ number: 'DH-1', subtotal: 1_000_000n, completedAt: '2026-10-15T03:00:00Z' });
await order({ number: 'DH-2', subtotal: 400_000n, completedAt: '2026-10-20T03:00:00Z', returnedQuantity: 1 });
// November (local time): a partner by phone (500.000 − 100.000 discount) at 01:00 on the 2nd, a
// partner by customer record at 00:30 on the 1st, a partner buying for themselves
await order({
  number: 'DH-3',
  subtotal: 500_000n,
  discount: 100_000n,
  completedAt: '2026-11-01T18:00:00Z',
  phone: '+84912345678',
});
await order({ number: 'DH-4', subtotal: 200_000n, completedAt: '2026-10-31T17:30:00Z', customerId });
await order({
  number: 'DH-5',
  subtotal: 100_000n,
  completedAt: '2026-11-01T05:00:00Z',
  flags: ['self_referral'],
});
// left out: cancelled, not completed yet, completed before the window (2025-11-30 23:00 local)
await order({ number: 'DH-6', subtotal: 800_000n, status: 'cancelled' });
await order({ number: 'DH-7', subtotal: 800_000n, status: 'pending' });
await order({ number: 'DH-8', subtotal: 800_000n, completedAt: '2025-11-30T16:00:00Z' });
// the other program: a partner buys, known by their email written in capitals
await order({
  number: 'DH-9',
  subtotal: 300_000n,
  completedAt: '2026-09-10T03:00:00Z',
  email: recordBuyer.identity.email!.toUpperCase(),
  programId: quiet.id,
});
// a bonus without an order, earned now (November)
await owner('POST', '/api/v1/commissions/incidental', {
  enrollmentId: seller.enrollment.id,
  amountMinor: '25000',
  reason: 'Thưởng tháng',
});

const report = async (call: typeof owner, query = '') => {
  const response = await call('GET', `/api/v1/commissions/guard-report${query}`);
  expect(response.status).toBe(200);
  return response.json();
};

describe('multi-level guard report', () => {
  it('sums revenue, commission and overrides of the last 12 months with exact shares', async () => {
    const body = await report(owner, `?programId=${program.id}`);
    expect(body).toMatchObject({
      timeZone: 'Asia/Ho_Chi_Minh',
      from: '2025-11-30T17:00:00.000Z',
      to: '2026-11-30T17:00:00.000Z',
      months: 12,
      limits: { payoutLimitPpm: '400000', overrideLimitPpm: '100000', nonPartnerMinPpm: '500000' },
    });
    expect(body.items).toHaveLength(1);
    const [item] = body.items;
    // revenue 1.000.000 + 300.000 + 400.000 + 200.000 + 100.000 = 2.000.000, of which 1.300.000
    // from strangers; commission 18 % of it (10 % + 5 % + 3 %) = 360.000 plus the 25.000 bonus,
    // overrides 8 % = 160.000
    expect(item).toMatchObject({
      programId: program.id,
      currency: 'VND',
      overrideDepth: 2,
      multiLevelAcknowledged: true,
      ordersInOtherCurrencies: 0,
      totals: {
        orders: 5,
        revenueMinor: '2000000',
        commissionMinor: '385000',
        overrideMinor: '160000',
        nonPartnerRevenueMinor: '1300000',
        partnerRevenueMinor: '700000',
        commissionSharePpm: '192500',
        overrideSharePpm: '80000',
        nonPartnerSharePpm: '650000',
      },
    });
    expect(item.monthly).toHaveLength(12);
    expect(item.monthly[0].month).toBe('2025-12');
    expect(item.monthly.slice(-2)).toEqual([
      {
        month: '2026-10',
        orders: 2,
        revenueMinor: '1300000',
        commissionMinor: '234000',
        overrideMinor: '104000',
        nonPartnerRevenueMinor: '1300000',
        partnerRevenueMinor: '0',
        commissionSharePpm: '180000',
        overrideSharePpm: '80000',
        nonPartnerSharePpm: '1000000',
        payoutsAtLimit: false,
      },
      {
        month: '2026-11',
        orders: 3,
        revenueMinor: '700000',
        commissionMinor: '151000',
        overrideMinor: '56000',
        nonPartnerRevenueMinor: '0',
        partnerRevenueMinor: '700000',
        commissionSharePpm: '215714',
        overrideSharePpm: '80000',
        nonPartnerSharePpm: '0',
        payoutsAtLimit: false,
      },
    ]);
    expect(item.monthly[0]).toMatchObject({ revenueMinor: '0', commissionSharePpm: null });
    expect(item.warnings).toEqual([{ code: 'multi_level', overrideDepth: 2, acknowledged: true }]);
  });

  it('warns at the limits, not only above them', async () => {
    const atLimits = await report(
      owner,
      `?programId=${program.id}&payoutLimitPpm=192500&overrideLimitPpm=80000&nonPartnerMinPpm=650001`,
    );
    expect(atLimits.items[0].warnings).toEqual([
      { code: 'payouts_at_limit', sharePpm: '192500', limitPpm: '192500' },
      { code: 'overrides_at_limit', sharePpm: '80000', limitPpm: '80000' },
      { code: 'non_partner_below_limit', sharePpm: '650000', limitPpm: '650001' },
      { code: 'multi_level', overrideDepth: 2, acknowledged: true },
    ]);
    const justBelow = await report(
      owner,
      `?programId=${program.id}&payoutLimitPpm=192501&overrideLimitPpm=80001&nonPartnerMinPpm=650000`,
    );
    expect(justBelow.items[0].warnings.map((w: { code: string }) => w.code)).toEqual(['multi_level']);
    // one month: November alone is over a 20 % payout limit
    const november = await report(owner, `?programId=${program.id}&months=1&payoutLimitPpm=200000`);
    expect(november.items[0].monthly.map((m: { month: string }) => m.month)).toEqual(['2026-11']);
    expect(november.items[0].monthly[0].payoutsAtLimit).toBe(true);
    expect(november.items[0].warnings[0]).toEqual({
      code: 'payouts_at_limit',
      sharePpm: '215714',
      limitPpm: '200000',
    });
  });

  it('lists every program of the organisation without a programId, and refuses bad limits', async () => {
    const body = await report(care);
    const ids = body.items.map((item: { programId: string }) => item.programId);
    expect(ids.sort()).toEqual([program.id, quiet.id].sort());
    expect(body.items.find((item: { programId: string }) => item.programId === quiet.id)).toMatchObject({
      overrideDepth: 1,
      planVersionId: null,
      totals: {
        orders: 1,
        revenueMinor: '300000',
        commissionMinor: '0',
        nonPartnerRevenueMinor: '0',
        partnerRevenueMinor: '300000',
        commissionSharePpm: '0',
        nonPartnerSharePpm: '0',
      },
      warnings: [{ code: 'non_partner_below_limit', sharePpm: '0', limitPpm: '500000' }],
    });
    expect((await owner('GET', '/api/v1/commissions/guard-report?payoutLimitPpm=1000001')).status).toBe(400);
    expect((await owner('GET', '/api/v1/commissions/guard-report?months=0')).status).toBe(400);
    expect((await owner('GET', '/api/v1/commissions/guard-report?programId=prg_missing')).status).toBe(404);
  });

  it('leaves rejected lines out', async () => {
    const lines = await (await owner('GET', '/api/v1/commissions?kind=incidental')).json();
    const rejected = await owner('POST', '/api/v1/commissions/decisions', {
      decision: 'reject',
      reason: 'Trùng thưởng',
      lineIds: [lines.items[0].id],
    });
    expect((await rejected.json()).decided).toBe(1);
    const body = await report(owner, `?programId=${program.id}`);
    expect(body.items[0].totals).toMatchObject({ commissionMinor: '360000', commissionSharePpm: '180000' });
  });

  it('warns at the limits the program’s plan sets, unless the request names others', async () => {
    const before = await report(owner, `?programId=${program.id}`);
    expect(before.items[0]).toMatchObject({
      limitsFrom: 'default',
      limits: { payoutLimitPpm: '400000', overrideLimitPpm: '100000', nonPartnerMinPpm: '500000' },
    });
    const draft = await owner('PUT', `/api/v1/commission-plans/${plan.id}/draft`, {
      plan: {
        settings: {
          overrideDepth: 2,
          multiLevelAcknowledged: true,
          guardLimits: { payoutLimitPpm: '150000', overrideLimitPpm: '100000', nonPartnerMinPpm: '700000' },
        },
        rules: [
          { id: 'base', kind: 'basic', scope: { kind: 'all' }, calc: { type: 'percent', ratePpm: '100000' } },
          {
            id: 'ref',
            kind: 'override',
            levels: [
              { basis: 'sale', ratePpm: '50000' },
              { basis: 'sale', ratePpm: '30000' },
            ],
          },
        ],
      },
    });
    expect(draft.status).toBe(200);
    const published = await owner('POST', `/api/v1/commission-plans/${plan.id}/publish`, {
      effectiveFrom: env.clock.now().toISOString(),
    });
    expect(published.status).toBe(200);
    const body = await report(owner, `?programId=${program.id}`);
    expect(body.items[0]).toMatchObject({
      limitsFrom: 'plan',
      limits: { payoutLimitPpm: '150000', overrideLimitPpm: '100000', nonPartnerMinPpm: '700000' },
    });
    // commission 18 % of revenue is at or above the plan's 15 %; 65 % from non-partners is below 70 %
    expect(body.items[0].warnings).toEqual([
      { code: 'payouts_at_limit', sharePpm: '180000', limitPpm: '150000' },
      { code: 'non_partner_below_limit', sharePpm: '650000', limitPpm: '700000' },
      { code: 'multi_level', overrideDepth: 2, acknowledged: true },
    ]);
    // a limit in the request is a what-if over the plan's
    const whatIf = await report(owner, `?programId=${program.id}&payoutLimitPpm=400000`);
    expect(whatIf.items[0]).toMatchObject({
      limitsFrom: 'request',
      limits: { payoutLimitPpm: '400000', overrideLimitPpm: '100000', nonPartnerMinPpm: '700000' },
    });
    expect(whatIf.items[0].warnings.map((w: { code: string }) => w.code)).toEqual([
      'non_partner_below_limit',
      'multi_level',
    ]);
  });

  it('needs a signed-in caller and shows nothing of another organisation', async () => {
    expect((await env.app.request('/api/v1/commissions/guard-report')).status).toBe(401);
    const other = await createTestOrg(env, { name: 'Tổ chức khác' });
    const intruder = apiCall(env, (await createTestApiKey(env, other.org.id, 'owner', 'Khác')).secret);
    const ownProgram = await createTestProgram(env, other.org.id);
    expect((await intruder('GET', `/api/v1/commissions/guard-report?programId=${program.id}`)).status).toBe(
      404,
    );
    const theirs = await report(intruder);
    expect(theirs.items.map((item: { programId: string }) => item.programId)).toEqual([ownProgram.id]);
    expect(theirs.items[0].totals).toMatchObject({ revenueMinor: '0', commissionMinor: '0' });
  });
});
