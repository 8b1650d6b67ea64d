import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestSession } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { requestJson } from '../../../../test/sessions';
import { notifications } from '../notifications';
import { createSalesWorld, partner } from './partner-orders-fixtures';
import { orders } from './schema';

const env = await createTestEnv();

type Opportunity = {
  id: string;
  status: string;
  statusReason: string | null;
  orderId: string | null;
  customerPhone: string | null;
  estimatedValueMinor: string | null;
  partner: { name: string } | null;
};

async function record(
  world: Awaited<ReturnType<typeof createSalesWorld>>,
  body: Record<string, unknown> = {},
) {
  const response = await requestJson(env, 'POST', '/api/me/opportunities', {
    session: world.mai.session,
    body: {
      enrollmentId: world.mai.enrollmentId,
      customerName: 'Võ Minh Tuấn',
      customerPhone: '0912 345 678',
      need: 'Cần 20 hộp serum làm quà Tết cho công ty',
      estimatedValueMinor: '7000000',
      ...body,
    },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as Opportunity;
}

async function kindsFor(identityId: string) {
  const rows = await env.services.db
    .select({ kind: notifications.kind, params: notifications.params })
    .from(notifications)
    .where(eq(notifications.identityId, identityId));
  return rows;
}

describe('opportunities', () => {
  it('a CTV records one; staff see it with its partner; only approved CTVs may record', async () => {
    const world = await createSalesWorld(env);
    const created = await record(world);
    expect(created).toMatchObject({
      status: 'new',
      customerPhone: '+84912345678',
      estimatedValueMinor: '7000000',
      orderId: null,
    });
    const mine = await requestJson(env, 'GET', '/api/me/opportunities', { session: world.mai.session });
    expect((await mine.json()).items.map((o: Opportunity) => o.id)).toEqual([created.id]);
    const others = await requestJson(env, 'GET', '/api/me/opportunities', { session: world.hung.session });
    expect((await others.json()).items).toEqual([]);

    const staffList = await (await world.call('GET', '/api/v1/opportunities?status=new')).json();
    expect(staffList.items).toMatchObject([
      { id: created.id, partner: { name: 'Trần Thị Mai' }, programName: 'CTV Hoa Sen' },
    ]);
    expect((await (await world.call('GET', '/api/v1/opportunities?status=won')).json()).items).toEqual([]);

    const pending = await partner(env, world.org.id, world.program.id, 'Đỗ Văn Chờ', 'pending');
    const refused = await requestJson(env, 'POST', '/api/me/opportunities', {
      session: pending.session,
      body: { enrollmentId: pending.enrollmentId, customerName: 'Khách', need: 'Cần tư vấn' },
    });
    expect(refused.status).toBe(403);
    const foreign = await requestJson(env, 'POST', '/api/me/opportunities', {
      session: world.hung.session,
      body: { enrollmentId: world.mai.enrollmentId, customerName: 'Khách', need: 'Cần tư vấn' },
    });
    expect(foreign.status).toBe(404);
    const badPhone = await requestJson(env, 'POST', '/api/me/opportunities', {
      session: world.mai.session,
      body: {
        enrollmentId: world.mai.enrollmentId,
        customerName: 'Khách',
        customerPhone: '12345',
        need: 'x',
      },
    });
    expect(badPhone.status).toBe(400);
    expect((await badPhone.json()).error.details[0].path).toBe('body.customerPhone');
  });

  it('moves through the pipeline; lost needs a reason; won is final; the CTV is told', async () => {
    const world = await createSalesWorld(env);
    const opportunity = await record(world);
    const move = (body: Record<string, unknown>) =>
      world.call('PATCH', `/api/v1/opportunities/${opportunity.id}`, body);

    const contacted = await move({ status: 'contacted' });
    expect(contacted.status).toBe(200);
    expect(await contacted.json()).toMatchObject({ status: 'contacted', statusReason: null });

    const noReason = await move({ status: 'lost' });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).error.details).toEqual([
      { path: 'body.reason', message: 'A reason is needed to mark it lost' },
    ]);
    const blankReason = await move({ status: 'lost', reason: '   ' });
    expect(blankReason.status).toBe(400);

    const lost = await move({ status: 'lost', reason: 'Khách đã mua nơi khác' });
    expect(await lost.json()).toMatchObject({ status: 'lost', statusReason: 'Khách đã mua nơi khác' });
    const reopened = await move({ status: 'new' });
    expect(await reopened.json()).toMatchObject({ status: 'new', statusReason: null });
    const won = await move({ status: 'won' });
    expect(won.status).toBe(200);
    const afterWon = await move({ status: 'contacted' });
    expect(afterWon.status).toBe(422);

    const kinds = (await kindsFor(world.mai.identityId)).map((row) => row.kind);
    expect(kinds.sort()).toEqual(['opportunity_contacted', 'opportunity_lost', 'opportunity_won']);
    const lostNotice = (await kindsFor(world.mai.identityId)).find((row) => row.kind === 'opportunity_lost');
    expect(lostNotice?.params).toEqual({ customerName: 'Võ Minh Tuấn', reason: 'Khách đã mua nơi khác' });

    // care staff may move (orders.manage); an accountant may only read
    const careSession = await createTestSession(env, world.care.identity.id, world.org.id);
    const careMove = await env.app.request(`/api/v1/opportunities/${(await record(world)).id}`, {
      method: 'PATCH',
      headers: { ...careSession, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'contacted' }),
    });
    expect(careMove.status).toBe(200);
  });

  it('a won opportunity becomes exactly one order, priced from the catalog', async () => {
    const world = await createSalesWorld(env);
    const opportunity = await record(world);
    const body = {
      items: [{ productId: world.products.serum.id, quantity: 20 }],
      paymentMethod: 'transfer',
      shippingAddress: '45 Trần Hưng Đạo, Hoàn Kiếm, Hà Nội',
    };
    const first = await world.call('POST', `/api/v1/opportunities/${opportunity.id}/order`, body);
    expect(first.status, await first.clone().text()).toBe(201);
    const made = await first.json();
    expect(made).toMatchObject({
      created: true,
      opportunity: { status: 'won', orderId: made.order.id },
      order: { status: 'pending', currency: 'VND', totalMinor: '7000000' },
    });
    const again = await world.call('POST', `/api/v1/opportunities/${opportunity.id}/order`, {
      ...body,
      items: [{ productId: world.products.mask.id, quantity: 1 }],
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({
      created: false,
      order: { id: made.order.id, totalMinor: '7000000' },
    });
    const rows = await env.services.db
      .select()
      .from(orders)
      .where(and(eq(orders.orgId, world.org.id), eq(orders.externalId, opportunity.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      source: 'partner',
      enteredByEnrollmentId: world.mai.enrollmentId,
      customerPhone: '+84912345678',
      paymentStatus: 'unpaid',
    });

    const lostOne = await record(world);
    await world.call('PATCH', `/api/v1/opportunities/${lostOne.id}`, {
      status: 'lost',
      reason: 'Hết nhu cầu',
    });
    const refused = await world.call('POST', `/api/v1/opportunities/${lostOne.id}/order`, body);
    expect(refused.status).toBe(422);

    const archived = await world.call('POST', `/api/v1/opportunities/${(await record(world)).id}/order`, {
      ...body,
      items: [{ productId: world.products.old.id, quantity: 1 }],
    });
    expect(archived.status).toBe(400);
    expect((await archived.json()).error.details[0].path).toBe('body.items.0');
  });
});
