import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiCall, createTestApiKey, createTestOrg, systemContext } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { publishDraftVersion, saveDraftVersion } from '../commissions/plans';
import { createSalesWorld, enterOrder, orderBody, partner } from '../orders/partner-orders-fixtures';
import { recordOrderEvent } from '../orders/record-order-event';
import { orders } from '../orders/schema';
import { clickStats } from '../tracking/schema';

const env = await createTestEnv();
const DAY = 86_400_000;

type Overview = {
  from: string;
  to: string;
  partners: { approved: number; pending: number; joined: number };
  orders: {
    count: number;
    revenueMinor: string;
    toConfirm: number;
    openAlerts: number;
    openOpportunities: number;
    byDay: { day: string; orders: number; revenueMinor: string }[];
  };
  commissions: { pendingMinor: string; onHoldMinor: string; payableMinor: string; inReview: number };
  clicks: { days: number; total: number; unique: number };
};

describe('GET /api/v1/overview', () => {
  it('counts the last 30 days in the organisation’s time zone, what waits for people, balances and clicks', async () => {
    const world = await createSalesWorld(env);
    const ctx = systemContext(env, world.org.id);
    await saveDraftVersion(ctx, env.services.db, {
      programId: world.program.id,
      plan: {
        settings: {},
        rules: [
          {
            id: 'basic',
            kind: 'basic',
            scope: { kind: 'all' },
            calc: { type: 'percent', ratePpm: '100000' },
          },
        ],
      },
    });
    await publishDraftVersion(ctx, env.services.db, {
      programId: world.program.id,
      effectiveFrom: new Date(env.clock.now().getTime() - 90 * DAY),
    });
    // an order 31 days before today is outside the window
    const old = await enterOrder(
      env,
      world.mai.session,
      orderBody(world.mai.enrollmentId, [{ productId: world.products.mask.id, quantity: 1 }]),
    );
    await recordOrderEvent(ctx, env.services.db, {
      order: { id: old.id },
      type: 'confirmed',
      dedupeKey: 'c',
    });
    await env.services.db
      .update(orders)
      .set({ placedAt: new Date(env.clock.now().getTime() - 30 * DAY) })
      .where(and(eq(orders.orgId, world.org.id), eq(orders.id, old.id)));
    await partner(env, world.org.id, world.program.id, 'Võ Thị Hồng', 'pending');
    const kept = await enterOrder(
      env,
      world.mai.session,
      orderBody(world.mai.enrollmentId, [{ productId: world.products.serum.id, quantity: 2 }]),
    );
    const dropped = await enterOrder(
      env,
      world.hung.session,
      orderBody(world.hung.enrollmentId, [{ productId: world.products.mask.id, quantity: 1 }]),
    );
    await recordOrderEvent(ctx, env.services.db, {
      order: { id: dropped.id },
      type: 'cancelled',
      dedupeKey: 'x',
      reason: 'Khách đổi ý',
    });
    const hour = new Date(env.clock.now().getTime() - (env.clock.now().getTime() % 3_600_000));
    const click = { orgId: world.org.id, programId: world.program.id, enrollmentId: world.mai.enrollmentId };
    await env.services.db.insert(clickStats).values([
      { ...click, linkId: 'lnk_a', hour, deviceType: 'mobile', clicks: 5, uniqueClicks: 3, botClicks: 1 },
      // eight days ago: outside the last 7 days
      {
        ...click,
        linkId: 'lnk_a',
        hour: new Date(hour.getTime() - 8 * DAY),
        deviceType: 'mobile',
        clicks: 40,
        uniqueClicks: 40,
        botClicks: 0,
      },
    ]);

    // commission lines are computed by a job after each order
    await env.services.jobs.drain();
    const response = await world.call('GET', '/api/v1/overview');
    expect(response.status).toBe(200);
    const overview = (await response.json()) as Overview;
    // the harness clock is 2026-11-02T03:00Z, 10:00 in Vietnam; the old order (3 October, 10:00)
    // is a day before the window
    expect(overview.to).toBe('2026-11-02');
    expect(overview.from).toBe('2026-10-04');
    expect(overview.partners).toEqual({ approved: 2, pending: 1, joined: 2 });
    expect(overview.orders).toMatchObject({
      count: 2,
      revenueMinor: '700000',
      toConfirm: 1,
      openAlerts: 0,
      openOpportunities: 0,
    });
    expect(overview.orders.byDay).toHaveLength(30);
    expect(overview.orders.byDay[29]).toEqual({ day: '2026-11-02', orders: 2, revenueMinor: '700000' });
    expect(overview.orders.byDay.slice(0, 29).every((day) => day.orders === 0)).toBe(true);
    // 10% of the kept order waits in pending; the cancelled one's line is void; the old order's
    // 12.000 ₫ is still pending too (balances are all-time)
    expect(overview.commissions).toEqual({
      pendingMinor: '82000',
      onHoldMinor: '0',
      payableMinor: '0',
      inReview: 0,
    });
    expect(overview.clicks).toEqual({ days: 7, total: 5, unique: 3 });
    expect(kept.totalMinor).toBe('700000');

    // another organisation sees only its own
    const other = await createTestOrg(env);
    const callOther = apiCall(env, (await createTestApiKey(env, other.org.id)).secret);
    const answer = await (await callOther('GET', '/api/v1/overview')).json();
    expect(answer).toMatchObject({
      partners: { approved: 0, pending: 0, joined: 0 },
      orders: { count: 0, revenueMinor: '0', toConfirm: 0 },
      commissions: { pendingMinor: '0' },
      clicks: { total: 0 },
    });
  });
});
