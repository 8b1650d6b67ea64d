import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestEnrollment, createTestProgram } from '../../../../test/enrollment-fixtures';
import {
  apiCall,
  createTestApiKey,
  createTestOrg,
  systemContext,
  TEST_PASSWORD,
  uniqueEmail,
} from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { requestJson, signInPartner, signInStaff } from '../../../../test/sessions';
import { createPartnerAccount } from '../partners';
import { notifyIdentity } from './notify-identity';
import { notifications } from './schema';

const env = await createTestEnv();

type Item = {
  id: string;
  kind: string;
  params: Record<string, string>;
  readAt: string | null;
  organisation: { name: string };
};

async function partnerAccount(fullName: string) {
  const email = uniqueEmail('ctv');
  await createPartnerAccount(env.services, env.services.db, { fullName, email, password: TEST_PASSWORD });
  return email;
}

async function setUp() {
  const a = await createTestOrg(env, { name: 'Mỹ phẩm Hoa Sen' });
  const b = await createTestOrg(env, { name: 'Điện máy Sao Mai' });
  const programA = await createTestProgram(env, a.org.id, { name: 'CTV Hoa Sen' });
  const programB = await createTestProgram(env, b.org.id, { name: 'Đại lý Sao Mai' });
  const managerA = apiCall(env, (await createTestApiKey(env, a.org.id, 'manager')).secret);
  const managerB = apiCall(env, (await createTestApiKey(env, b.org.id, 'manager')).secret);
  const maiEmail = await partnerAccount('Trần Thị Mai');
  const lanEmail = await partnerAccount('Lê Thị Lan');
  const mai = await createTestEnrollment(env, a.org.id, { programId: programA.id, email: maiEmail });
  const maiB = await createTestEnrollment(env, b.org.id, { programId: programB.id, email: maiEmail });
  const lan = await createTestEnrollment(env, a.org.id, { programId: programA.id, email: lanEmail });
  return { a, b, managerA, managerB, maiEmail, lanEmail, mai, maiB, lan };
}

async function list(session: Awaited<ReturnType<typeof signInPartner>>, query = '') {
  const response = await requestJson(env, 'GET', `/api/me/notifications${query}`, { session });
  expect(response.status).toBe(200);
  return (await response.json()) as { items: Item[]; nextCursor: string | null; unreadCount: number };
}

describe('partner notifications', () => {
  it('tells only the partner decided on, across organisations, and marks them read', async () => {
    const s = await setUp();
    const approve = await s.managerA('POST', `/api/v1/enrollments/${s.mai.enrollment.id}/status`, {
      status: 'approved',
    });
    expect(approve.status).toBe(200);
    env.clock.advance(60_000);
    const reject = await s.managerB('POST', `/api/v1/enrollments/${s.maiB.enrollment.id}/status`, {
      status: 'rejected',
      reason: 'Thiếu giấy tờ',
    });
    expect(reject.status).toBe(200);

    const mai = await signInPartner(env, s.maiEmail, TEST_PASSWORD);
    const mine = await list(mai);
    expect(mine.unreadCount).toBe(2);
    expect(mine.items).toMatchObject([
      {
        kind: 'enrollment_rejected',
        organisation: { name: 'Điện máy Sao Mai' },
        params: { programName: 'Đại lý Sao Mai', reason: 'Thiếu giấy tờ' },
        readAt: null,
      },
      {
        kind: 'enrollment_approved',
        organisation: { name: 'Mỹ phẩm Hoa Sen' },
        params: { programName: 'CTV Hoa Sen' },
      },
    ]);
    expect(mine.items[1]!.params).not.toHaveProperty('reason');

    const page1 = await list(mai, '?limit=1');
    expect(page1.items.map((i) => i.id)).toEqual([mine.items[0]!.id]);
    const page2 = await list(mai, `?limit=1&cursor=${page1.nextCursor}`);
    expect(page2.items.map((i) => i.id)).toEqual([mine.items[1]!.id]);
    expect(page2.nextCursor).toBeNull();

    const lan = await signInPartner(env, s.lanEmail, TEST_PASSWORD);
    expect(await list(lan)).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
    // Lan cannot mark Mai's notification read
    const foreign = await requestJson(env, 'POST', '/api/me/notifications/read', {
      session: lan,
      body: { ids: [mine.items[0]!.id] },
    });
    expect(foreign.status).toBe(204);
    expect((await list(mai)).unreadCount).toBe(2);

    env.clock.advance(1000);
    const readOne = await requestJson(env, 'POST', '/api/me/notifications/read', {
      session: mai,
      body: { ids: [mine.items[1]!.id] },
    });
    expect(readOne.status).toBe(204);
    const after = await list(mai);
    expect(after.unreadCount).toBe(1);
    expect(after.items[1]!.readAt).toBe(env.clock.now().toISOString());
    expect(after.items[0]!.readAt).toBeNull();

    expect(
      (await requestJson(env, 'POST', '/api/me/notifications/read', { session: mai, body: {} })).status,
    ).toBe(204);
    expect((await list(mai)).unreadCount).toBe(0);

    await s.managerA('POST', `/api/v1/enrollments/${s.lan.enrollment.id}/status`, {
      status: 'rejected',
      reason: 'Trùng tài khoản',
    });
    const lanAfter = await list(lan);
    expect(lanAfter.unreadCount).toBe(1);
    expect(lanAfter.items).toMatchObject([
      { kind: 'enrollment_rejected', params: { reason: 'Trùng tài khoản' } },
    ]);
    expect((await list(mai)).items).toHaveLength(2);
  });

  it('creates no notification for other status changes', async () => {
    const s = await setUp();
    await s.managerA('POST', `/api/v1/enrollments/${s.mai.enrollment.id}/status`, { status: 'approved' });
    await s.managerA('POST', `/api/v1/enrollments/${s.mai.enrollment.id}/status`, {
      status: 'suspended',
      reason: 'Đăng giá sai',
    });
    const mai = await signInPartner(env, s.maiEmail, TEST_PASSWORD);
    expect((await list(mai)).items.map((i) => i.kind)).toEqual(['enrollment_approved']);
  });

  it('refuses API keys and anonymous callers', async () => {
    const s = await setUp();
    expect([401, 403]).toContain((await s.managerA('GET', '/api/me/notifications')).status);
    expect([401, 403]).toContain((await s.managerA('POST', '/api/me/notifications/read', {})).status);
    expect((await requestJson(env, 'GET', '/api/me/notifications')).status).toBe(401);
  });

  it('rejects an invalid body or cursor', async () => {
    const s = await setUp();
    const mai = await signInPartner(env, s.maiEmail, TEST_PASSWORD);
    const empty = await requestJson(env, 'POST', '/api/me/notifications/read', {
      session: mai,
      body: { ids: [] },
    });
    expect(empty.status).toBe(400);
    expect((await requestJson(env, 'GET', '/api/me/notifications?cursor=zz', { session: mai })).status).toBe(
      400,
    );
  });
});

describe('staff notifications', () => {
  it('a staff member reads the staff alerts of their current organisation only, never partner ones', async () => {
    const s = await setUp();
    const owner = s.a.owner.id;
    const inA = systemContext(env, s.a.org.id);
    const inB = systemContext(env, s.b.org.id);
    const params = { orderId: 'ord_x', orderNumber: 'DH-1', customerName: 'Phạm Thu Hà', hours: '4' };
    await notifyIdentity(inA, env.services.db, {
      identityId: owner,
      audience: 'staff',
      kind: 'order_confirmation_overdue',
      params,
    });
    env.clock.advance(1000);
    await notifyIdentity(inA, env.services.db, {
      identityId: owner,
      audience: 'staff',
      kind: 'deposit_low',
      params: { balance: '150000', threshold: '200000', currency: 'VND', partnerName: 'Trần Thị Mai (MAI)' },
    });
    // the same person as a partner, and as staff of another organisation: not in this inbox
    await notifyIdentity(inA, env.services.db, { identityId: owner, kind: 'payout_paid', params: {} });
    await notifyIdentity(inB, env.services.db, {
      identityId: owner,
      audience: 'staff',
      kind: 'order_payment_failed',
      params,
    });
    const staff = await signInStaff(env, s.a.ownerEmail, TEST_PASSWORD);
    const inbox = await list(staff);
    expect(inbox.unreadCount).toBe(2);
    expect(inbox.items.map((item) => [item.kind, item.organisation.name])).toEqual([
      ['deposit_low', 'Mỹ phẩm Hoa Sen'],
      ['order_confirmation_overdue', 'Mỹ phẩm Hoa Sen'],
    ]);
    const read = await requestJson(env, 'POST', '/api/me/notifications/read', { session: staff, body: {} });
    expect(read.status).toBe(204);
    expect((await list(staff)).unreadCount).toBe(0);
    // marking all read touched only this inbox
    const unread = await env.services.db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(and(eq(notifications.identityId, owner), isNull(notifications.readAt)));
    expect(unread.map((row) => row.kind).sort()).toEqual(['order_payment_failed', 'payout_paid']);
  });
});

describe('notifications as personal data', () => {
  it('are in the partner’s data export and gone after erasure', async () => {
    const s = await setUp();
    await s.managerA('POST', `/api/v1/enrollments/${s.lan.enrollment.id}/status`, {
      status: 'rejected',
      reason: 'Trùng tài khoản',
    });
    const lan = await signInPartner(env, s.lanEmail, TEST_PASSWORD);
    const exported = await (await requestJson(env, 'GET', '/api/me/data-export', { session: lan })).json();
    expect(exported.notifications).toMatchObject([
      { kind: 'enrollment_rejected', params: { reason: 'Trùng tài khoản' } },
    ]);
    const erased = await requestJson(env, 'POST', '/api/me/erasure', {
      session: lan,
      body: { confirm: 'DELETE' },
    });
    expect(erased.status).toBe(200);
    const rows = await env.services.database.query('select id from notifications where identity_id = $1', [
      s.lan.identity.id,
    ]);
    expect(rows).toEqual([]);
  });
});
