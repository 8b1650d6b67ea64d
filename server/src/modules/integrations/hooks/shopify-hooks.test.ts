import { beforeAll, describe, expect, it } from 'vitest';
import { apiCall, createTestApiKey, createTestOrg } from '../../../../../test/factories';
import { createTestEnv } from '../../../../../test/harness';
import { PROCESS_MAX_ATTEMPTS } from '../deliveries/process-delivery';
import { shopifyOrder, shopifyRefund } from '../fixtures/shopify';
import { deliver, deliveriesOf, eventsOf, itemsOf, ordersOf } from './test-helpers';

const env = await createTestEnv();
const org = await createTestOrg(env);
const call = apiCall(env, (await createTestApiKey(env, org.org.id)).secret);
const SECRET = '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';
let sourceId = '';

const lines = [
  { id: 466157049, sku: 'SERUM-30', title: 'Serum 30ml', quantity: 1, price: '199000.00' },
  {
    id: 518995019,
    sku: 'KEM-50',
    title: 'Kem chống nắng 50ml',
    quantity: 1,
    price: '250000.00',
    discount: '25000.00',
  },
  { id: 703073504, sku: 'SON-01', title: 'Son dưỡng', quantity: 1, price: '99000.00' },
];

beforeAll(async () => {
  const response = await call('POST', '/api/v1/webhook-sources', {
    kind: 'shopify',
    name: 'Shopify Hoa Sen',
    secret: SECRET,
  });
  expect(response.status).toBe(201);
  const created = await response.json();
  expect(created.secret).toBeNull();
  expect(created.source.deliveryUrl).toBe(`http://kenh.test/hooks/${created.source.id}`);
  sourceId = created.source.id;
});

const send = (topic: string, body: unknown, eventId: string, signature?: string | null) =>
  deliver(env, sourceId, { kind: 'shopify', topic, body, secret: SECRET, eventId, signature });

describe('Shopify webhooks', () => {
  it('stores a signed orders/create first, then the job makes the order with exact VND amounts', async () => {
    const raw = JSON.stringify(
      shopifyOrder({ id: '__ID__', lines: lines.slice(0, 1), shipping: '30000.00' }),
    ).replace('"__ID__"', '820982911946154508');
    const response = await send('orders/create', raw, 'wh-create-1');
    expect(response.status).toBe(200);
    const { deliveryId, duplicate } = await response.json();
    expect(duplicate).toBe(false);
    let [stored] = (await deliveriesOf(env, sourceId)).filter((d) => d.id === deliveryId);
    expect(stored).toMatchObject({
      status: 'received',
      topic: 'orders/create',
      platformEventId: 'wh-create-1',
      body: raw,
    });
    expect(stored!.headers['x-shopify-shop-domain']).toBe('hoa-sen.myshopify.com');

    await env.services.jobs.drain();
    [stored] = (await deliveriesOf(env, sourceId)).filter((d) => d.id === deliveryId);
    const [order] = await ordersOf(env, org.org.id, '820982911946154508');
    expect(stored).toMatchObject({ status: 'processed', error: null, orderId: order!.id, attempts: 1 });
    expect(order).toMatchObject({
      source: 'shopify',
      sourceId,
      currency: 'VND',
      subtotalMinor: 199000n,
      shippingMinor: 30000n,
      totalMinor: 229000n,
      paymentStatus: 'paid',
      status: 'confirmed',
    });
  });

  it('refuses a bad signature with 401 and logs it as rejected, never processed', async () => {
    const body = shopifyOrder({ id: 9_100_000_001, lines: lines.slice(0, 1) });
    const wrong = await send('orders/create', body, 'wh-bad-1', 'dGhpcyBpcyBub3QgdGhlIHNpZ25hdHVyZQ==');
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe('unauthenticated');
    const missing = await send('orders/create', body, 'wh-bad-2', null);
    expect(missing.status).toBe(401);
    // signed with another secret
    const other = await deliver(env, sourceId, {
      kind: 'shopify',
      topic: 'orders/create',
      body,
      secret: 'not-the-secret',
      eventId: 'wh-bad-3',
    });
    expect(other.status).toBe(401);
    await env.services.jobs.drain();
    const rejected = (await deliveriesOf(env, sourceId)).filter((d) => d.status === 'rejected');
    expect(rejected).toHaveLength(3);
    expect(rejected[0]).toMatchObject({ platformEventId: null, orderId: null, topic: 'orders/create' });
    expect(rejected[0]!.body.length).toBeLessThanOrEqual(4097);
    expect(await ordersOf(env, org.org.id, '9100000001')).toHaveLength(0);
  });

  it('the same webhook delivered twice makes one order; the second is recorded as a duplicate', async () => {
    const body = shopifyOrder({ id: 9_100_000_002, lines: lines.slice(0, 2) });
    const first = await send('orders/create', body, 'wh-twice');
    const second = await send('orders/create', body, 'wh-twice');
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect((await second.json()).duplicate).toBe(true);
    // a redelivery under another webhook id still lands on the same order
    await send('orders/create', body, 'wh-twice-other-id');
    await env.services.jobs.drain();
    const all = await deliveriesOf(env, sourceId);
    expect(all.filter((d) => d.platformEventId === 'wh-twice')).toHaveLength(1);
    expect(all.filter((d) => d.status === 'duplicate')).toHaveLength(1);
    const found = await ordersOf(env, org.org.id, '9100000002');
    expect(found).toHaveLength(1);
    // 199000 + 250000 − 25000 line discount
    expect(found[0]!.subtotalMinor).toBe(424000n);
  });

  it('orders/updated arriving before orders/create converges on the latest state', async () => {
    const created = shopifyOrder({
      id: 9_100_000_003,
      lines: lines.slice(0, 1),
      financialStatus: 'pending',
      updatedAt: '2026-11-01T10:00:00+07:00',
    });
    const updated = shopifyOrder({
      id: 9_100_000_003,
      lines: lines.slice(0, 1),
      financialStatus: 'paid',
      fulfillmentStatus: 'fulfilled',
      updatedAt: '2026-11-02T09:00:00+07:00',
    });
    expect((await send('orders/updated', updated, 'wh-upd-3')).status).toBe(200);
    await env.services.jobs.drain();
    expect((await send('orders/create', created, 'wh-create-3')).status).toBe(200);
    await env.services.jobs.drain();
    const [order] = await ordersOf(env, org.org.id, '9100000003');
    expect(order).toMatchObject({ status: 'completed', paymentStatus: 'paid' });
    const processed = (await deliveriesOf(env, sourceId)).filter((d) => d.orderId === order!.id);
    expect(processed.map((d) => d.status)).toEqual(['processed', 'processed']);
    // the same update again adds no event
    const before = await eventsOf(env, org.org.id, order!.id);
    await send('orders/updated', updated, 'wh-upd-3-again');
    await env.services.jobs.drain();
    expect(await eventsOf(env, org.org.id, order!.id)).toHaveLength(before.length);
  });

  it('refunds/create returns one of three items, once', async () => {
    await send('orders/create', shopifyOrder({ id: 9_100_000_004, lines }), 'wh-create-4');
    await env.services.jobs.drain();
    const refund = shopifyRefund({
      id: 509562969,
      orderId: 9_100_000_004,
      lines: [{ lineItemId: 518995019, quantity: 1 }],
    });
    await send('refunds/create', refund, 'wh-refund-4');
    await send('refunds/create', refund, 'wh-refund-4-redelivered');
    await env.services.jobs.drain();
    const [order] = await ordersOf(env, org.org.id, '9100000004');
    const items = await itemsOf(env, org.org.id, order!.id);
    expect(items.map((item) => [item.sku, item.quantity, item.returnedQuantity])).toEqual([
      ['SERUM-30', 1, 0],
      ['KEM-50', 1, 1],
      ['SON-01', 1, 0],
    ]);
    // the returned line is worth 250000 − 25000
    expect(order!.returnedMinor).toBe(225000n);
    const refunds = (await deliveriesOf(env, sourceId)).filter((d) => d.topic === 'refunds/create');
    expect(refunds.map((d) => [d.status, d.orderId])).toEqual([
      ['processed', order!.id],
      ['processed', order!.id],
    ]);
    expect((await eventsOf(env, org.org.id, order!.id)).filter((e) => e.type === 'returned')).toHaveLength(1);
  });

  it('an order edit that removes units returns them once, whether the refund comes before or after', async () => {
    const two = [
      { id: 611000001, sku: 'SERUM-30', title: 'Serum 30ml', quantity: 2, price: '199000.00' },
      { id: 611000002, sku: 'SON-01', title: 'Son dưỡng', quantity: 1, price: '99000.00' },
    ];
    const at = (hour: string) => `2026-11-02T${hour}:00:00+07:00`;
    const orderAt = (id: number, serum: number, son: number, updatedAt: string) =>
      shopifyOrder({
        id,
        lines: [
          { ...two[0]!, currentQuantity: serum },
          { ...two[1]!, currentQuantity: son },
        ],
        updatedAt,
      });
    const returned = async (externalId: string) => {
      const [order] = await ordersOf(env, org.org.id, externalId);
      return (await itemsOf(env, org.org.id, order!.id)).map((item) => [item.sku, item.returnedQuantity]);
    };

    // the shop edits the order: one serum off, then the lip balm too
    await send('orders/create', orderAt(9_100_000_011, 2, 1, at('08')), 'wh-edit-create');
    await send('orders/updated', orderAt(9_100_000_011, 1, 1, at('09')), 'wh-edit-1');
    await env.services.jobs.drain();
    expect(await returned('9100000011')).toEqual([
      ['SERUM-30', 1],
      ['SON-01', 0],
    ]);
    await send('orders/updated', orderAt(9_100_000_011, 1, 0, at('10')), 'wh-edit-2');
    // the earlier update delivered again, late: totals never go down, nothing is added twice
    await send('orders/updated', orderAt(9_100_000_011, 1, 1, at('09')), 'wh-edit-1-again');
    await env.services.jobs.drain();
    expect(await returned('9100000011')).toEqual([
      ['SERUM-30', 1],
      ['SON-01', 1],
    ]);
    const [edited] = await ordersOf(env, org.org.id, '9100000011');
    expect(edited!.returnedMinor).toBe(199000n + 99000n);

    // a refund of one serum (its line now at 1 of 2), with the order update it causes, in both orders
    const refundOf = (id: number, orderId: number) =>
      shopifyRefund({
        id,
        orderId,
        lines: [
          {
            lineItemId: 611000001,
            quantity: 1,
            lineItem: { sku: 'SERUM-30', quantity: 2, currentQuantity: 1 },
          },
        ],
      });
    await send('orders/create', orderAt(9_100_000_012, 2, 1, at('08')), 'wh-ra-create');
    await send('orders/create', orderAt(9_100_000_013, 2, 1, at('08')), 'wh-rb-create');
    await env.services.jobs.drain();
    await send('refunds/create', refundOf(700000012, 9_100_000_012), 'wh-ra-refund');
    await env.services.jobs.drain();
    await send('orders/updated', orderAt(9_100_000_012, 1, 1, at('11')), 'wh-ra-updated');
    await send('orders/updated', orderAt(9_100_000_013, 1, 1, at('11')), 'wh-rb-updated');
    await env.services.jobs.drain();
    await send('refunds/create', refundOf(700000013, 9_100_000_013), 'wh-rb-refund');
    await env.services.jobs.drain();
    for (const externalId of ['9100000012', '9100000013']) {
      expect(await returned(externalId)).toEqual([
        ['SERUM-30', 1],
        ['SON-01', 0],
      ]);
      const [order] = await ordersOf(env, org.org.id, externalId);
      const returns = (await eventsOf(env, org.org.id, order!.id)).filter((e) => e.type === 'returned');
      expect(returns).toHaveLength(1);
    }
  });

  it('an order edit that adds a line adds it once, with its amount, and a refund of it returns it', async () => {
    const serum = { id: 612000001, sku: 'SERUM-30', title: 'Serum 30ml', quantity: 1, price: '199000.00' };
    const mask = { id: 612000002, sku: 'MASK-05', title: 'Mặt nạ', quantity: 2, price: '45000.00' };
    const at = (hour: string) => `2026-11-02T${hour}:00:00+07:00`;
    await send(
      'orders/create',
      shopifyOrder({ id: 9_100_000_021, lines: [serum], updatedAt: at('08') }),
      'wh-add-c',
    );
    await env.services.jobs.drain();
    const edited = shopifyOrder({ id: 9_100_000_021, lines: [serum, mask], updatedAt: at('09') });
    await send('orders/updated', edited, 'wh-add-1');
    await env.services.jobs.drain();
    // delivered again, and the update from before the edit arriving late: nothing changes
    await send('orders/updated', edited, 'wh-add-1-again');
    await send(
      'orders/updated',
      shopifyOrder({ id: 9_100_000_021, lines: [serum], updatedAt: at('08') }),
      'wh-add-0',
    );
    await env.services.jobs.drain();
    const [order] = await ordersOf(env, org.org.id, '9100000021');
    expect(order).toMatchObject({ subtotalMinor: 289000n, totalMinor: 289000n });
    const items = await itemsOf(env, org.org.id, order!.id);
    expect(items.map((item) => [item.lineNo, item.sku, item.externalLineId, item.quantity])).toEqual([
      [1, 'SERUM-30', '612000001', 1],
      [2, 'MASK-05', '612000002', 2],
    ]);
    expect((await eventsOf(env, org.org.id, order!.id)).filter((e) => e.type === 'items_added')).toHaveLength(
      1,
    );

    await send(
      'refunds/create',
      shopifyRefund({
        id: 700000021,
        orderId: 9_100_000_021,
        lines: [
          {
            lineItemId: 612000002,
            quantity: 1,
            lineItem: { sku: 'MASK-05', quantity: 2, currentQuantity: 1 },
          },
        ],
      }),
      'wh-add-refund',
    );
    await env.services.jobs.drain();
    const [refunded] = await ordersOf(env, org.org.id, '9100000021');
    expect(refunded!.returnedMinor).toBe(45000n);
  });

  it('a refund before its order waits with backoff, fails visibly, and staff can retry it', async () => {
    const refund = shopifyRefund({
      id: 777,
      orderId: 9_100_000_005,
      lines: [{ lineItemId: 466157049, quantity: 1 }],
    });
    const { deliveryId } = await (await send('refunds/create', refund, 'wh-refund-early')).json();
    await env.services.jobs.drain();
    let [delivery] = (await deliveriesOf(env, sourceId)).filter((d) => d.id === deliveryId);
    expect(delivery).toMatchObject({
      status: 'received',
      error: `The order is not in Kênh yet (attempt 1 of ${PROCESS_MAX_ATTEMPTS})`,
    });
    for (let attempt = 2; attempt <= PROCESS_MAX_ATTEMPTS; attempt++) {
      env.clock.advance(10 * 60_000);
      await env.services.jobs.drain();
    }
    [delivery] = (await deliveriesOf(env, sourceId)).filter((d) => d.id === deliveryId);
    expect(delivery).toMatchObject({ status: 'failed', attempts: PROCESS_MAX_ATTEMPTS });
    expect(delivery!.error).toContain('not in Kênh yet');

    const listed = await (
      await call('GET', `/api/v1/webhook-sources/${sourceId}/deliveries?status=failed`)
    ).json();
    expect(listed.items.map((d: { id: string }) => d.id)).toContain(deliveryId);

    await send('orders/create', shopifyOrder({ id: 9_100_000_005, lines: lines.slice(0, 1) }), 'wh-create-5');
    await env.services.jobs.drain();
    const retried = await call('POST', `/api/v1/webhook-deliveries/${deliveryId}/retry`);
    expect(retried.status).toBe(202);
    await env.services.jobs.drain();
    [delivery] = (await deliveriesOf(env, sourceId)).filter((d) => d.id === deliveryId);
    const [order] = await ordersOf(env, org.org.id, '9100000005');
    expect(delivery).toMatchObject({ status: 'processed', orderId: order!.id, error: null });
    expect((await call('POST', `/api/v1/webhook-deliveries/${deliveryId}/retry`)).status).toBe(409);
  });

  it('keeps a malformed payload as failed with a readable error, never lost', async () => {
    const broken = '{"id": 9100000006, "currency": "VND", "line_items": [';
    const { deliveryId } = await (await send('orders/create', broken, 'wh-broken')).json();
    const noLines = {
      id: 9_100_000_007,
      currency: 'VND',
      created_at: '2026-11-01T10:00:00+07:00',
      line_items: [],
    };
    const second = await (await send('orders/create', noLines, 'wh-no-lines')).json();
    await env.services.jobs.drain();
    const view = await (await call('GET', `/api/v1/webhook-deliveries/${deliveryId}`)).json();
    expect(view).toMatchObject({ status: 'failed', body: broken, orderId: null });
    expect(view.error).toMatch(/^The body is not JSON/);
    const other = await (await call('GET', `/api/v1/webhook-deliveries/${second.deliveryId}`)).json();
    expect(other).toMatchObject({
      status: 'failed',
      error: 'Shopify order: line_items: Too small: expected array to have >=1 items',
    });
  });

  it('answers 404 for an unknown source and refuses a disabled one (logged)', async () => {
    const body = shopifyOrder({ id: 9_100_000_008, lines: lines.slice(0, 1) });
    const unknown = await deliver(env, 'whs_does_not_exist', {
      kind: 'shopify',
      topic: 'orders/create',
      body,
      secret: SECRET,
    });
    expect(unknown.status).toBe(404);
    expect((await env.app.request(`/hooks/${sourceId}/postback?token=x`)).status).toBe(404);

    expect((await call('PATCH', `/api/v1/webhook-sources/${sourceId}`, { status: 'disabled' })).status).toBe(
      200,
    );
    const refused = await send('orders/create', body, 'wh-disabled');
    expect(refused.status).toBe(403);
    await env.services.jobs.drain();
    expect(await ordersOf(env, org.org.id, '9100000008')).toHaveLength(0);
    const turnedOff = (await deliveriesOf(env, sourceId)).filter(
      (d) => d.error === 'This webhook source is turned off in Kênh',
    );
    expect(turnedOff.map((d) => [d.status, d.topic])).toEqual([['rejected', 'orders/create']]);
    await call('PATCH', `/api/v1/webhook-sources/${sourceId}`, { status: 'active' });
  });

  it('shows the source with its last delivery and failures, and never its secret', async () => {
    const source = await (await call('GET', `/api/v1/webhook-sources/${sourceId}`)).json();
    expect(source.lastDeliveryAt).not.toBeNull();
    expect(source.failuresLast24h).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(source)).not.toContain(SECRET);
    const list = await (await call('GET', '/api/v1/webhook-sources')).json();
    expect(JSON.stringify(list)).not.toContain(SECRET);
    expect(list.items).toHaveLength(1);
  });
});
