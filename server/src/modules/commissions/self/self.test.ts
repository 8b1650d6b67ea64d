import { describe, expect, it } from 'vitest';
import { createTestEnrollment, createTestProgram } from '../../../../../test/enrollment-fixtures';
import { createTestOrg, systemContext, TEST_PASSWORD, uniqueEmail } from '../../../../../test/factories';
import { createTestEnv } from '../../../../../test/harness';
import { requestJson, signInPartner } from '../../../../../test/sessions';
import { newId } from '../../../platform/ids';
import { productCategories, products } from '../../catalog/schema';
import { orderItems, orders } from '../../orders/schema';
import { createPartnerAccount } from '../../partners';
import { balancesOf } from '../ledger';
import { publishDraftVersion, saveDraftVersion } from '../plans';
import { recomputeOrderCommissions } from '../recompute-order';

const env = await createTestEnv();
const { org } = await createTestOrg(env, { name: 'Mỹ phẩm Hoa Sen' });
const ctx = systemContext(env, org.id);
const program = await createTestProgram(env, org.id);

const email = uniqueEmail('ctv');
await createPartnerAccount(env.services, env.services.db, {
  fullName: 'Trần Thị Mai',
  email,
  password: TEST_PASSWORD,
});
const mai = await createTestEnrollment(env, org.id, { programId: program.id, email, status: 'approved' });
const other = await createTestEnrollment(env, org.id, { programId: program.id, status: 'approved' });
const session = await signInPartner(env, email, TEST_PASSWORD);

// "Mỹ phẩm" › "Chăm sóc da": a category rule on the parent covers the child
const parentCategory = newId('productCategory');
const childCategory = newId('productCategory');
await env.services.db.insert(productCategories).values([
  { orgId: org.id, id: parentCategory, name: 'Mỹ phẩm' },
  { orgId: org.id, id: childCategory, parentId: parentCategory, name: 'Chăm sóc da' },
]);
const serum = newId('product');
const tea = newId('product');
const hidden = newId('product');
await env.services.db.insert(products).values([
  {
    orgId: org.id,
    id: serum,
    sku: 'SERUM',
    name: 'Serum',
    categoryId: childCategory,
    currency: 'VND',
    priceMinor: 375_000n,
  },
  { orgId: org.id, id: tea, sku: 'TEA', name: 'Trà', currency: 'VND', priceMinor: 450_000n },
  {
    orgId: org.id,
    id: hidden,
    sku: 'OLD',
    name: 'Cũ',
    currency: 'VND',
    priceMinor: 100_000n,
    status: 'archived',
  },
]);

await saveDraftVersion(ctx, env.services.db, {
  programId: program.id,
  plan: {
    settings: {},
    rules: [
      { id: 'base', kind: 'basic', scope: { kind: 'all' }, calc: { type: 'percent', ratePpm: '100000' } },
      {
        id: 'skin',
        kind: 'basic',
        scope: { kind: 'category', categoryId: parentCategory },
        calc: { type: 'percent', ratePpm: '120000' },
      },
      {
        id: 'monthly',
        name: 'Thưởng doanh số tháng',
        kind: 'tier',
        scope: { kind: 'all' },
        period: 'month',
        measure: 'amount',
        mode: 'retroactive',
        tiers: [
          { threshold: '5000000', ratePpm: '20000' },
          { threshold: '10000000', ratePpm: '30000' },
        ],
      },
    ],
  },
});
await publishDraftVersion(ctx, env.services.db, {
  programId: program.id,
  effectiveFrom: new Date(env.clock.now().getTime() - 365 * 86_400_000),
});

async function sell(enrollmentId: string, quantity: number, unitPriceMinor: bigint, status = 'pending') {
  const id = newId('order');
  await env.services.db.insert(orders).values({
    orgId: org.id,
    id,
    source: 'api',
    externalId: id,
    number: id.slice(-6),
    programId: program.id,
    enrollmentId,
    attributionMethod: 'partner_code',
    attributionEvidence: {},
    currency: 'VND',
    subtotalMinor: BigInt(quantity) * unitPriceMinor,
    totalMinor: BigInt(quantity) * unitPriceMinor,
    status: status as 'pending',
    paymentStatus: 'unpaid',
    placedAt: env.clock.now(),
  });
  await env.services.db.insert(orderItems).values({
    orgId: org.id,
    orderId: id,
    lineNo: 1,
    sku: 'TEA',
    name: 'Trà',
    productId: tea,
    quantity,
    unitPriceMinor,
  });
  await env.services.db.transaction((tx) => recomputeOrderCommissions(ctx, tx, id));
  return id;
}

const get = async (path: string, query: Record<string, string>) => {
  const response = await requestJson(env, 'GET', `${path}?${new URLSearchParams(query)}`, { session });
  return { status: response.status, body: await response.json() };
};

describe('partner earnings', () => {
  it('shows what one unit of each active product earns: 12% on the category, 10% elsewhere', async () => {
    const { status, body } = await get('/api/me/catalog-commission', { enrollmentId: mai.enrollment.id });
    expect(status).toBe(200);
    const byProduct = new Map(body.items.map((item: { productId: string }) => [item.productId, item]));
    expect(byProduct.has(hidden)).toBe(false);
    // 12% of 375.000 ₫ and 10% of 450.000 ₫: 45.000 ₫ each
    expect(byProduct.get(serum)).toMatchObject({ amountMinor: '45000', priceMinor: '375000' });
    const serumLines = (
      byProduct.get(serum) as { lines: { ruleId: string; explanation: { scope: object } }[] }
    ).lines;
    expect(serumLines.map((l) => l.ruleId)).toEqual(['skin']);
    // the rule's category by name, not by id
    expect(serumLines[0]!.explanation.scope).toEqual({
      kind: 'category',
      categoryId: parentCategory,
      name: 'Mỹ phẩm',
    });
    expect(byProduct.get(tea)).toMatchObject({ amountMinor: '45000' });
    const one = await get('/api/me/catalog-commission', {
      enrollmentId: mai.enrollment.id,
      productIds: serum,
    });
    expect(one.body.items.map((item: { productId: string }) => item.productId)).toEqual([serum]);
  });

  it('shows tier progress, balances equal to the ledger, and only the partner’s own lines', async () => {
    await sell(mai.enrollment.id, 2, 1_500_000n);
    await sell(mai.enrollment.id, 1, 1_000_000n, 'cancelled');
    await sell(other.enrollment.id, 1, 9_000_000n);
    const { status, body } = await get('/api/me/earnings', { enrollmentId: mai.enrollment.id });
    expect(status).toBe(200);
    expect(body.tiers).toHaveLength(1);
    // 3.000.000 ₫ sold (the cancelled order does not count): 2.000.000 ₫ more to reach tier 1
    expect(body.tiers[0]).toMatchObject({ ruleId: 'monthly', volume: '3000000', reached: 0 });
    expect(body.tiers[0].next).toEqual({
      number: 1,
      threshold: '5000000',
      ratePpm: '20000',
      remaining: '2000000',
    });

    await sell(mai.enrollment.id, 1, 3_000_000n);
    const after = (await get('/api/me/earnings', { enrollmentId: mai.enrollment.id })).body;
    // 6.000.000 ₫: tier 1 reached, 4.000.000 ₫ more to reach tier 2
    expect(after.tiers[0]).toMatchObject({ volume: '6000000', reached: 1 });
    expect(after.tiers[0].next).toMatchObject({ number: 2, remaining: '4000000' });
    const ledger = (await balancesOf(ctx, env.services.db, mai.enrollment.id)).get('VND')!;
    expect(after.balances).toEqual([
      {
        currency: 'VND',
        pendingMinor: ledger.pending.toString(),
        onHoldMinor: ledger.on_hold.toString(),
        payableMinor: ledger.payable.toString(),
        paidMinor: ledger.paid.toString(),
      },
    ]);
    // 10% of 3.000.000 + 10% of 3.000.000 + 2% tier on the second order + retroactive 2% on the first
    expect(ledger.pending).toBe(300_000n + 300_000n + 60_000n + 60_000n);

    const lines = (await get('/api/me/commissions', { enrollmentId: mai.enrollment.id, limit: '2' })).body;
    expect(lines.items).toHaveLength(2);
    expect(lines.nextCursor).not.toBeNull();
    const rest = (
      await get('/api/me/commissions', { enrollmentId: mai.enrollment.id, cursor: lines.nextCursor })
    ).body;
    const all = [...lines.items, ...rest.items];
    expect(all.every((line: { enrollmentId: string }) => line.enrollmentId === mai.enrollment.id)).toBe(true);
    const live = all.filter((line: { status: string }) => line.status !== 'void');
    expect(
      live.reduce((sum: bigint, line: { amountMinor: string }) => sum + BigInt(line.amountMinor), 0n),
    ).toBe(ledger.pending);
    expect(all.find((line: { kind: string }) => line.kind === 'basic').explanation).toMatchObject({
      rule: { id: 'base' },
      calc: { type: 'percent', ratePpm: '100000' },
    });
    const voided = (await get('/api/me/commissions', { enrollmentId: mai.enrollment.id, status: 'void' }))
      .body;
    expect(voided.items.length).toBeGreaterThan(0);
    expect(voided.items.every((line: { status: string }) => line.status === 'void')).toBe(true);
  });

  it('keeps the lines of one order when asked, and none of an order credited to another partner', async () => {
    const mine = await sell(mai.enrollment.id, 2, 250_000n);
    const theirs = await sell(other.enrollment.id, 1, 700_000n);
    const { status, body } = await get('/api/me/commissions', {
      enrollmentId: mai.enrollment.id,
      orderId: mine,
    });
    expect(status).toBe(200);
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((line: { orderId: string }) => line.orderId === mine)).toBe(true);
    // 10% of 2 × 250.000 ₫
    expect(body.items.find((line: { kind: string }) => line.kind === 'basic')).toMatchObject({
      amountMinor: '50000',
      explanation: { rule: { id: 'base' } },
    });
    const foreign = await get('/api/me/commissions', { enrollmentId: mai.enrollment.id, orderId: theirs });
    expect(foreign.status).toBe(200);
    expect(foreign.body.items).toEqual([]);
    const invalid = await get('/api/me/commissions', {
      enrollmentId: mai.enrollment.id,
      orderId: 'x'.repeat(61),
    });
    expect(invalid.status).toBe(400);
  });

  it('answers 404 for another partner’s enrollment', async () => {
    for (const path of ['/api/me/earnings', '/api/me/commissions', '/api/me/catalog-commission']) {
      const { status } = await get(path, { enrollmentId: other.enrollment.id });
      expect(status, path).toBe(404);
    }
  });
});
