import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestOrg, TEST_PASSWORD, uniqueEmail } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { requestJson, signInStaff } from '../../../../test/sessions';
import { mailOutbox } from '../mail';
import { createPartnerAccount } from '../partners';
import type { Me } from './get-me';
import { identities } from './schema';

const env = await createTestEnv();

type OutboxItem = { to: string; subject: string; text: string; template: string; status: string };

async function latestMail(to: string): Promise<OutboxItem | undefined> {
  const response = await env.app.request(`/api/dev/outbox?to=${encodeURIComponent(to)}&limit=1`);
  return ((await response.json()) as { items: OutboxItem[] }).items[0];
}

function tokenIn(text: string, page: string): string {
  const match = new RegExp(`http://kenh\\.test${page}\\?token=([\\w-]+)`).exec(text);
  if (!match) throw new Error(`No ${page} link in: ${text}`);
  return match[1]!;
}

const requestReset = (email: string, app?: 'staff' | 'partner') =>
  requestJson(env, 'POST', '/api/auth/password-reset/request', { body: { email, ...(app ? { app } : {}) } });
const confirmReset = (token: string, password: string) =>
  requestJson(env, 'POST', '/api/auth/password-reset/confirm', { body: { token, password } });

describe('password reset', () => {
  it('mails a link, sets the new password, lifts the lock and signs out everywhere', async () => {
    const { ownerEmail } = await createTestOrg(env);
    const session = await signInStaff(env, ownerEmail, TEST_PASSWORD);
    for (let attempt = 0; attempt < 5; attempt++) {
      await requestJson(env, 'POST', '/api/auth/sign-in', { body: { email: ownerEmail, password: 'wrong' } });
    }

    expect((await requestReset(ownerEmail.toUpperCase())).status).toBe(202);
    const mail = await latestMail(ownerEmail);
    expect(mail).toMatchObject({ template: 'password_reset', subject: 'Đặt lại mật khẩu Kênh' });
    const token = tokenIn(mail!.text, '/reset-password');
    expect(await env.services.jobs.drain()).toBeGreaterThan(0);
    expect((await latestMail(ownerEmail))!.status).toBe('kept');

    expect((await confirmReset(token, 'mat-khau-moi-2027')).status).toBe(204);
    expect((await requestJson(env, 'GET', '/api/auth/me', { session })).status).toBe(401);
    const me = (await signInStaff(env, ownerEmail, 'mat-khau-moi-2027')).me as Me;
    expect(me.identity.emailVerified).toBe(true);
    await expect(signInStaff(env, ownerEmail, TEST_PASSWORD)).rejects.toThrow(/401/);
  });

  it('uses a token once', async () => {
    const { ownerEmail } = await createTestOrg(env);
    await requestReset(ownerEmail);
    const token = tokenIn((await latestMail(ownerEmail))!.text, '/reset-password');
    expect((await confirmReset(token, 'mat-khau-moi-2027')).status).toBe(204);
    const again = await confirmReset(token, 'mat-khau-khac-2028');
    expect(again.status).toBe(422);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('unprocessable');
  });

  it('lets a token expire after one hour, and only the newest link works', async () => {
    const { ownerEmail } = await createTestOrg(env);
    await requestReset(ownerEmail);
    const first = tokenIn((await latestMail(ownerEmail))!.text, '/reset-password');
    await requestReset(ownerEmail);
    const second = tokenIn((await latestMail(ownerEmail))!.text, '/reset-password');
    expect(second).not.toBe(first);
    expect((await confirmReset(first, 'mat-khau-moi-2027')).status).toBe(422);
    env.clock.advance(60 * 60_000);
    expect((await confirmReset(second, 'mat-khau-moi-2027')).status).toBe(422);
    expect((await signInStaff(env, ownerEmail, TEST_PASSWORD)).me.identity.email).toBe(ownerEmail);
  });

  it('refuses a weak password without using up the token', async () => {
    const { ownerEmail } = await createTestOrg(env);
    await requestReset(ownerEmail);
    const token = tokenIn((await latestMail(ownerEmail))!.text, '/reset-password');
    expect((await confirmReset(token, 'short')).status).toBe(400);
    expect((await confirmReset(token, 'mat-khau-moi-2027')).status).toBe(204);
  });

  it('answers 202 for an unknown email and sends nothing', async () => {
    const email = uniqueEmail('nobody');
    expect((await requestReset(email)).status).toBe(202);
    expect(await latestMail(email)).toBeUndefined();
  });

  it('sends partners a link to the partner app', async () => {
    const email = uniqueEmail('ctv');
    await createPartnerAccount(env.services, env.services.db, {
      fullName: 'Đỗ Hạnh',
      email,
      password: TEST_PASSWORD,
    });
    expect((await requestReset(email, 'partner')).status).toBe(202);
    expect(tokenIn((await latestMail(email))!.text, '/p/reset-password')).toMatch(/^[\w-]{40,}$/);
  });

  it('sends at most 5 reset mails per account and hour', async () => {
    const { ownerEmail } = await createTestOrg(env);
    for (let attempt = 0; attempt < 7; attempt++) expect((await requestReset(ownerEmail)).status).toBe(202);
    const rows = await env.services.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, ownerEmail));
    expect(rows).toHaveLength(5);
  });
});

describe('email verification', () => {
  it('mails a link to the signed-in person and marks the email verified, once', async () => {
    const { ownerEmail } = await createTestOrg(env);
    const session = await signInStaff(env, ownerEmail, TEST_PASSWORD);
    expect(session.me.identity.emailVerified).toBe(false);
    expect((await requestJson(env, 'POST', '/api/auth/email-verification/request', { session })).status).toBe(
      202,
    );
    const mail = await latestMail(ownerEmail);
    expect(mail?.template).toBe('email_verification');
    const token = tokenIn(mail!.text, '/verify-email');
    const confirm = () =>
      requestJson(env, 'POST', '/api/auth/email-verification/confirm', { body: { token } });
    expect((await confirm()).status).toBe(204);
    expect((await confirm()).status).toBe(422);
    const me = (await (await requestJson(env, 'GET', '/api/auth/me', { session })).json()) as Me;
    expect(me.identity.emailVerified).toBe(true);
    const [identity] = await env.services.db
      .select()
      .from(identities)
      .where(eq(identities.email, ownerEmail));
    expect(identity!.emailVerifiedAt?.toISOString()).toBe(env.clock.now().toISOString());
  });

  it('needs a session to ask for a link', async () => {
    expect((await requestJson(env, 'POST', '/api/auth/email-verification/request')).status).toBe(401);
  });
});
