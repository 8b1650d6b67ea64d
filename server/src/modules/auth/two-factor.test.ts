import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { createTestOrg, TEST_PASSWORD } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { requestJson, sessionCookieOf, signInStaff, type TestSession } from '../../../../test/sessions';
import { orgs } from '../orgs';
import type { Me } from './get-me';
import { identities } from './schema';

const env = await createTestEnv();

const codeFor = (secret: string, offsetMs = 0) =>
  generate({ secret, epoch: Math.floor((env.clock.now().getTime() + offsetMs) / 1000) });

/** Sets up and enables two-factor sign-in for the session's person; returns the secret. */
async function turnOnTwoFactor(session: TestSession): Promise<string> {
  const setup = await requestJson(env, 'POST', '/api/auth/two-factor/setup', { session });
  expect(setup.status).toBe(200);
  const { secret, otpauthUrl, qrSvg } = (await setup.json()) as {
    secret: string;
    otpauthUrl: string;
    qrSvg: string;
  };
  expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/K%C3%AAnh:/);
  expect(otpauthUrl).toContain(`secret=${secret}`);
  expect(qrSvg).toMatch(/^<svg/);
  const enable = await requestJson(env, 'POST', '/api/auth/two-factor/enable', {
    session,
    body: { code: await codeFor(secret) },
  });
  expect(enable.status).toBe(204);
  return secret;
}

function passwordStep(email: string, password = TEST_PASSWORD) {
  return requestJson(env, 'POST', '/api/auth/sign-in', { body: { email, password } });
}

function verifyStep(cookie: string, code: string) {
  return env.app.request('/api/auth/two-factor/verify', {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
}

describe('two-factor sign-in', () => {
  it('set up → enable → sign-in asks for the code → a code from the app completes it', async () => {
    const { ownerEmail } = await createTestOrg(env);
    const session = await signInStaff(env, ownerEmail, TEST_PASSWORD);
    const secret = await turnOnTwoFactor(session);
    const [identity] = await env.services.db
      .select()
      .from(identities)
      .where(eq(identities.email, ownerEmail));
    expect(identity!.totpSecretEnc).not.toContain(secret);
    expect(identity!.totpEnabledAt).not.toBeNull();

    env.clock.advance(60_000);
    const first = await passwordStep(ownerEmail);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ status: 'two_factor_required' });
    const pendingCookie = sessionCookieOf(first)!;
    // half signed in: nothing but the code step works
    const me = await env.app.request('/api/auth/me', { headers: { cookie: pendingCookie } });
    expect(me.status).toBe(401);
    const org = await env.app.request('/api/v1/org', { headers: { cookie: pendingCookie } });
    expect(org.status).toBe(401);

    expect((await verifyStep(pendingCookie, '000000')).status).toBe(400);
    const verified = await verifyStep(pendingCookie, await codeFor(secret));
    expect(verified.status).toBe(200);
    const body = (await verified.json()) as { status: string; me: Me };
    expect(body.status).toBe('signed_in');
    expect(body.me.identity.twoFactorEnabled).toBe(true);
    const fullCookie = sessionCookieOf(verified)!;
    expect(fullCookie).not.toBe(pendingCookie);
    expect((await env.app.request('/api/auth/me', { headers: { cookie: fullCookie } })).status).toBe(200);
    expect((await env.app.request('/api/auth/me', { headers: { cookie: pendingCookie } })).status).toBe(401);
  });

  it('accepts a code only once and refuses codes from another time window', async () => {
    const { ownerEmail } = await createTestOrg(env);
    const secret = await turnOnTwoFactor(await signInStaff(env, ownerEmail, TEST_PASSWORD));
    env.clock.advance(60_000);
    const code = await codeFor(secret);
    const cookie = sessionCookieOf(await passwordStep(ownerEmail))!;
    expect((await verifyStep(cookie, code)).status).toBe(200);
    const replay = sessionCookieOf(await passwordStep(ownerEmail))!;
    expect((await verifyStep(replay, code)).status).toBe(400);
    expect((await verifyStep(replay, await codeFor(secret, -5 * 60_000))).status).toBe(400);
    env.clock.advance(30_000);
    expect((await verifyStep(replay, await codeFor(secret))).status).toBe(200);
  });

  it('counts wrong codes toward the lock; a new password step does not reset them', async () => {
    const { ownerEmail } = await createTestOrg(env);
    const secret = await turnOnTwoFactor(await signInStaff(env, ownerEmail, TEST_PASSWORD));
    env.clock.advance(60_000);
    for (let round = 0; round < 5; round++) {
      const cookie = sessionCookieOf(await passwordStep(ownerEmail))!;
      expect((await verifyStep(cookie, '123456')).status).toBe(400);
    }
    const locked = await passwordStep(ownerEmail);
    expect(locked.status).toBe(429);
    env.clock.advance(15 * 60_000);
    const cookie = sessionCookieOf(await passwordStep(ownerEmail))!;
    expect((await verifyStep(cookie, await codeFor(secret))).status).toBe(200);
  });

  it('lets a pending sign-in expire after 10 minutes', async () => {
    const { ownerEmail } = await createTestOrg(env);
    const secret = await turnOnTwoFactor(await signInStaff(env, ownerEmail, TEST_PASSWORD));
    env.clock.advance(60_000);
    const cookie = sessionCookieOf(await passwordStep(ownerEmail))!;
    env.clock.advance(10 * 60_000);
    expect((await verifyStep(cookie, await codeFor(secret))).status).toBe(401);
  });

  it('turns off with a valid code only', async () => {
    const { ownerEmail } = await createTestOrg(env);
    const session = await signInStaff(env, ownerEmail, TEST_PASSWORD);
    const secret = await turnOnTwoFactor(session);
    const disable = (code: string) =>
      requestJson(env, 'POST', '/api/auth/two-factor/disable', { session, body: { code } });
    expect((await disable('111111')).status).toBe(400);
    env.clock.advance(30_000);
    expect((await disable(await codeFor(secret))).status).toBe(204);
    expect((await signInStaff(env, ownerEmail, TEST_PASSWORD)).me.identity.twoFactorEnabled).toBe(false);
  });
});

describe('an organisation that requires two-factor sign-in', () => {
  it('withholds its routes from staff without it until they set it up', async () => {
    const { ownerEmail, org } = await createTestOrg(env);
    await env.services.db.update(orgs).set({ requireTwoFactor: true }).where(eq(orgs.id, org.id));
    const session = await signInStaff(env, ownerEmail, TEST_PASSWORD);
    expect(session.me).toMatchObject({ twoFactorSetupRequired: true, permissions: [] });
    expect(session.me.currentOrg?.requireTwoFactor).toBe(true);
    const refused = await requestJson(env, 'GET', '/api/v1/org', { session });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/requires two-factor sign-in/);

    const secret = await turnOnTwoFactor(session);
    const me = (await (await requestJson(env, 'GET', '/api/auth/me', { session })).json()) as Me;
    expect(me.twoFactorSetupRequired).toBe(false);
    expect(me.permissions).toContain('org.update');
    expect((await requestJson(env, 'GET', '/api/v1/org', { session })).status).toBe(200);

    env.clock.advance(30_000);
    const disable = await requestJson(env, 'POST', '/api/auth/two-factor/disable', {
      session,
      body: { code: await codeFor(secret) },
    });
    expect(disable.status).toBe(403);
  });
});
