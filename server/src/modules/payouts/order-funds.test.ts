import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { systemContext } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { requestJson } from '../../../../test/sessions';
import { balancesOf } from '../commissions/ledger';
import { ledgerEntries } from '../commissions/schema';
import { notifications } from '../notifications';
import { createSalesWorld, orderBody } from '../orders/partner-orders-fixtures';
import { recordOrderEvent } from '../orders/record-order-event';
import { payoutSettings } from './schema';
import { givePayable } from './test-fixtures';
import { convertToStoreCredit } from './withdrawals';

const env = await createTestEnv();

async function settings(
  orgId: string,
  programId: string,
  values: Partial<typeof payoutSettings.$inferInsert>,
) {
  await env.services.db
    .insert(payoutSettings)
    .values({ orgId, programId, ...values })
    .onConflictDoUpdate({ target: [payoutSettings.orgId, payoutSettings.programId], set: values });
}

describe('store credit spent on orders and deposits (ký quỹ)', () => {
  it('a CTV pays part of an order with store credit; a cancelled order gives it back', async () => {
    const world = await createSalesWorld(env);
    const ctx = systemContext(env, world.org.id);
    await settings(world.org.id, world.program.id, {
      methods: ['vietqr', 'store_credit'],
      storeCreditBonusPpm: 0,
    });
    await givePayable(env, world.org.id, world.mai.enrollmentId, 500_000n);
    await convertToStoreCredit(ctx, env.services.db, {
      enrollmentId: world.mai.enrollmentId,
      amountMinor: 500_000n,
      clientRequestId: 'credit-for-orders',
    });
    const order = (body: Record<string, unknown>) =>
      requestJson(env, 'POST', '/api/me/orders', { session: world.mai.session, body });
    const items = [{ productId: world.products.serum.id, quantity: 2 }]; // 700.000 ₫
    const tooMuch = await order(orderBody(world.mai.enrollmentId, items, { storeCreditMinor: '500001' }));
    expect(tooMuch.status).toBe(422);
    expect((await tooMuch.json()).error.details[0].path).toBe('body.storeCreditMinor');
    const paid = await order(orderBody(world.mai.enrollmentId, items, { storeCreditMinor: '300000' }));
    expect(paid.status, await paid.clone().text()).toBe(201);
    const placed = await paid.json();
    const credit = async () =>
      (await balancesOf(ctx, env.services.db, world.mai.enrollmentId)).get('VND')!.store_credit;
    expect(await credit()).toBe(200_000n);
    await recordOrderEvent(ctx, env.services.db, {
      order: { id: placed.id },
      type: 'cancelled',
      dedupeKey: 'cancel-1',
      reason: 'Khách huỷ',
    });
    expect(await credit()).toBe(500_000n);
    // a second cancellation event changes nothing
    await recordOrderEvent(ctx, env.services.db, {
      order: { id: placed.id },
      type: 'cancelled',
      dedupeKey: 'cancel-2',
      reason: 'Khách huỷ',
    });
    expect(await credit()).toBe(500_000n);
  });

  it('orders draw on the deposit; a program that blocks refuses an order the deposit cannot cover', async () => {
    const world = await createSalesWorld(env);
    const call = world.call;
    await settings(world.org.id, world.program.id, {
      depositBlocksOrders: true,
      depositAlertMinor: 1_000_000n,
    });
    const recorded = await call('POST', '/api/v1/deposits', {
      enrollmentId: world.hung.enrollmentId,
      amountMinor: '1500000',
      memo: 'Ký quỹ đại lý',
      reference: 'UNC-0001',
    });
    expect(await recorded.json()).toEqual({ balanceMinor: '1500000' });
    // the same transfer recorded twice counts once
    await call('POST', '/api/v1/deposits', {
      enrollmentId: world.hung.enrollmentId,
      amountMinor: '1500000',
      memo: 'Ký quỹ đại lý',
      reference: 'UNC-0001',
    });
    const order = (quantity: number) =>
      requestJson(env, 'POST', '/api/me/orders', {
        session: world.hung.session,
        body: orderBody(world.hung.enrollmentId, [{ productId: world.products.serum.id, quantity }]),
      });
    expect((await order(2)).status).toBe(201); // 700.000 ₫ drawn, 800.000 ₫ left
    const refused = await order(3); // 1.050.000 ₫ > 800.000 ₫
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.message).toMatch(/deposit/);
    const deposits = await (await call('GET', `/api/v1/deposits?programId=${world.program.id}`)).json();
    expect(deposits.items).toEqual([
      expect.objectContaining({
        enrollmentId: world.hung.enrollmentId,
        balanceMinor: '800000',
        alertMinor: '1000000',
        belowAlert: true,
        blocksOrders: true,
      }),
    ]);
    // the draw that crossed below 1.000.000 ₫ told Hùng and the managers, once
    const told = await env.services.db
      .select({ kind: notifications.kind, params: notifications.params })
      .from(notifications)
      .where(and(eq(notifications.orgId, world.org.id), eq(notifications.kind, 'deposit_low')));
    expect(told.length).toBeGreaterThanOrEqual(2);
    expect(told[0]!.params).toMatchObject({ balance: '800000', threshold: '1000000', currency: 'VND' });
    const drawn = await env.services.db
      .select({ kind: ledgerEntries.kind, amount: ledgerEntries.amountMinor })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.orgId, world.org.id), eq(ledgerEntries.bucket, 'deposit')));
    expect(drawn.map((row) => [row.kind, row.amount]).sort()).toEqual([
      ['deposit', 1_500_000n],
      ['deposit_draw', -700_000n],
    ]);
  });
});
