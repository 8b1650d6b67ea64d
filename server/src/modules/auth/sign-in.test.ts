import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestOrg, TEST_PASSWORD, uniqueEmail } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { requestJson, sessionCookieOf, signInPartner } from '../../../../test/sessions';
import { createPartnerAccount } from '../partners';
import { identities, sessions } from './schema';

const env = await createTestEnv();
let ipCounter = 0;
const freshIp = () => `203.0.113.${++ipCounter}`;

const staffSignIn = (email: string, password: string, ip: string) =>
  requestJson(env, 'POST', '/api/auth/sign-in', {
    body: { email, password },
    headers: { 'x-forwarded-for': ip },
  });

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe('staff sign-in', () => {
  it('signs in with email and password, stores a hashed session and answers Me', async () => {
    const { ownerEmail, org } = await createTestOrg(env);
    const response = await staffSignIn(ownerEmail.toUpperCase(), TEST_PASSWORD, freshIp());
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      status: string;
      me: { currentOrg: { id: string; role: string } };
    };
    expect(body.status).toBe('signed_in');
    expect(body.me.currentOrg).toMatchObject({ id: org.id, role: 'owner' });
    const token = sessionCookieOf(response)!.split('=')[1]!;
    const [row] = await env.services.db
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, env.services.keys.hashToken(token)));
    expect(row).toMatchObject({ app: 'staff', currentOrgId: org.id, pendingSecondFactor: false });
    expect(row!.expiresAt.getTime() - env.clock.now().getTime()).toBe(30 * 24 * 60 * 60_000);
  });

  it('sets an httpOnly, SameSite=Lax cookie on path /, not Secure over http', async () => {
    const { ownerEmail } = await createTestOrg(env);
    const response = await staffSignIn(ownerEmail, TEST_PASSWORD, freshIp());
    const header = response.headers.get('set-cookie')!;
    expect(header).toMatch(/^kenh_session=[\w-]{40,};/);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Lax');
    expect(header).toContain('Path=/');
    expect(header).toContain(`Max-Age=${30 * 24 * 60 * 60}`);
    expect(header).not.toContain('Secure');
  });

  it('answers a wrong password and an unknown email with the same 401 message', async () => {
    const { ownerEmail } = await createTestOrg(env);
    const wrong = await staffSignIn(ownerEmail, 'not-the-password', freshIp());
    const unknown = await staffSignIn(uniqueEmail('nobody'), 'not-the-password', freshIp());
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [wrongError, unknownError] = [await errorOf(wrong), await errorOf(unknown)];
    expect(wrongError).toEqual(unknownError);
    expect(wrongError).toMatchObject({
      code: 'unauthenticated',
      message: 'The login or the password is not correct',
    });
    expect(sessionCookieOf(wrong)).toBeUndefined();
  });

  it('refuses a partner account in the staff app after a correct password', async () => {
    const email = uniqueEmail('ctv');
    await createPartnerAccount(env.services, env.services.db, {
      fullName: 'Trần Thị Ba',
      email,
      password: TEST_PASSWORD,
    });
    const response = await staffSignIn(email, TEST_PASSWORD, freshIp());
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('forbidden');
  });
});

describe('partner sign-in', () => {
  it('signs in with a phone number in local Vietnamese format and lands in the partner app', async () => {
    await createPartnerAccount(env.services, env.services.db, {
      fullName: 'Lê Văn Cộng Tác',
      phone: '+84 91 234 5601',
      password: TEST_PASSWORD,
    });
    const session = await signInPartner(env, '0912 345 601', TEST_PASSWORD, { ip: freshIp() });
    expect(session.me).toMatchObject({ app: 'partner', currentOrg: null, orgs: [], permissions: [] });
    expect(session.me.identity.phone).toBe('+84912345601');
    const me = await requestJson(env, 'GET', '/api/auth/me', { session });
    expect(((await me.json()) as { app: string }).app).toBe('partner');
  });

  it('signs in with email too, and refuses staff who are not partners', async () => {
    const email = uniqueEmail('ctv');
    await createPartnerAccount(env.services, env.services.db, {
      fullName: 'Phạm Thu',
      email,
      password: TEST_PASSWORD,
    });
    expect((await signInPartner(env, email, TEST_PASSWORD, { ip: freshIp() })).me.app).toBe('partner');

    const { ownerEmail } = await createTestOrg(env);
    const response = await requestJson(env, 'POST', '/api/auth/partner/sign-in', {
      body: { login: ownerEmail, password: TEST_PASSWORD },
    });
    expect(response.status).toBe(403);
  });

  it('a partner session cannot use staff-only routes', async () => {
    await createPartnerAccount(env.services, env.services.db, {
      fullName: 'Võ Minh',
      phone: '0912345602',
      password: TEST_PASSWORD,
    });
    const session = await signInPartner(env, '+84912345602', TEST_PASSWORD, { ip: freshIp() });
    const setup = await requestJson(env, 'POST', '/api/auth/two-factor/setup', { session });
    expect(setup.status).toBe(403);
    const org = await requestJson(env, 'GET', '/api/v1/org', { session });
    expect(org.status).toBe(401);
  });
});

describe('lockout and rate limits', () => {
  it('locks the account after 5 failures, says when to retry, and lets it in after 15 minutes', async () => {
    const { ownerEmail } = await createTestOrg(env);
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await staffSignIn(ownerEmail, 'wrong-password', freshIp())).status).toBe(401);
    }
    const locked = await staffSignIn(ownerEmail, TEST_PASSWORD, freshIp());
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe(String(15 * 60));
    const error = await errorOf(locked);
    expect(error.code).toBe('too_many_attempts');
    expect(error.message).toContain('Try again in 15 minutes');

    env.clock.advance(14 * 60_000);
    expect((await staffSignIn(ownerEmail, TEST_PASSWORD, freshIp())).headers.get('retry-after')).toBe('60');
    env.clock.advance(60_000);
    expect((await staffSignIn(ownerEmail, TEST_PASSWORD, freshIp())).status).toBe(200);
    const [identity] = await env.services.db
      .select()
      .from(identities)
      .where(eq(identities.email, ownerEmail));
    expect(identity).toMatchObject({ failedSignIns: 0, lockedUntil: null });
  });

  it('locks longer after a second series of failures', async () => {
    const { ownerEmail } = await createTestOrg(env);
    for (let attempt = 0; attempt < 5; attempt++) await staffSignIn(ownerEmail, 'wrong', freshIp());
    env.clock.advance(15 * 60_000);
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await staffSignIn(ownerEmail, 'wrong', freshIp())).status).toBe(401);
    }
    const locked = await staffSignIn(ownerEmail, TEST_PASSWORD, freshIp());
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe(String(30 * 60));
  });

  it('locks an unknown email the same way, so a lock does not reveal an account', async () => {
    const email = uniqueEmail('ghost');
    for (let attempt = 0; attempt < 5; attempt++) await staffSignIn(email, 'wrong', freshIp());
    const response = await staffSignIn(email, 'wrong', freshIp());
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe(String(15 * 60));
  });

  it('limits failed sign-ins per IP address to 20 in 15 minutes, whatever the accounts', async () => {
    const ip = freshIp();
    const { ownerEmail } = await createTestOrg(env);
    for (let attempt = 0; attempt < 20; attempt++) {
      expect((await staffSignIn(uniqueEmail('spray'), 'guess', ip)).status).toBe(401);
    }
    const blocked = await staffSignIn(ownerEmail, TEST_PASSWORD, ip);
    expect(blocked.status).toBe(429);
    expect((await errorOf(blocked)).code).toBe('too_many_attempts');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await staffSignIn(ownerEmail, TEST_PASSWORD, freshIp())).status).toBe(200);
    env.clock.advance(15 * 60_000);
    expect((await staffSignIn(ownerEmail, TEST_PASSWORD, ip)).status).toBe(200);
  });
});
