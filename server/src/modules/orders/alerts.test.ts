import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { requestJson, signInStaff } from '../../../../test/sessions';
import { notifications } from '../notifications';
import { startOrderAlerts } from './alerts-job';
import { createSalesWorld, enterOrder, orderBody, type SalesWorld } from './partner-orders-fixtures';
import { recordOrderEvent } from './record-order-event';
import { orderAlerts } from './schema';

const env = await createTestEnv();
const HOUR = 60 * 60_000;

/** Moves time on and lets the periodic sweep run as it would. */
async function passTime(ms: number) {
  env.clock.advance(ms);
  await env.services.jobs.drain();
}

async function noticesOf(world: SalesWorld, identityIds: string[]) {
  const rows = await env.services.db
    .select({
      identityId: notifications.identityId,
      audience: notifications.audience,
      kind: notifications.kind,
      params: notifications.params,
    })
    .from(notifications)
    .where(and(eq(notifications.orgId, world.org.id), inArray(notifications.identityId, identityIds)));
  return rows.filter((row) => row.kind.startsWith('order_'));
}

async function alertsOf(world: SalesWorld) {
  return env.services.db
    .select({ orderId: orderAlerts.orderId, kind: orderAlerts.kind, resolvedAt: orderAlerts.resolvedAt })
    .from(orderAlerts)
    .where(eq(orderAlerts.orgId, world.org.id));
}

const system = (world: SalesWorld) => ({
  orgId: world.org.id,
  services: env.services,
  actor: { type: 'system' as const, label: 'Test' },
});

describe('order alerts', () => {
  it('raise “waiting for confirmation” once after the program’s threshold, to the CTV and their care staff', async () => {
    const world = await createSalesWorld(env, { confirmAlertHours: 4 });
    const order = await enterOrder(
      env,
      world.mai.session,
      orderBody(world.mai.enrollmentId, [{ productId: world.products.serum.id, quantity: 1 }], {
        paymentMethod: 'transfer',
      }),
    );
    await startOrderAlerts(env.services);
    await passTime(0);
    await passTime(3 * HOUR + 50 * 60_000);
    expect(await alertsOf(world)).toEqual([]);

    await passTime(20 * 60_000);
    expect(await alertsOf(world)).toEqual([
      { orderId: order.id, kind: 'confirmation_overdue', resolvedAt: null },
    ]);
    const notices = await noticesOf(world, [
      world.mai.identityId,
      world.care.identity.id,
      world.owner.identityId,
    ]);
    expect(notices.map((n) => [n.identityId, n.audience, n.kind]).sort()).toEqual(
      [
        [world.mai.identityId, 'partner', 'order_confirmation_overdue'],
        [world.care.identity.id, 'staff', 'order_confirmation_overdue'],
      ].sort(),
    );
    // the care staff member reads it in the staff app's inbox; the CTV in the partner app
    const lan = await signInStaff(env, world.care.email, TEST_PASSWORD);
    const inbox = await (await requestJson(env, 'GET', '/api/me/notifications', { session: lan })).json();
    expect(inbox).toMatchObject({
      unreadCount: 1,
      items: [
        { kind: 'order_confirmation_overdue', params: { orderId: order.id, orderNumber: order.number } },
      ],
    });
    const mine = await (
      await requestJson(env, 'GET', '/api/me/notifications', { session: world.mai.session })
    ).json();
    expect(mine.items.map((item: { kind: string }) => item.kind)).toContain('order_confirmation_overdue');
    expect(notices[0]!.params).toMatchObject({
      orderNumber: order.number,
      customerName: 'Phạm Thu Hà',
      hours: '4',
    });

    const listed = await (await world.call('GET', '/api/v1/order-alerts')).json();
    expect(listed).toMatchObject({
      openCount: 1,
      items: [{ kind: 'confirmation_overdue', order: { id: order.id }, partner: { name: 'Trần Thị Mai' } }],
    });
    const queue = await (await world.call('GET', '/api/v1/order-queue')).json();
    expect(queue.items[0]).toMatchObject({ id: order.id, overdue: true, alerts: ['confirmation_overdue'] });

    // later sweeps raise nothing twice
    await passTime(2 * HOUR);
    expect(await noticesOf(world, [world.mai.identityId, world.care.identity.id])).toHaveLength(2);

    // confirming the order takes the alert off the list at once, and the sweep resolves it
    await recordOrderEvent(system(world), env.services.db, {
      order: { id: order.id },
      type: 'confirmed',
      dedupeKey: 'confirm',
    });
    expect((await (await world.call('GET', '/api/v1/order-alerts')).json()).openCount).toBe(0);
    await passTime(15 * 60_000);
    const [resolved] = await alertsOf(world);
    expect(resolved?.resolvedAt).not.toBeNull();
  });

  it('go to the managers when the CTV has no care staff', async () => {
    const world = await createSalesWorld(env);
    await enterOrder(
      env,
      world.hung.session,
      orderBody(world.hung.enrollmentId, [{ productId: world.products.mask.id, quantity: 1 }]),
    );
    await startOrderAlerts(env.services);
    await passTime(23 * HOUR);
    expect(await alertsOf(world)).toEqual([]);
    await passTime(HOUR + 15 * 60_000);
    const notices = await noticesOf(world, [
      world.hung.identityId,
      world.owner.identityId,
      world.care.identity.id,
    ]);
    expect(notices.map((n) => n.identityId).sort()).toEqual(
      [world.hung.identityId, world.owner.identityId].sort(),
    );
  });

  it('raise “payment failed” and “cash on delivery not collected”, and resolve them when paid', async () => {
    const world = await createSalesWorld(env);
    const transfer = await enterOrder(
      env,
      world.mai.session,
      orderBody(world.mai.enrollmentId, [{ productId: world.products.serum.id, quantity: 1 }], {
        paymentMethod: 'transfer',
      }),
    );
    const cod = await enterOrder(
      env,
      world.mai.session,
      orderBody(world.mai.enrollmentId, [{ productId: world.products.mask.id, quantity: 2 }]),
    );
    const ctx = system(world);
    for (const id of [transfer.id, cod.id]) {
      await recordOrderEvent(ctx, env.services.db, {
        order: { id },
        type: 'confirmed',
        dedupeKey: `c-${id}`,
      });
    }
    await recordOrderEvent(ctx, env.services.db, {
      order: { id: transfer.id },
      type: 'payment',
      paymentStatus: 'failed',
      dedupeKey: 'pay-1',
    });
    await startOrderAlerts(env.services);
    await passTime(15 * 60_000);
    expect(await alertsOf(world)).toEqual([
      { orderId: transfer.id, kind: 'payment_failed', resolvedAt: null },
    ]);

    await recordOrderEvent(ctx, env.services.db, {
      order: { id: cod.id },
      type: 'completed',
      dedupeKey: 'done',
    });
    await passTime(6 * 24 * HOUR + 23 * HOUR);
    expect((await alertsOf(world)).map((alert) => alert.kind)).toEqual(['payment_failed']);
    await passTime(HOUR + 15 * 60_000);
    expect((await alertsOf(world)).map((alert) => alert.kind).sort()).toEqual([
      'cod_uncollected',
      'payment_failed',
    ]);
    const kinds = (await noticesOf(world, [world.mai.identityId, world.care.identity.id])).map((n) => n.kind);
    expect(kinds.sort()).toEqual([
      'order_cod_uncollected',
      'order_cod_uncollected',
      'order_payment_failed',
      'order_payment_failed',
    ]);

    await recordOrderEvent(ctx, env.services.db, {
      order: { id: transfer.id },
      type: 'payment',
      paymentStatus: 'paid',
      dedupeKey: 'pay-2',
    });
    await recordOrderEvent(ctx, env.services.db, {
      order: { id: cod.id },
      type: 'payment',
      paymentStatus: 'paid',
      dedupeKey: 'cod-paid',
    });
    await passTime(15 * 60_000);
    expect((await alertsOf(world)).every((alert) => alert.resolvedAt !== null)).toBe(true);
    const listed = await (await world.call('GET', '/api/v1/order-alerts')).json();
    expect(listed).toEqual({ items: [], nextCursor: null, openCount: 0 });
  });
});
