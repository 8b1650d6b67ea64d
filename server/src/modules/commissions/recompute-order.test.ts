import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestEnrollment, createTestProgram } from '../../../../test/enrollment-fixtures';
import { createTestOrg, systemContext } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { newId } from '../../platform/ids';
import { addOrderItems } from '../orders';
import { orderItems, orders } from '../orders/schema';
import { programs } from '../programs/schema';
import { balancesOf, checkLedger } from './ledger';
import { publishDraftVersion, saveDraftVersion } from './plans';
import { recomputeOrderCommissions } from './recompute-order';
import { releaseHeldLines } from './release-held';
import { commissionLines, ledgerEntries } from './schema';

const env = await createTestEnv();
const { org } = await createTestOrg(env, { name: 'Mỹ phẩm Hoa Sen' });
const ctx = systemContext(env, org.id);
const program = await createTestProgram(env, org.id);
await env.services.db
  .update(programs)
  .set({ holdDays: 30 })
  .where(and(eq(programs.orgId, org.id), eq(programs.id, program.id)));
const upline = await createTestEnrollment(env, org.id, {
  programId: program.id,
  status: 'approved',
  fullName: 'Lê Văn Tuấn',
});
const seller = await createTestEnrollment(env, org.id, {
  programId: program.id,
  status: 'approved',
  fullName: 'Trần Thị Mai',
  uplineReferralCode: upline.enrollment.referralCode,
});

const planStart = new Date(env.clock.now().getTime() - 365 * 86_400_000);
await saveDraftVersion(ctx, env.services.db, {
  programId: program.id,
  plan: {
    settings: {},
    rules: [
      { id: 'base', kind: 'basic', scope: { kind: 'all' }, calc: { type: 'percent', ratePpm: '100000' } },
      { id: 'ref', kind: 'override', levels: [{ basis: 'sale', ratePpm: '50000' }] },
    ],
  },
});
await publishDraftVersion(ctx, env.services.db, { programId: program.id, effectiveFrom: planStart });

type ItemSpec = { quantity: number; unitPriceMinor: bigint };

async function placeOrder(items: ItemSpec[], overrides: Partial<typeof orders.$inferInsert> = {}) {
  const id = newId('order');
  const subtotal = items.reduce((sum, item) => sum + BigInt(item.quantity) * item.unitPriceMinor, 0n);
  await env.services.db.insert(orders).values({
    orgId: org.id,
    id,
    source: 'api',
    externalId: id,
    number: id.slice(-6),
    programId: program.id,
    enrollmentId: seller.enrollment.id,
    attributionMethod: 'partner_code',
    attributionEvidence: { partnerCode: seller.enrollment.referralCode },
    currency: 'VND',
    subtotalMinor: subtotal,
    totalMinor: subtotal,
    status: 'pending',
    paymentStatus: 'unpaid',
    placedAt: env.clock.now(),
    ...overrides,
  });
  await env.services.db.insert(orderItems).values(
    items.map((item, index) => ({
      orgId: org.id,
      orderId: id,
      lineNo: index + 1,
      sku: `SKU-${index + 1}`,
      name: `Sản phẩm ${index + 1}`,
      quantity: item.quantity,
      unitPriceMinor: item.unitPriceMinor,
    })),
  );
  return id;
}

const recompute = (orderId: string) =>
  env.services.db.transaction((tx) => recomputeOrderCommissions(ctx, tx, orderId));

async function setOrder(orderId: string, values: Partial<typeof orders.$inferInsert>) {
  await env.services.db
    .update(orders)
    .set(values)
    .where(and(eq(orders.orgId, org.id), eq(orders.id, orderId)));
}

async function returnItems(orderId: string, lineNo: number, returnedQuantity: number) {
  await env.services.db
    .update(orderItems)
    .set({ returnedQuantity })
    .where(and(eq(orderItems.orgId, org.id), eq(orderItems.orderId, orderId), eq(orderItems.lineNo, lineNo)));
}

async function linesOf(orderId: string) {
  return env.services.db
    .select()
    .from(commissionLines)
    .where(and(eq(commissionLines.orgId, org.id), eq(commissionLines.orderId, orderId)))
    .orderBy(commissionLines.createdAt, commissionLines.level, commissionLines.lineNo, commissionLines.kind);
}

async function entryCount() {
  const [row] = await env.services.db
    .select({ count: sql<number>`count(*)::int` })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.orgId, org.id));
  return row!.count;
}

const sumOf = (lines: { amountMinor: bigint }[]) =>
  lines.reduce((total, line) => total + line.amountMinor, 0n);

describe('order commissions in the ledger', () => {
  it('credits an attributed order as pending, with the override to the upline, once', async () => {
    const orderId = await placeOrder([{ quantity: 3, unitPriceMinor: 150_000n }]);
    await recompute(orderId);
    const lines = await linesOf(orderId);
    expect(lines.map((l) => [l.kind, l.enrollmentId, l.amountMinor, l.status])).toEqual([
      ['basic', seller.enrollment.id, 45_000n, 'pending'],
      ['override', upline.enrollment.id, 22_500n, 'pending'],
    ]);
    const entries = await entryCount();
    await recompute(orderId);
    expect(await linesOf(orderId)).toEqual(lines);
    expect(await entryCount()).toBe(entries);
    const balances = await balancesOf(ctx, env.services.db, seller.enrollment.id);
    expect(balances.get('VND')?.pending).toBe(45_000n);
  });

  it('holds a completed order for the hold period, then makes it payable', async () => {
    const orderId = await placeOrder([{ quantity: 1, unitPriceMinor: 200_000n }]);
    await recompute(orderId);
    const completedAt = env.clock.now();
    await setOrder(orderId, { status: 'completed', completedAt });
    await recompute(orderId);
    const [held] = await linesOf(orderId);
    expect(held).toMatchObject({
      status: 'on_hold',
      holdUntil: new Date(completedAt.getTime() + 30 * 86_400_000),
    });

    env.clock.advance(29 * 86_400_000);
    await releaseHeldLines(env.services);
    expect((await linesOf(orderId))[0]!.status).toBe('on_hold');
    env.clock.advance(86_400_000);
    await releaseHeldLines(env.services);
    expect((await linesOf(orderId)).map((l) => l.status)).toEqual(['approved', 'approved']);
    await releaseHeldLines(env.services);
    expect(await checkLedger(ctx, env.services.db)).toEqual([]);
  });

  it('reverses exactly the returned share, and a full return brings the order to zero', async () => {
    const orderId = await placeOrder([
      { quantity: 3, unitPriceMinor: 100_001n },
      { quantity: 1, unitPriceMinor: 50_000n },
    ]);
    await recompute(orderId);
    await setOrder(orderId, { status: 'completed', completedAt: env.clock.now() });
    await returnItems(orderId, 1, 1);
    await recompute(orderId);
    await recompute(orderId);
    const afterOne = await linesOf(orderId);
    const reversals = afterOne.filter((l) => l.kind === 'reversal');
    // line 1 earned 30.000 ₫ (10% of 300.003 ₫): one of three units takes back 10.000 ₫;
    // the override (5% of the 350.003 ₫ sale = 17.500 ₫) gives back the returned 100.001 ₫'s share
    expect(reversals.map((l) => [l.lineNo, l.enrollmentId, l.amountMinor])).toEqual([
      [1, seller.enrollment.id, -10_000n],
      [null, upline.enrollment.id, -5_000n],
    ]);
    await returnItems(orderId, 1, 3);
    await returnItems(orderId, 2, 1);
    await recompute(orderId);
    const all = await linesOf(orderId);
    expect(sumOf(all.filter((l) => l.enrollmentId === seller.enrollment.id))).toBe(0n);
    expect(sumOf(all.filter((l) => l.enrollmentId === upline.enrollment.id))).toBe(0n);
    expect(await checkLedger(ctx, env.services.db)).toEqual([]);
  });

  it('a line added to the order later (an edit on the shop) earns its commission once, the rest unchanged', async () => {
    const orderId = await placeOrder([{ quantity: 1, unitPriceMinor: 200_000n }]);
    await recompute(orderId);
    const edit = {
      order: { id: orderId },
      items: [
        { sku: 'SKU-ADD', name: 'Mặt nạ', quantity: 2, unitPriceMinor: 50_000n, externalLineId: 'L-2' },
      ],
      dedupeKey: 'edit-1',
    };
    const added = await env.services.db.transaction((tx) => addOrderItems(ctx, tx, edit));
    expect(added.applied).toBe(true);
    expect(added.order).toMatchObject({ subtotalMinor: '300000', totalMinor: '300000' });
    expect(added.order.items.map((item) => [item.lineNo, item.sku, item.quantity])).toEqual([
      [1, 'SKU-1', 1],
      [2, 'SKU-ADD', 2],
    ]);
    // the same edit again, or the same platform line under another key, adds nothing
    const again = await env.services.db.transaction((tx) => addOrderItems(ctx, tx, edit));
    const sameLine = await env.services.db.transaction((tx) =>
      addOrderItems(ctx, tx, { ...edit, dedupeKey: 'edit-1-redelivered' }),
    );
    expect([again.applied, sameLine.applied]).toEqual([false, false]);
    expect(sameLine.order.items).toHaveLength(2);

    await recompute(orderId);
    await recompute(orderId);
    const lines = await linesOf(orderId);
    // 10% of each line for the seller (20.000 + 10.000 ₫), 5% of the 300.000 ₫ sale for the upline
    expect(lines.filter((l) => l.kind === 'basic').map((l) => [l.lineNo, l.amountMinor])).toEqual([
      [1, 20_000n],
      [2, 10_000n],
    ]);
    expect(sumOf(lines.filter((l) => l.enrollmentId === seller.enrollment.id))).toBe(30_000n);
    expect(sumOf(lines.filter((l) => l.enrollmentId === upline.enrollment.id))).toBe(15_000n);
    expect(await checkLedger(ctx, env.services.db)).toEqual([]);

    await setOrder(orderId, { status: 'cancelled', cancelledAt: env.clock.now() });
    await expect(
      env.services.db.transaction((tx) =>
        addOrderItems(ctx, tx, {
          ...edit,
          items: [{ sku: 'SKU-3', quantity: 1, unitPriceMinor: 1n, externalLineId: 'L-3' }],
          dedupeKey: 'edit-2',
        }),
      ),
    ).rejects.toMatchObject({ code: 'unprocessable' });
  });

  it('voids the lines of an order cancelled before completion', async () => {
    const orderId = await placeOrder([{ quantity: 2, unitPriceMinor: 75_000n }]);
    await recompute(orderId);
    const before = await balancesOf(ctx, env.services.db, seller.enrollment.id);
    await setOrder(orderId, { status: 'cancelled', cancelledAt: env.clock.now() });
    await recompute(orderId);
    expect((await linesOf(orderId)).map((l) => l.status)).toEqual(['void', 'void']);
    const after = await balancesOf(ctx, env.services.db, seller.enrollment.id);
    expect(after.get('VND')!.pending).toBe(before.get('VND')!.pending - 15_000n);
  });

  it('leaves a negative payable balance when goods come back after a payout', async () => {
    const fresh = await createTestEnrollment(env, org.id, { programId: program.id, status: 'approved' });
    const orderId = await placeOrder([{ quantity: 1, unitPriceMinor: 900_000n }], {
      enrollmentId: fresh.enrollment.id,
    });
    await recompute(orderId);
    await setOrder(orderId, { status: 'completed', completedAt: env.clock.now() });
    await recompute(orderId);
    env.clock.advance(31 * 86_400_000);
    await releaseHeldLines(env.services);
    // the payout of the 90.000 ₫, as the payouts module writes it: out of payable, into paid
    await env.services.db.insert(ledgerEntries).values([
      {
        orgId: org.id,
        id: newId('ledgerEntry'),
        enrollmentId: fresh.enrollment.id,
        currency: 'VND',
        bucket: 'payable',
        amountMinor: -90_000n,
        kind: 'payout',
        idempotencyKey: 'payout:1:out',
      },
      {
        orgId: org.id,
        id: newId('ledgerEntry'),
        enrollmentId: fresh.enrollment.id,
        currency: 'VND',
        bucket: 'paid',
        amountMinor: 90_000n,
        kind: 'payout',
        idempotencyKey: 'payout:1:in',
      },
    ]);
    await returnItems(orderId, 1, 1);
    await recompute(orderId);
    const balances = (await balancesOf(ctx, env.services.db, fresh.enrollment.id)).get('VND')!;
    expect(balances.payable).toBe(-90_000n);
    expect(balances.paid).toBe(90_000n);
  });

  it('holds the lines of a flagged order for review', async () => {
    const orderId = await placeOrder([{ quantity: 1, unitPriceMinor: 100_000n }], {
      flags: ['self_referral'],
    });
    await recompute(orderId);
    await setOrder(orderId, { status: 'completed', completedAt: env.clock.now() });
    await recompute(orderId);
    expect((await linesOf(orderId)).map((l) => l.status)).toEqual(['review', 'review']);
    env.clock.advance(60 * 86_400_000);
    await releaseHeldLines(env.services);
    expect((await linesOf(orderId)).map((l) => l.status)).toEqual(['review', 'review']);
  });

  it('corrects, never edits, when a plan fix changes the result', async () => {
    const orderId = await placeOrder([{ quantity: 1, unitPriceMinor: 500_000n }]);
    await recompute(orderId);
    const [original] = await linesOf(orderId);
    await saveDraftVersion(ctx, env.services.db, {
      programId: program.id,
      plan: {
        settings: {},
        rules: [
          { id: 'base', kind: 'basic', scope: { kind: 'all' }, calc: { type: 'percent', ratePpm: '120000' } },
          { id: 'ref', kind: 'override', levels: [{ basis: 'sale', ratePpm: '50000' }] },
        ],
      },
    });
    await publishDraftVersion(ctx, env.services.db, { programId: program.id, effectiveFrom: planStart });
    await recompute(orderId);
    await recompute(orderId);
    const lines = await linesOf(orderId);
    expect(lines.find((l) => l.id === original!.id)).toEqual(original);
    const corrections = lines.filter((l) => l.kind === 'correction');
    expect(corrections.map((l) => [l.reversesLineId, l.amountMinor])).toEqual([[original!.id, 10_000n]]);
    expect(sumOf(lines.filter((l) => l.enrollmentId === seller.enrollment.id))).toBe(60_000n);
    expect(await checkLedger(ctx, env.services.db)).toEqual([]);
  });

  it('refuses to change or delete ledger entries, in the database itself', async () => {
    await expect(
      env.services.db.execute(sql`update ledger_entries set amount_minor = 0 where org_id = ${org.id}`),
    ).rejects.toThrow();
    await expect(
      env.services.db.execute(sql`delete from ledger_entries where org_id = ${org.id}`),
    ).rejects.toThrow();
  });
});
