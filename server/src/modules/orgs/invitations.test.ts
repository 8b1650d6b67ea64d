import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  addTestMember,
  apiCall,
  createTestApiKey,
  createTestOrg,
  TEST_PASSWORD,
  uniqueEmail,
} from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { auditLog } from '../audit';
import { findIdentityByLogin, verifyPassword } from '../auth';
import { mailOutbox } from '../mail';
import { listMembershipsOfIdentity } from './list-memberships';

const env = await createTestEnv();
const DAY = 24 * 60 * 60_000;

async function lastMailTo(email: string) {
  const [mail] = await env.services.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.toAddress, email))
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(1);
  const token = mail?.textBody.match(/invitations\/accept\?token=([\w%-]+)/)?.[1];
  return { mail, token: token ? decodeURIComponent(token) : undefined };
}

async function setup() {
  const { org } = await createTestOrg(env);
  const { secret } = await createTestApiKey(env, org.id, 'owner', 'Tích hợp HR');
  return { org, call: apiCall(env, secret) };
}

function accept(body: Record<string, unknown>) {
  return env.app.request('/api/auth/invitations/accept', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('POST /api/v1/invitations', () => {
  it('invites by email, mails a link in the organisation’s language and audits it', async () => {
    const { org, call } = await setup();
    const email = uniqueEmail('moi');
    const response = await call('POST', '/api/v1/invitations', {
      email: email.toUpperCase(),
      role: 'care_staff',
    });
    expect(response.status).toBe(201);
    const invitation = await response.json();
    expect(invitation).toMatchObject({
      email,
      role: 'care_staff',
      status: 'pending',
      inviterName: 'Tích hợp HR',
      expiresAt: new Date(env.clock.now().getTime() + 7 * DAY).toISOString(),
    });
    const { mail, token } = await lastMailTo(email);
    expect(mail?.subject).toBe(`Tích hợp HR mời bạn tham gia ${org.name} trên Kênh`);
    expect(mail?.textBody).toContain('vai trò Nhân viên chăm sóc');
    expect(mail?.textBody).toContain('http://kenh.test/invitations/accept?token=');
    expect(token).toBeDefined();
    const [entry] = await env.services.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, 'invitation.created')));
    expect(entry).toMatchObject({ entityId: invitation.id, after: { email, role: 'care_staff' } });
    expect(JSON.stringify(entry)).not.toContain(token!);
  });

  it('validates with field paths', async () => {
    const { call } = await setup();
    const response = await call('POST', '/api/v1/invitations', { email: 'not-an-email', role: 'boss' });
    expect(response.status).toBe(400);
    const paths = (await response.json()).error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['body.email', 'body.role']);
  });

  it('is forbidden to care staff, and a manager cannot invite an admin or owner', async () => {
    const { org } = await createTestOrg(env);
    const careStaff = apiCall(env, (await createTestApiKey(env, org.id, 'care_staff')).secret);
    expect(
      (await careStaff('POST', '/api/v1/invitations', { email: uniqueEmail(), role: 'care_staff' })).status,
    ).toBe(403);
    const manager = apiCall(env, (await createTestApiKey(env, org.id, 'manager')).secret);
    expect(
      (await manager('POST', '/api/v1/invitations', { email: uniqueEmail(), role: 'owner' })).status,
    ).toBe(403);
    expect(
      (await manager('POST', '/api/v1/invitations', { email: uniqueEmail(), role: 'admin' })).status,
    ).toBe(403);
    expect(
      (await manager('POST', '/api/v1/invitations', { email: uniqueEmail(), role: 'care_staff' })).status,
    ).toBe(201);
  });

  it('refuses to invite an existing member with 409', async () => {
    const { org, call } = await setup();
    const { email } = await addTestMember(env, org.id);
    const response = await call('POST', '/api/v1/invitations', { email, role: 'manager' });
    expect(response.status).toBe(409);
    expect((await response.json()).error.details[0].path).toBe('body.email');
  });

  it('replaces a pending invitation of the same email: the old link stops working', async () => {
    const { call } = await setup();
    const email = uniqueEmail();
    const first = await (await call('POST', '/api/v1/invitations', { email, role: 'care_staff' })).json();
    const { token: oldToken } = await lastMailTo(email);
    env.clock.advance(1000);
    const second = await (await call('POST', '/api/v1/invitations', { email, role: 'accountant' })).json();
    const list = await (await call('GET', '/api/v1/invitations?status=pending')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([second.id]);
    const revoked = await (await call('GET', '/api/v1/invitations?status=revoked')).json();
    expect(revoked.items.map((i: { id: string }) => i.id)).toEqual([first.id]);
    const old = await accept({ token: oldToken, fullName: 'Ai Đó', password: TEST_PASSWORD });
    expect(old.status).toBe(422);
  });
});

describe('accepting an invitation', () => {
  it('creates an account for a new person, once', async () => {
    const { org, call } = await setup();
    const email = uniqueEmail('new');
    await call('POST', '/api/v1/invitations', { email, role: 'accountant' });
    const { token } = await lastMailTo(email);
    const preview = await env.app.request(`/api/auth/invitations/${token}`);
    expect(await preview.json()).toEqual({
      orgName: org.name,
      email,
      role: 'accountant',
      inviterName: 'Tích hợp HR',
      accountExists: false,
      status: 'pending',
    });
    const noName = await accept({ token, password: 'mot-mat-khau-dai' });
    expect(noName.status).toBe(400);
    expect((await noName.json()).error.details[0].path).toBe('body.fullName');
    const weak = await accept({ token, fullName: 'Đỗ Thị Hạnh', password: 'short' });
    expect((await weak.json()).error.details[0].path).toBe('body.password');

    const response = await accept({ token, fullName: 'Đỗ Thị Hạnh', password: 'mot-mat-khau-dai' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ orgId: org.id, email });
    const identity = await findIdentityByLogin(env.services.db, { email });
    expect(identity?.fullName).toBe('Đỗ Thị Hạnh');
    expect(identity?.emailVerifiedAt).not.toBeNull();
    expect(await verifyPassword(identity!.passwordHash!, 'mot-mat-khau-dai')).toBe(true);
    const memberships = await listMembershipsOfIdentity(env.services, identity!.id);
    expect(memberships.map((m) => [m.orgId, m.role])).toEqual([[org.id, 'accountant']]);
    const [entry] = await env.services.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, 'member.joined')));
    expect(entry).toMatchObject({ actorType: 'system', actorLabel: 'Đỗ Thị Hạnh' });

    const again = await accept({ token, fullName: 'Đỗ Thị Hạnh', password: 'mot-mat-khau-dai' });
    expect(again.status).toBe(422);
    expect((await again.json()).error.message).toMatch(/already used/);
    expect((await (await env.app.request(`/api/auth/invitations/${token}`)).json()).status).toBe('accepted');
  });

  it('adds an existing account when its password matches, and refuses a wrong one with 401', async () => {
    const { org: other } = await createTestOrg(env);
    const { email, identity } = await addTestMember(env, other.id, { fullName: 'Bùi Minh Khoa' });
    const { org, call } = await setup();
    await call('POST', '/api/v1/invitations', { email, role: 'manager' });
    const { token } = await lastMailTo(email);
    expect((await (await env.app.request(`/api/auth/invitations/${token}`)).json()).accountExists).toBe(true);
    const wrong = await accept({ token, password: 'wrong-password' });
    expect(wrong.status).toBe(401);
    const response = await accept({ token, password: TEST_PASSWORD, fullName: 'Ignored Name' });
    expect(response.status).toBe(200);
    const memberships = await listMembershipsOfIdentity(env.services, identity.id);
    expect(memberships.map((m) => m.orgId).sort()).toEqual([org.id, other.id].sort());
  });

  it('refuses an expired invitation; resending makes a new link valid for 7 days', async () => {
    const { call } = await setup();
    const email = uniqueEmail('late');
    const invitation = await (
      await call('POST', '/api/v1/invitations', { email, role: 'care_staff' })
    ).json();
    const { token: oldToken } = await lastMailTo(email);
    env.clock.advance(7 * DAY + 1);
    const expired = await accept({ token: oldToken, fullName: 'Trễ Hẹn', password: TEST_PASSWORD });
    expect(expired.status).toBe(422);
    expect((await expired.json()).error).toMatchObject({
      code: 'unprocessable',
      message: expect.stringMatching(/expired/),
    });
    expect((await (await call('GET', '/api/v1/invitations?status=expired')).json()).items).toHaveLength(1);

    const resent = await call('POST', `/api/v1/invitations/${invitation.id}/resend`);
    expect(resent.status).toBe(200);
    expect((await resent.json()).status).toBe('pending');
    const { token } = await lastMailTo(email);
    expect(token).not.toBe(oldToken);
    expect((await accept({ token: oldToken, fullName: 'Trễ Hẹn', password: TEST_PASSWORD })).status).toBe(
      404,
    );
    expect((await accept({ token, fullName: 'Trễ Hẹn', password: TEST_PASSWORD })).status).toBe(200);
    expect((await call('POST', `/api/v1/invitations/${invitation.id}/resend`)).status).toBe(409);
  });

  it('a revoked invitation cannot be accepted', async () => {
    const { call } = await setup();
    const email = uniqueEmail();
    const invitation = await (
      await call('POST', '/api/v1/invitations', { email, role: 'care_staff' })
    ).json();
    const { token } = await lastMailTo(email);
    expect((await call('DELETE', `/api/v1/invitations/${invitation.id}`)).status).toBe(204);
    const response = await accept({ token, fullName: 'Không Được', password: TEST_PASSWORD });
    expect(response.status).toBe(422);
    expect((await response.json()).error.message).toMatch(/withdrawn/);
  });

  it('answers 404 for an unknown token', async () => {
    expect((await env.app.request('/api/auth/invitations/unknown-token-value')).status).toBe(404);
  });
});
