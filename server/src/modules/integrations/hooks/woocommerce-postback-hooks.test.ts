import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiCall, createTestApiKey, createTestOrg } from '../../../../../test/factories';
import { createTestEnv } from '../../../../../test/harness';
import { notifications } from '../../notifications';
import { wooOrder } from '../fixtures/woocommerce';
import { deliver, deliveriesOf, eventsOf, itemsOf, ordersOf } from './test-helpers';

const env = await createTestEnv();
const org = await createTestOrg(env);
const call = apiCall(env, (await createTestApiKey(env, org.org.id)).secret);

describe('WooCommerce webhooks', async () => {
  const SECRET = 'wc-webhook-secret-7d1b2c';
  const { source } = await (
    await call('POST', '/api/v1/webhook-sources', {
      kind: 'woocommerce',
      name: 'Woo Bangkok',
      secret: SECRET,
    })
  ).json();
  const line = {
    id: 315,
    sku: 'TEA-100',
    name: 'Thai tea',
    quantity: 1,
    subtotal: '1250.50',
    total: '1250.50',
  };

  it('answers the unsigned ping WooCommerce sends when the webhook is saved, storing nothing', async () => {
    const response = await env.app.request(`/hooks/${source.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'webhook_id=15',
    });
    expect(response.status).toBe(200);
    expect((await response.json()).ping).toBe(true);
    expect(await deliveriesOf(env, source.id)).toHaveLength(0);
  });

  it('accepts a valid X-WC-Webhook-Signature and makes the order with exact THB amounts', async () => {
    const body = wooOrder({
      id: 727,
      lines: [line],
      shipping: '50.00',
      paid: true,
      modified: '2026-11-01T05:00:00',
    });
    const response = await deliver(env, source.id, {
      kind: 'woocommerce',
      topic: 'order.created',
      body,
      secret: SECRET,
      eventId: 'a1b2c3',
    });
    expect(response.status).toBe(200);
    await env.services.jobs.drain();
    const [order] = await ordersOf(env, org.org.id, '727');
    expect(order).toMatchObject({
      source: 'woocommerce',
      currency: 'THB',
      subtotalMinor: 125050n,
      shippingMinor: 5000n,
      totalMinor: 130050n,
      status: 'confirmed',
      paymentStatus: 'paid',
    });
  });

  it('refuses a wrong signature (401) and logs it', async () => {
    const body = wooOrder({ id: 728, lines: [line] });
    const response = await deliver(env, source.id, {
      kind: 'woocommerce',
      topic: 'order.created',
      body,
      secret: SECRET,
      signature: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
    });
    expect(response.status).toBe(401);
    const rejected = (await deliveriesOf(env, source.id)).filter((d) => d.status === 'rejected');
    expect(rejected.map((d) => d.topic)).toEqual(['order.created']);
    await env.services.jobs.drain();
    expect(await ordersOf(env, org.org.id, '728')).toHaveLength(0);
  });

  it('folds order.updated to completed', async () => {
    const updated = wooOrder({
      id: 727,
      status: 'completed',
      lines: [line],
      paid: true,
      modified: '2026-11-02T05:00:00',
    });
    await deliver(env, source.id, {
      kind: 'woocommerce',
      topic: 'order.updated',
      body: updated,
      secret: SECRET,
      eventId: 'a1b2c4',
    });
    await env.services.jobs.drain();
    expect((await ordersOf(env, org.org.id, '727'))[0]).toMatchObject({
      status: 'completed',
      paymentStatus: 'paid',
    });
  });

  it('reports a partial refund (amounts only) to staff once, changing nothing until they record the return', async () => {
    const lines = [
      line,
      { id: 316, sku: 'TEA-200', name: 'Green tea', quantity: 2, subtotal: '400.00', total: '400.00' },
    ];
    const refunded = (modified: string, refunds: { id: number; reason: string; total: string }[]) =>
      wooOrder({ id: 731, status: 'completed', lines, paid: true, modified, refunds });
    const send = (body: unknown, eventId: string) =>
      deliver(env, source.id, { kind: 'woocommerce', topic: 'order.updated', body, secret: SECRET, eventId });
    await send(refunded('2026-11-03T05:00:00', []), 'r-0');
    await send(refunded('2026-11-04T05:00:00', [{ id: 901, reason: 'Hộp bị móp', total: '-200.00' }]), 'r-1');
    // the same payload again, then a later one still listing the same refund
    await send(refunded('2026-11-04T05:00:00', [{ id: 901, reason: 'Hộp bị móp', total: '-200.00' }]), 'r-1');
    await send(refunded('2026-11-05T05:00:00', [{ id: 901, reason: 'Hộp bị móp', total: '-200.00' }]), 'r-2');
    await env.services.jobs.drain();

    const [order] = await ordersOf(env, org.org.id, '731');
    expect(order).toMatchObject({ status: 'completed', subtotalMinor: 165050n, returnedMinor: 0n });
    expect((await itemsOf(env, org.org.id, order!.id)).map((item) => item.returnedQuantity)).toEqual([0, 0]);
    const reported = (await eventsOf(env, org.org.id, order!.id)).filter((e) => e.type === 'refund_reported');
    expect(reported.map((e) => e.data)).toEqual([
      { refundId: '901', amountMinor: '20000', currency: 'THB', reason: 'Hộp bị móp' },
    ]);
    const told = await env.services.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.orgId, org.org.id), eq(notifications.kind, 'order_refund_reported')));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      audience: 'staff',
      params: { orderId: order!.id, orderNumber: '731', amountMinor: '20000', currency: 'THB' },
    });

    // staff see it on the order's timeline
    const view = await (await call('GET', `/api/v1/orders/${order!.id}`)).json();
    expect(view.timeline.filter((e: { type: string }) => e.type === 'refund_reported')).toHaveLength(1);

    // a second refund is news; a full refund returns every item and is not asked of staff
    await send(
      refunded('2026-11-06T05:00:00', [
        { id: 902, reason: '', total: '-50.00' },
        { id: 901, reason: 'Hộp bị móp', total: '-200.00' },
      ]),
      'r-3',
    );
    await send(
      wooOrder({
        id: 731,
        status: 'refunded',
        lines,
        paid: true,
        modified: '2026-11-07T05:00:00',
        refunds: [{ id: 903, reason: '', total: '-1400.50' }],
      }),
      'r-4',
    );
    await env.services.jobs.drain();
    const events = await eventsOf(env, org.org.id, order!.id);
    expect(
      events
        .filter((e) => e.type === 'refund_reported')
        .map((e) => (e.data as { refundId: string }).refundId),
    ).toEqual(expect.arrayContaining(['901', '902']));
    expect(events.filter((e) => e.type === 'refund_reported')).toHaveLength(2);
    expect((await itemsOf(env, org.org.id, order!.id)).map((item) => item.returnedQuantity)).toEqual([1, 2]);
    expect((await ordersOf(env, org.org.id, '731'))[0]!.returnedMinor).toBe(165050n);
  });
});

describe('postbacks', async () => {
  const created = await (
    await call('POST', '/api/v1/webhook-sources', { kind: 'postback', name: 'Hệ thống bán hàng' })
  ).json();
  const source = created.source;
  let token: string = created.secret;

  it('shows the token once at creation, with the URL that carries it', async () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(created.postbackUrl).toBe(`http://kenh.test/hooks/${source.id}/postback?token=${token}`);
    const again = await (await call('GET', `/api/v1/webhook-sources/${source.id}`)).json();
    expect(JSON.stringify(again)).not.toContain(token);
    expect(again.deliveryUrl).toBe(`http://kenh.test/hooks/${source.id}/postback`);
  });

  it('takes a GET with query parameters and the token, storing the query without the token', async () => {
    const response = await env.app.request(
      `/hooks/${source.id}/postback?token=${token}&order_id=DH-1001&amount=150000&currency=VND&ref=MAI&event_id=evt-1`,
    );
    expect(response.status).toBe(200);
    await env.services.jobs.drain();
    const [delivery] = await deliveriesOf(env, source.id);
    expect(delivery).toMatchObject({ status: 'processed', platformEventId: 'evt-1', topic: 'postback' });
    expect(delivery!.body).toBe('order_id=DH-1001&amount=150000&currency=VND&ref=MAI&event_id=evt-1');
    const [order] = await ordersOf(env, org.org.id, 'DH-1001');
    expect(order).toMatchObject({ source: 'postback', totalMinor: 150000n, currency: 'VND' });
  });

  it('takes JSON with the X-Kenh-Token header; a repeated event id is a duplicate', async () => {
    const body = JSON.stringify({
      event_id: 'evt-2',
      order_id: 'DH-1002',
      currency: 'THB',
      items: [{ sku: 'A', quantity: 2, price: 1250.5 }],
      status: 'completed',
      payment: 'paid',
    });
    const send = () =>
      env.app.request(`/hooks/${source.id}/postback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kenh-token': token },
        body,
      });
    expect((await send()).status).toBe(200);
    expect((await (await send()).json()).duplicate).toBe(true);
    await env.services.jobs.drain();
    const [order] = await ordersOf(env, org.org.id, 'DH-1002');
    expect(order).toMatchObject({
      currency: 'THB',
      subtotalMinor: 250100n,
      status: 'completed',
      paymentStatus: 'paid',
    });
    const deliveries = await deliveriesOf(env, source.id);
    expect(deliveries.some((d) => JSON.stringify(d.headers).includes(token))).toBe(false);
  });

  it('refuses a missing or wrong token, and the old token after a rotation', async () => {
    expect((await env.app.request(`/hooks/${source.id}/postback?order_id=X&amount=1`)).status).toBe(401);
    expect(
      (await env.app.request(`/hooks/${source.id}/postback?token=wrong&order_id=X&amount=1`)).status,
    ).toBe(401);
    const rotated = await (await call('POST', `/api/v1/webhook-sources/${source.id}/rotate-token`)).json();
    expect(rotated.secret).not.toBe(token);
    expect(
      (await env.app.request(`/hooks/${source.id}/postback?token=${token}&order_id=X&amount=1`)).status,
    ).toBe(401);
    token = rotated.secret;
    expect(
      (await env.app.request(`/hooks/${source.id}/postback?token=${token}&order_id=X&amount=1`)).status,
    ).toBe(200);
    const rejected = (await deliveriesOf(env, source.id)).filter((d) => d.status === 'rejected');
    expect(rejected).toHaveLength(3);
    expect(rejected.every((d) => !d.body.includes('token'))).toBe(true);
    // the platform URL of a postback source does not exist
    expect((await env.app.request(`/hooks/${source.id}`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});

describe('webhook source rules', () => {
  it('needs the platform secret for Shopify and WooCommerce, and refuses one for a postback', async () => {
    const noSecret = await call('POST', '/api/v1/webhook-sources', {
      kind: 'shopify',
      name: 'Không có khóa',
    });
    expect(noSecret.status).toBe(400);
    expect((await noSecret.json()).error.details[0].path).toContain('secret');
    const withSecret = await call('POST', '/api/v1/webhook-sources', {
      kind: 'postback',
      name: 'X',
      secret: 'abcdefghijk',
    });
    expect(withSecret.status).toBe(400);
    const badProgram = await call('POST', '/api/v1/webhook-sources', {
      kind: 'shopify',
      name: 'Y',
      secret: 'abcdefghijk',
      programId: 'prg_nope',
    });
    expect(badProgram.status).toBe(422);
  });

  it('deletes a source with its deliveries; its URL is then unknown', async () => {
    const { source } = await (
      await call('POST', '/api/v1/webhook-sources', {
        kind: 'shopify',
        name: 'Tạm',
        secret: 'temporary-secret',
      })
    ).json();
    expect((await call('DELETE', `/api/v1/webhook-sources/${source.id}`)).status).toBe(204);
    expect((await call('GET', `/api/v1/webhook-sources/${source.id}`)).status).toBe(404);
    expect((await env.app.request(`/hooks/${source.id}`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});
