import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestSession } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { requestJson } from '../../../../test/sessions';
import { addOrderItems } from './add-order-items';
import { createSalesWorld, enterOrder, orderBody, partner } from './partner-orders-fixtures';
import { seedDemoSales } from './partner-orders-seed-demo';
import { recordOrderEvent } from './record-order-event';
import { orders } from './schema';

const env = await createTestEnv();

type QueueItem = {
  id: string;
  waitingMinutes: number;
  partner: { name: string; enteredTheOrder: boolean } | null;
  totalMinor: string;
};

describe('orders entered by CTVs', () => {
  it('are priced from the catalog, once per client order id, and wait for confirmation', async () => {
    const world = await createSalesWorld(env);
    const body = orderBody(
      world.mai.enrollmentId,
      [
        { productId: world.products.serum.id, quantity: 2 },
        { sku: 'mask-10', quantity: 1 },
      ],
      { note: 'Giao giờ hành chính' },
    );
    const first = await requestJson(env, 'POST', '/api/me/orders', { session: world.mai.session, body });
    expect(first.status, await first.clone().text()).toBe(201);
    const order = await first.json();
    expect(order).toMatchObject({
      status: 'pending',
      paymentMethod: 'cod',
      paymentStatus: 'cod_pending',
      currency: 'VND',
      subtotalMinor: '820000',
      totalMinor: '820000',
      enteredByMe: true,
      customer: { name: 'Phạm Thu Hà', phone: '+84901234567' },
      shippingAddress: '12 Lê Lợi, Quận 1, TP. Hồ Chí Minh',
      note: 'Giao giờ hành chính',
    });

    // a double tap or a retry answers the same order
    const again = await requestJson(env, 'POST', '/api/me/orders', { session: world.mai.session, body });
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(order.id);
    const [stored] = await env.services.db
      .select({ n: count() })
      .from(orders)
      .where(eq(orders.orgId, world.org.id));
    expect(stored?.n).toBe(1);

    const detail = await requestJson(env, 'GET', `/api/me/orders/${order.id}`, {
      session: world.mai.session,
    });
    expect(detail.status).toBe(200);
    const shown = await detail.json();
    expect(shown.items).toEqual([
      expect.objectContaining({
        sku: 'SERUM-30',
        quantity: 2,
        unitPriceMinor: '350000',
        lineTotalMinor: '700000',
      }),
      expect.objectContaining({
        sku: 'MASK-10',
        quantity: 1,
        unitPriceMinor: '120000',
        lineTotalMinor: '120000',
      }),
    ]);
    expect(shown.timeline.map((entry: { type: string }) => entry.type)).toEqual(['created']);
    expect(JSON.stringify(shown)).not.toMatch(/attribution|costMinor|actor/i);

    const list = await requestJson(env, 'GET', `/api/me/orders?enrollmentId=${world.mai.enrollmentId}`, {
      session: world.mai.session,
    });
    expect((await list.json()).items.map((item: { id: string }) => item.id)).toEqual([order.id]);

    // the customer the CTV brought is theirs, phone masked
    const customers = await requestJson(env, 'GET', '/api/me/customers', { session: world.mai.session });
    expect((await customers.json()).items).toEqual([
      expect.objectContaining({
        enrollmentId: world.mai.enrollmentId,
        name: 'Phạm Thu Hà',
        phone: '+8490•••4567',
        orderCount: 1,
        lastOrderAt: order.placedAt,
      }),
    ]);
    const hungCustomers = await requestJson(env, 'GET', '/api/me/customers', { session: world.hung.session });
    expect((await hungCustomers.json()).items).toEqual([]);
    // searched by name, marks optional, from the start of any word
    const search = async (q: string) => {
      const response = await requestJson(env, 'GET', `/api/me/customers?q=${encodeURIComponent(q)}`, {
        session: world.mai.session,
      });
      expect(response.status).toBe(200);
      return (await response.json()).items.map((item: { name: string }) => item.name);
    };
    expect(await search('pham')).toEqual(['Phạm Thu Hà']);
    expect(await search('thu h')).toEqual(['Phạm Thu Hà']);
    expect(await search('Hà')).toEqual(['Phạm Thu Hà']);
    expect(await search('hu')).toEqual([]);
    expect(await search('%')).toEqual([]);
    const hungSearch = await requestJson(env, 'GET', '/api/me/customers?q=pham', {
      session: world.hung.session,
    });
    expect((await hungSearch.json()).items).toEqual([]);
  });

  it('refuse archived products, other organisations’ products, prices from the app and bad phones', async () => {
    const world = await createSalesWorld(env);
    const other = await createSalesWorld(env);
    const post = (body: unknown) =>
      requestJson(env, 'POST', '/api/me/orders', { session: world.mai.session, body });

    const archived = await post(
      orderBody(world.mai.enrollmentId, [{ productId: world.products.old.id, quantity: 1 }]),
    );
    expect(archived.status).toBe(400);
    expect((await archived.json()).error.details).toEqual([
      { path: 'body.items.0', message: 'This product is not in the catalog or not on sale' },
    ]);
    const foreign = await post(
      orderBody(world.mai.enrollmentId, [
        { productId: world.products.mask.id, quantity: 1 },
        { productId: other.products.serum.id, quantity: 1 },
      ]),
    );
    expect(foreign.status).toBe(400);
    expect((await foreign.json()).error.details.map((d: { path: string }) => d.path)).toEqual([
      'body.items.1',
    ]);
    const priced = await post(
      orderBody(world.mai.enrollmentId, [
        { productId: world.products.serum.id, quantity: 1, unitPriceMinor: '1' },
      ]),
    );
    expect(priced.status).toBe(400);
    const phone = await post(
      orderBody(world.mai.enrollmentId, [{ productId: world.products.serum.id, quantity: 1 }], {
        customer: { name: 'Khách', phone: '0123', address: '1 Lê Lợi, Huế' },
      }),
    );
    expect(phone.status).toBe(400);
    const noItems = await post(orderBody(world.mai.enrollmentId, []));
    expect(noItems.status).toBe(400);
    const notMine = await post(
      orderBody(world.hung.enrollmentId, [{ productId: world.products.serum.id, quantity: 1 }]),
    );
    expect(notMine.status).toBe(404);
    const pending = await partner(env, world.org.id, world.program.id, 'Đỗ Văn Chờ', 'pending');
    const notApproved = await requestJson(env, 'POST', '/api/me/orders', {
      session: pending.session,
      body: orderBody(pending.enrollmentId, [{ productId: world.products.serum.id, quantity: 1 }]),
    });
    expect(notApproved.status).toBe(403);
    const [stored] = await env.services.db
      .select({ n: count() })
      .from(orders)
      .where(eq(orders.orgId, world.org.id));
    expect(stored?.n).toBe(0);
  });

  it('cannot be read by another partner, and a used client order id cannot be taken over', async () => {
    const world = await createSalesWorld(env);
    const body = orderBody(world.mai.enrollmentId, [{ productId: world.products.serum.id, quantity: 1 }]);
    const order = await enterOrder(env, world.mai.session, body);
    const peek = await requestJson(env, 'GET', `/api/me/orders/${order.id}`, { session: world.hung.session });
    expect(peek.status).toBe(404);
    const list = await requestJson(env, 'GET', '/api/me/orders', { session: world.hung.session });
    expect((await list.json()).items).toEqual([]);
    const takeOver = await requestJson(env, 'POST', '/api/me/orders', {
      session: world.hung.session,
      body: { ...body, enrollmentId: world.hung.enrollmentId },
    });
    expect(takeOver.status).toBe(409);
    expect(JSON.stringify(await takeOver.json())).not.toContain(order.id);
    const staff = await createTestSession(env, world.care.identity.id, world.org.id);
    const staffCall = await env.app.request('/api/me/orders', { headers: staff });
    expect(staffCall.status).toBe(403);
  });

  it('show the CTV the confirmation and the cancellation reason', async () => {
    const world = await createSalesWorld(env);
    const ctx = {
      orgId: world.org.id,
      services: env.services,
      actor: { type: 'system' as const, label: 'Test' },
    };
    const kept = await enterOrder(
      env,
      world.mai.session,
      orderBody(world.mai.enrollmentId, [{ productId: world.products.serum.id, quantity: 1 }]),
    );
    const dropped = await enterOrder(
      env,
      world.mai.session,
      orderBody(world.mai.enrollmentId, [{ productId: world.products.mask.id, quantity: 1 }]),
    );
    env.clock.advance(60_000);
    await recordOrderEvent(ctx, env.services.db, {
      order: { id: kept.id },
      type: 'confirmed',
      dedupeKey: 'c1',
    });
    env.clock.advance(60_000);
    await recordOrderEvent(ctx, env.services.db, {
      order: { id: kept.id },
      type: 'completed',
      dedupeKey: 'f1',
    });
    await recordOrderEvent(ctx, env.services.db, {
      order: { id: dropped.id },
      type: 'cancelled',
      dedupeKey: 'x1',
      reason: 'Khách đổi ý',
    });
    const keptView = await (
      await requestJson(env, 'GET', `/api/me/orders/${kept.id}`, { session: world.mai.session })
    ).json();
    expect(keptView.status).toBe('completed');
    expect(keptView.timeline.map((entry: { type: string }) => entry.type)).toEqual([
      'created',
      'confirmed',
      'completed',
    ]);
    // the shop adds a line to the order later: the CTV sees the line and when it came
    env.clock.advance(60_000);
    await addOrderItems(ctx, env.services.db, {
      order: { id: kept.id },
      items: [{ sku: 'MASK-10', quantity: 1, unitPriceMinor: 120_000n }],
      dedupeKey: 'added-1',
    });
    const grown = await (
      await requestJson(env, 'GET', `/api/me/orders/${kept.id}`, { session: world.mai.session })
    ).json();
    expect(grown.items.at(-1)).toMatchObject({ sku: 'MASK-10', quantity: 1, lineTotalMinor: '120000' });
    expect(grown.timeline.at(-1)).toMatchObject({ type: 'items_added', reason: null });
    const droppedView = await (
      await requestJson(env, 'GET', `/api/me/orders/${dropped.id}`, { session: world.mai.session })
    ).json();
    expect(droppedView).toMatchObject({ status: 'cancelled', statusReason: 'Khách đổi ý' });
    expect(droppedView.timeline.at(-1)).toMatchObject({ type: 'cancelled', reason: 'Khách đổi ý' });
    const completed = await requestJson(env, 'GET', '/api/me/orders?status=completed', {
      session: world.mai.session,
    });
    expect((await completed.json()).items.map((item: { id: string }) => item.id)).toEqual([kept.id]);
  });
});

describe('the confirmation queue', () => {
  it('lists pending orders oldest first with waiting time, and “my partners”', async () => {
    const world = await createSalesWorld(env);
    const maiOrder = await enterOrder(
      env,
      world.mai.session,
      orderBody(world.mai.enrollmentId, [{ productId: world.products.serum.id, quantity: 1 }]),
    );
    env.clock.advance(30 * 60_000);
    const hungOrder = await enterOrder(
      env,
      world.hung.session,
      orderBody(world.hung.enrollmentId, [{ productId: world.products.mask.id, quantity: 3 }]),
    );
    env.clock.advance(10 * 60_000);

    const queue = await (await world.call('GET', '/api/v1/order-queue')).json();
    expect(
      queue.items.map((item: QueueItem) => [
        item.id,
        item.waitingMinutes,
        item.partner?.name,
        item.totalMinor,
      ]),
    ).toEqual([
      [maiOrder.id, 40, 'Trần Thị Mai', '350000'],
      [hungOrder.id, 10, 'Nguyễn Văn Hùng', '360000'],
    ]);
    expect(queue.items[0].partner.enteredTheOrder).toBe(true);

    const firstPage = await (await world.call('GET', '/api/v1/order-queue?limit=1')).json();
    const secondPage = await (
      await world.call('GET', `/api/v1/order-queue?limit=1&cursor=${firstPage.nextCursor}`)
    ).json();
    expect([firstPage.items[0].id, secondPage.items[0].id]).toEqual([maiOrder.id, hungOrder.id]);

    const care = await createTestSession(env, world.care.identity.id, world.org.id);
    const mine = await env.app.request('/api/v1/order-queue?mine=true', { headers: care });
    expect(mine.status).toBe(200);
    expect((await mine.json()).items.map((item: QueueItem) => item.id)).toEqual([maiOrder.id]);
    const keyMine = await world.call('GET', '/api/v1/order-queue?mine=true');
    expect(keyMine.status).toBe(400);

    const ctx = {
      orgId: world.org.id,
      services: env.services,
      actor: { type: 'system' as const, label: 'Test' },
    };
    await recordOrderEvent(ctx, env.services.db, {
      order: { id: maiOrder.id },
      type: 'confirmed',
      dedupeKey: 'ok',
    });
    const after = await (await world.call('GET', '/api/v1/order-queue')).json();
    expect(after.items.map((item: QueueItem) => item.id)).toEqual([hungOrder.id]);
    const toFulfil = await (await world.call('GET', '/api/v1/order-queue?status=confirmed')).json();
    expect(toFulfil.items.map((item: QueueItem) => item.id)).toEqual([maiOrder.id]);
    const [row] = await env.services.db
      .select({ source: orders.source, externalId: orders.externalId })
      .from(orders)
      .where(and(eq(orders.orgId, world.org.id), eq(orders.id, maiOrder.id)));
    expect(row?.source).toBe('partner');
    expect(row?.externalId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('demo sales', () => {
  it('seeds orders in each state and opportunities once', async () => {
    const world = await createSalesWorld(env);
    const ctx = {
      orgId: world.org.id,
      services: env.services,
      actor: { type: 'system' as const, label: 'Seed' },
    };
    expect(await seedDemoSales(env.services, ctx, { enrollmentId: world.mai.enrollmentId })).toEqual({
      orders: 3,
      opportunities: 2,
    });
    expect(await seedDemoSales(env.services, ctx, { enrollmentId: world.mai.enrollmentId })).toEqual({
      orders: 0,
      opportunities: 0,
    });
    const mine = await (
      await requestJson(env, 'GET', '/api/me/orders', { session: world.mai.session })
    ).json();
    expect(mine.items.map((order: { status: string }) => order.status)).toEqual([
      'pending',
      'confirmed',
      'completed',
    ]);
    const queue = await (await world.call('GET', '/api/v1/order-queue')).json();
    expect(queue.items.map((item: { number: string }) => item.number)).toEqual(['CTV-DEMO-2']);
    const board = await (await world.call('GET', '/api/v1/opportunities')).json();
    expect(board.items.map((item: { status: string }) => item.status)).toEqual(['contacted', 'new']);
  });
});
