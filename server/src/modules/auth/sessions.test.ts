import { describe, expect, it } from 'vitest';
import { createTestOrg, TEST_PASSWORD } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { requestJson, signInStaff } from '../../../../test/sessions';
import { ROLE_PERMISSIONS } from '../../platform/permissions';
import { createOrganisation } from '../orgs';
import type { Me } from './get-me';

const env = await createTestEnv();

describe('Me and profile', () => {
  it('answers 401 when not signed in', async () => {
    const response = await env.app.request('/api/auth/me');
    expect(response.status).toBe(401);
  });

  it('lists the organisations, the current one and the permissions of its role', async () => {
    const { ownerEmail, org, owner } = await createTestOrg(env);
    const session = await signInStaff(env, ownerEmail, TEST_PASSWORD);
    const me = (await (await requestJson(env, 'GET', '/api/auth/me', { session })).json()) as Me;
    expect(me.identity).toMatchObject({
      id: owner.id,
      email: ownerEmail,
      fullName: 'Nguyễn Văn Chủ',
      locale: 'vi',
      emailVerified: false,
      twoFactorEnabled: false,
    });
    expect(me.orgs).toEqual([{ id: org.id, name: org.name, slug: org.slug, role: 'owner' }]);
    expect(me.currentOrg).toEqual({
      id: org.id,
      name: org.name,
      slug: org.slug,
      currency: 'VND',
      locale: 'vi',
      timeZone: 'Asia/Ho_Chi_Minh',
      requireTwoFactor: false,
      role: 'owner',
    });
    expect(me.permissions).toEqual([...ROLE_PERMISSIONS.owner]);
    expect(me.twoFactorSetupRequired).toBe(false);
    expect(me.csrfToken).toBe(session.csrfToken);
  });

  it('changes name and language, and refuses an unknown language', async () => {
    const { ownerEmail } = await createTestOrg(env);
    const session = await signInStaff(env, ownerEmail, TEST_PASSWORD);
    const response = await requestJson(env, 'PATCH', '/api/auth/me', {
      session,
      body: { fullName: '  Nguyễn Thị Hoa ', locale: 'th' },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as Me).identity).toMatchObject({
      fullName: 'Nguyễn Thị Hoa',
      locale: 'th',
    });
    const bad = await requestJson(env, 'PATCH', '/api/auth/me', { session, body: { locale: 'fr' } });
    expect(bad.status).toBe(400);
  });
});

describe('CSRF', () => {
  it('refuses a state change without the CSRF header and accepts it with the header', async () => {
    const { ownerEmail } = await createTestOrg(env);
    const session = await signInStaff(env, ownerEmail, TEST_PASSWORD);
    const withoutHeader = await env.app.request('/api/auth/me', {
      method: 'PATCH',
      headers: { cookie: session.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ locale: 'en' }),
    });
    expect(withoutHeader.status).toBe(403);
    expect(((await withoutHeader.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
    const wrongHeader = await requestJson(env, 'PATCH', '/api/auth/me', {
      session,
      body: { locale: 'en' },
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(wrongHeader.status).toBe(403);
    const withHeader = await requestJson(env, 'PATCH', '/api/auth/me', { session, body: { locale: 'en' } });
    expect(withHeader.status).toBe(200);
  });

  it('refuses a sign-in that is not JSON (what a cross-site form would send)', async () => {
    const { ownerEmail } = await createTestOrg(env);
    const response = await env.app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: ownerEmail, password: TEST_PASSWORD }).toString(),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('lets a browser with a stale cookie sign in again, and retires the old session', async () => {
    const { ownerEmail } = await createTestOrg(env);
    const old = await signInStaff(env, ownerEmail, TEST_PASSWORD);
    const response = await env.app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { cookie: old.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ email: ownerEmail, password: TEST_PASSWORD }),
    });
    expect(response.status).toBe(200);
    expect((await requestJson(env, 'GET', '/api/auth/me', { session: old })).status).toBe(401);
  });
});

describe('organisations', () => {
  it('switches to another organisation of the person and refuses one they are not in with 404', async () => {
    const first = await createTestOrg(env, { name: 'A Công ty Một' });
    const second = await createOrganisation(env.services, {
      name: 'B Công ty Hai',
      owner: { email: first.ownerEmail, fullName: 'Nguyễn Văn Chủ' },
    });
    const stranger = await createTestOrg(env);
    const session = await signInStaff(env, first.ownerEmail, TEST_PASSWORD);
    expect(session.me.orgs.map((org) => org.id)).toEqual([first.org.id, second.org.id]);
    expect(session.me.currentOrg?.id).toBe(first.org.id);

    const switched = await requestJson(env, 'POST', '/api/auth/switch-org', {
      session,
      body: { orgId: second.org.id },
    });
    expect(switched.status).toBe(200);
    expect(((await switched.json()) as Me).currentOrg?.id).toBe(second.org.id);
    const org = await requestJson(env, 'GET', '/api/v1/org', { session });
    expect(((await org.json()) as { id: string }).id).toBe(second.org.id);

    const foreign = await requestJson(env, 'POST', '/api/auth/switch-org', {
      session,
      body: { orgId: stranger.org.id },
    });
    expect(foreign.status).toBe(404);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('not_found');

    // the next sign-in opens the organisation used last
    const again = await signInStaff(env, first.ownerEmail, TEST_PASSWORD);
    expect(again.me.currentOrg?.id).toBe(second.org.id);
  });
});

describe('signing out', () => {
  it('signs out this session and clears the cookie', async () => {
    const { ownerEmail } = await createTestOrg(env);
    const session = await signInStaff(env, ownerEmail, TEST_PASSWORD);
    const response = await requestJson(env, 'POST', '/api/auth/sign-out', { session });
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(/kenh_session=;.*Max-Age=0/);
    expect((await requestJson(env, 'GET', '/api/auth/me', { session })).status).toBe(401);
  });

  it('signs out everywhere: every session of the person stops working', async () => {
    const { ownerEmail } = await createTestOrg(env);
    const laptop = await signInStaff(env, ownerEmail, TEST_PASSWORD);
    const phone = await signInStaff(env, ownerEmail, TEST_PASSWORD);
    const other = await createTestOrg(env);
    const someoneElse = await signInStaff(env, other.ownerEmail, TEST_PASSWORD);
    expect(
      (await requestJson(env, 'POST', '/api/auth/sign-out-everywhere', { session: laptop })).status,
    ).toBe(204);
    expect((await requestJson(env, 'GET', '/api/auth/me', { session: phone })).status).toBe(401);
    expect((await requestJson(env, 'GET', '/api/auth/me', { session: laptop })).status).toBe(401);
    expect((await requestJson(env, 'GET', '/api/auth/me', { session: someoneElse })).status).toBe(200);
  });

  it('expires a session after 30 days', async () => {
    const { ownerEmail } = await createTestOrg(env);
    const session = await signInStaff(env, ownerEmail, TEST_PASSWORD);
    env.clock.advance(30 * 24 * 60 * 60_000 - 1000);
    expect((await requestJson(env, 'GET', '/api/auth/me', { session })).status).toBe(200);
    env.clock.advance(1000);
    expect((await requestJson(env, 'GET', '/api/auth/me', { session })).status).toBe(401);
  });
});

describe('changing the password', () => {
  it('checks the current password, keeps this session and signs out the others', async () => {
    const { ownerEmail } = await createTestOrg(env);
    const here = await signInStaff(env, ownerEmail, TEST_PASSWORD);
    const elsewhere = await signInStaff(env, ownerEmail, TEST_PASSWORD);
    const wrong = await requestJson(env, 'POST', '/api/auth/password', {
      session: here,
      body: { currentPassword: 'not-it', newPassword: 'mat-khau-moi-2027' },
    });
    expect(wrong.status).toBe(400);
    const weak = await requestJson(env, 'POST', '/api/auth/password', {
      session: here,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(weak.status).toBe(400);
    const changed = await requestJson(env, 'POST', '/api/auth/password', {
      session: here,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-2027' },
    });
    expect(changed.status).toBe(204);
    expect((await requestJson(env, 'GET', '/api/auth/me', { session: here })).status).toBe(200);
    expect((await requestJson(env, 'GET', '/api/auth/me', { session: elsewhere })).status).toBe(401);
    await expect(signInStaff(env, ownerEmail, TEST_PASSWORD)).rejects.toThrow(/401/);
    expect((await signInStaff(env, ownerEmail, 'mat-khau-moi-2027')).me.identity.email).toBe(ownerEmail);
  });
});
