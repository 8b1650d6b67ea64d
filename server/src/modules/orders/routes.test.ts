import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addTestMember, apiCall, createTestApiKey, createTestSession } from '../../../../test/factories';
import { createTestEnv, type TestEnv } from '../../../../test/harness';
import { auditLog } from '../audit';
import { orders } from './schema';
import { seedDemoOrders } from './seed-demo-orders';
import { createClick, createOrdersWorld, createPartner } from './test-fixtures';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});

const body = (externalId: string, extra: Record<string, unknown> = {}) => ({
  externalId,
  currency: 'VND',
  customer: { name: 'Võ Thị Sáu', phone: '0908777666' },
  items: [
    { sku: 'SRM-50', quantity: 2, unitPriceMinor: '129000', discountMinor: '8000' },
    { sku: 'MN-TRA', quantity: 1, unitPriceMinor: '99000' },
  ],
  shippingMinor: '30000',
  ...extra,
});

describe('orders API', () => {
  it('creates with 201, answers a repeat with 200 and the same order, and shows it with its timeline', async () => {
    const { org, program } = await createOrdersWorld(env);
    await createPartner(env, org.id, program.id, { referralCode: 'APIMAI', fullName: 'Nguyễn Thị Mai' });
    const call = apiCall(env, (await createTestApiKey(env, org.id)).secret);
    const first = await call('POST', '/api/v1/orders', body('API-1', { partnerCode: 'apimai' }));
    expect(first.status).toBe(201);
    const order = await first.json();
    expect(order).toMatchObject({
      subtotalMinor: '349000',
      totalMinor: '379000',
      attributionMethod: 'partner_code',
      partner: { name: 'Nguyễn Thị Mai', referralCode: 'APIMAI' },
      customer: { phone: '+84908777666' },
    });
    const again = await call('POST', '/api/v1/orders', body('API-1', { partnerCode: 'apimai' }));
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(order.id);
    const detail = await (await call('GET', `/api/v1/orders/${order.id}`)).json();
    expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual(['created']);
    const list = await (
      await call('GET', '/api/v1/orders?attributionMethod=partner_code&q=0908777666')
    ).json();
    expect(list.items.map((o: { id: string }) => o.id)).toEqual([order.id]);
    const none = await (await call('GET', '/api/v1/orders?flagged=true')).json();
    expect(none.items).toEqual([]);
  });

  it('answers clear validation errors with field paths', async () => {
    const { org } = await createOrdersWorld(env);
    const call = apiCall(env, (await createTestApiKey(env, org.id)).secret);
    const cases: Array<[Record<string, unknown>, string]> = [
      [body('V-1', { items: [] }), 'items'],
      [body('V-2', { currency: 'VNDX' }), 'currency'],
      [body('V-3', { items: [{ sku: 'A', quantity: 0, unitPriceMinor: '1' }] }), 'quantity'],
      [body('V-4', { items: [{ sku: 'A', quantity: 1, unitPriceMinor: '12.5' }] }), 'unitPriceMinor'],
    ];
    for (const [payload, field] of cases) {
      const response = await call('POST', '/api/v1/orders', payload);
      expect(response.status).toBe(400);
      const error = (await response.json()).error;
      expect(error.code).toBe('validation_failed');
      expect(error.details.map((d: { path: string }) => d.path).join(' ')).toContain(field);
    }
    const discount = await call('POST', '/api/v1/orders', body('V-5', { discountMinor: '900000' }));
    expect(discount.status).toBe(400);
    expect((await discount.json()).error.message).toContain('discountMinor');
  });

  it('takes a batch with one result per order, and a second delivery adds nothing', async () => {
    const { org } = await createOrdersWorld(env);
    const call = apiCall(env, (await createTestApiKey(env, org.id)).secret);
    const orderBodies = [body('B-1'), body('B-2'), body('B-3', { items: [] }), body('B-1')];
    const first = await (
      await call('POST', '/api/v1/orders/batch', { orders: orderBodies.filter((_, i) => i !== 2) })
    ).json();
    expect(first).toMatchObject({ created: 2, existing: 1, failed: 0 });
    const second = await (
      await call('POST', '/api/v1/orders/batch', { orders: orderBodies.slice(0, 2) })
    ).json();
    expect(second).toMatchObject({ created: 0, existing: 2, failed: 0 });
    const [{ n } = { n: 0 }] = await env.services.db
      .select({ n: count() })
      .from(orders)
      .where(eq(orders.orgId, org.id));
    expect(Number(n)).toBe(2);
  });

  it('lets staff confirm, cancel with a reason and return items, with audit entries and a clear 422', async () => {
    const { org } = await createOrdersWorld(env);
    const { member, identity } = await addTestMember(env, org.id, { role: 'care_staff' });
    const headers = await createTestSession(env, identity.id, org.id);
    const staff = (method: string, path: string, payload?: unknown) =>
      env.app.request(path, {
        method,
        headers: { ...headers, 'content-type': 'application/json' },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      });
    const call = apiCall(env, (await createTestApiKey(env, org.id)).secret);
    const order = await (await call('POST', '/api/v1/orders', body('S-1'))).json();
    const noReason = await staff('POST', `/api/v1/orders/${order.id}/events`, { type: 'cancelled' });
    expect(noReason.status).toBe(400);
    const confirmed = await staff('POST', `/api/v1/orders/${order.id}/events`, { type: 'confirmed' });
    expect((await confirmed.json()).order.status).toBe('confirmed');
    const returned = await staff('POST', `/api/v1/orders/${order.id}/events`, {
      type: 'returned',
      returnItems: [{ lineNo: 1, quantity: 1 }],
    });
    expect((await returned.json()).order.returnedMinor).toBe('125000');
    const tooMany = await staff('POST', `/api/v1/orders/${order.id}/events`, {
      type: 'returned',
      returnItems: [{ sku: 'SRM-50', quantity: 2 }],
    });
    expect(tooMany.status).toBe(422);
    expect((await tooMany.json()).error.message).toBe(
      'Line 1 (SRM-50) of order S-1: 2 sold, 1 already returned, cannot return 2 more',
    );
    const cancelled = await staff('POST', `/api/v1/orders/${order.id}/events`, {
      type: 'cancelled',
      reason: 'Khách không nghe máy',
    });
    expect((await cancelled.json()).order).toMatchObject({
      status: 'cancelled',
      statusReason: 'Khách không nghe máy',
    });
    const audits = await env.services.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.actorId, member.id)));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'order.cancelled',
      'order.confirmed',
      'order.returned',
    ]);
    // an API key passing Idempotency-Key gets the event applied once
    const key = { 'idempotency-key': 'ship-42' };
    const other = await (await call('POST', '/api/v1/orders', body('S-2'))).json();
    const a = await call(
      'POST',
      `/api/v1/orders/${other.id}/events`,
      { type: 'payment', paymentStatus: 'paid' },
      key,
    );
    const b = await call(
      'POST',
      `/api/v1/orders/${other.id}/events`,
      { type: 'payment', paymentStatus: 'paid' },
      key,
    );
    expect((await a.json()).applied).toBe(true);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
  });

  it('lists and shows customers with their owner and orders', async () => {
    const { org, program } = await createOrdersWorld(env);
    await createPartner(env, org.id, program.id, { referralCode: 'OWNC1', fullName: 'Lê Thị Chủ' });
    const call = apiCall(env, (await createTestApiKey(env, org.id)).secret);
    const order = await (await call('POST', '/api/v1/orders', body('C-1', { partnerCode: 'OWNC1' }))).json();
    env.clock.advance(60_000);
    await call('POST', '/api/v1/orders', body('C-2'));
    const list = await (await call('GET', '/api/v1/customers?owned=true&q=0908777666')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      id: order.customer.id,
      owner: { name: 'Lê Thị Chủ', referralCode: 'OWNC1' },
      ownedUntil: null,
    });
    const detail = await (await call('GET', `/api/v1/customers/${order.customer.id}`)).json();
    expect(detail.orderCount).toBe(2);
    expect(detail.orders.map((o: { attributionMethod: string }) => o.attributionMethod)).toEqual([
      'customer',
      'partner_code',
    ]);
  });

  it('sorts customers by name, Vietnamese marks set aside, both ways and page by page', async () => {
    const { org } = await createOrdersWorld(env);
    const call = apiCall(env, (await createTestApiKey(env, org.id)).secret);
    const names = ['Đỗ Văn Bình', 'Ánh Dương', 'Zalo Shop', 'an Nhiên', 'Dương Thị Ba', 'Bùi Ân'];
    for (const [n, name] of names.entries()) {
      const response = await call(
        'POST',
        '/api/v1/orders',
        body(`S-${n}`, { customer: { name, phone: `090123450${n}` } }),
      );
      expect(response.status).toBe(201);
    }
    const page = async (query: string) => {
      const response = await call('GET', `/api/v1/customers?sort=name&${query}`);
      expect(response.status).toBe(200);
      return (await response.json()) as { items: { name: string }[]; nextCursor: string | null };
    };
    const first = await page('order=asc&limit=4');
    expect(first.items.map((c) => c.name)).toEqual(['an Nhiên', 'Ánh Dương', 'Bùi Ân', 'Đỗ Văn Bình']);
    const second = await page(`order=asc&limit=4&cursor=${first.nextCursor}`);
    expect(second.items.map((c) => c.name)).toEqual(['Dương Thị Ba', 'Zalo Shop']);
    expect(second.nextCursor).toBeNull();
    const descending = await page('order=desc&limit=10');
    expect(descending.items.map((c) => c.name)).toEqual([
      'Zalo Shop',
      'Dương Thị Ba',
      'Đỗ Văn Bình',
      'Bùi Ân',
      'Ánh Dương',
      'an Nhiên',
    ]);
    const bad = await call('GET', '/api/v1/customers?sort=phone');
    expect(bad.status).toBe(400);
    // searched by name with marks optional, from the start of the name or of any word
    const found = async (q: string) =>
      (
        (await (await call('GET', `/api/v1/customers?sort=name&order=asc&q=${encodeURIComponent(q)}`)).json())
          .items as { name: string }[]
      ).map((c) => c.name);
    expect(await found('duong')).toEqual(['Ánh Dương', 'Dương Thị Ba']);
    expect(await found('do van')).toEqual(['Đỗ Văn Bình']);
    expect(await found('An')).toEqual(['an Nhiên', 'Ánh Dương', 'Bùi Ân']);
    expect(await found('nhiên')).toEqual(['an Nhiên']);
    expect(await found('_')).toEqual([]);
  });

  it('sorts and finds Thai customers as a Thai dictionary orders them, leading vowels after their consonant', async () => {
    const { org } = await createOrdersWorld(env);
    const call = apiCall(env, (await createTestApiKey(env, org.id)).secret);
    const names = ['ไก่ ทองดี', 'ขวัญใจ', 'เกศินี สุขใจ', 'โชคชัย', 'กมล ศรีสุข', 'แก้ว ใจดี'];
    for (const [n, name] of names.entries()) {
      const response = await call(
        'POST',
        '/api/v1/orders',
        body(`T-${n}`, { customer: { name, phone: `090765430${n}` } }),
      );
      expect(response.status).toBe(201);
    }
    const names$ = async (query: string) =>
      (
        (await (await call('GET', `/api/v1/customers?sort=name&order=asc&${query}`)).json()).items as {
          name: string;
        }[]
      ).map((c) => c.name);
    expect(await names$('limit=10')).toEqual([
      'กมล ศรีสุข',
      'เกศินี สุขใจ',
      'แก้ว ใจดี',
      'ไก่ ทองดี',
      'ขวัญใจ',
      'โชคชัย',
    ]);
    const q = (text: string) => `q=${encodeURIComponent(text)}`;
    expect(await names$(q('เก'))).toEqual(['เกศินี สุขใจ']);
    // from the start of any word; a leading vowel typed before its consonant already matches
    expect(await names$(q('ใจ'))).toEqual(['แก้ว ใจดี']);
    expect(await names$(q('แ'))).toEqual(['แก้ว ใจดี']);
    expect(await names$(q('ศรี'))).toEqual(['กมล ศรีสุข']);
  });
});

describe('conversions API', () => {
  it('records a lead once and attributes it like an order', async () => {
    const { org, program } = await createOrdersWorld(env);
    const partner = await createPartner(env, org.id, program.id);
    const click = await createClick(env, org.id, partner.enrollment);
    const call = apiCall(env, (await createTestApiKey(env, org.id)).secret);
    const lead = {
      kind: 'lead',
      source: 'landing',
      externalId: 'F-1',
      clickId: click.id,
      customer: { email: 'Khach@Example.vn' },
      currency: 'VND',
      valueMinor: '50000',
    };
    const first = await call('POST', '/api/v1/events', lead);
    expect(first.status).toBe(201);
    const conversion = await first.json();
    expect(conversion).toMatchObject({
      attributionMethod: 'click',
      enrollmentId: partner.enrollment.id,
      name: 'lead',
      valueMinor: '50000',
    });
    const again = await call('POST', '/api/v1/events', lead);
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(conversion.id);
    const list = await (await call('GET', '/api/v1/conversions?kind=lead')).json();
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([conversion.id]);
    const bad = await call('POST', '/api/v1/events', { kind: 'lead', externalId: 'F-2', valueMinor: '10' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain('currency');
  });
});

describe('demo orders', () => {
  it('seeds about 40 orders in every status with a return and a flagged self-referral', async () => {
    const { org, program, ctx } = await createOrdersWorld(env);
    const a = await createPartner(env, org.id, program.id, { phone: '0912000901' });
    const b = await createPartner(env, org.id, program.id, { phone: '0912000902' });
    const result = await seedDemoOrders(env.services, ctx, {
      programId: program.id,
      enrollmentIds: [a.enrollment.id, b.enrollment.id],
    });
    expect(result.orders).toBe(41);
    const rows = await env.services.db.select().from(orders).where(eq(orders.orgId, org.id));
    const statuses = new Set(rows.map((row) => row.status));
    expect([...statuses].sort()).toEqual(['cancelled', 'completed', 'confirmed', 'pending']);
    expect(rows.filter((row) => row.returnedMinor > 0n)).toHaveLength(1);
    expect(rows.filter((row) => row.flags.includes('self_referral'))).toHaveLength(1);
  });
});
