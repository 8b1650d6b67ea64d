import { randomInt } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  apiCall,
  createTestApiKey,
  createTestOrg,
  TEST_PASSWORD,
  uniqueEmail,
} from '../../../test/factories';
import { createTestEnv } from '../../../test/harness';
import { sessionCookieOf } from '../../../test/sessions';
import { identities } from '../modules/auth';
import { mailOutbox } from '../modules/mail';
import { enrollments, partnerProfiles, partners } from '../modules/partners';
import { SIGNUPS_PER_CONTACT_PER_HOUR, SIGNUPS_PER_IP_PER_HOUR } from './join-program';

const env = await createTestEnv();
const { db } = env.services;

const uniquePhone = () => `091${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
const e164 = (phone: string) => `+84${phone.slice(1)}`;
const uniqueIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}`;

async function setUp(settings: Record<string, unknown> = {}) {
  const { org } = await createTestOrg(env);
  const call = apiCall(env, (await createTestApiKey(env, org.id, 'owner')).secret);
  const program = await (
    await call('POST', '/api/v1/programs', { name: 'CTV bán lẻ', joinMode: 'open', ...settings })
  ).json();
  await call('POST', `/api/v1/programs/${program.id}/status`, { status: 'active' });
  return { org, call, program };
}

function post(path: string, body: unknown, ip = uniqueIp()) {
  return env.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify(body),
  });
}

/** The latest code sent to a phone (outbox mail to sms:+84…) or email. */
async function latestCode(destination: string): Promise<string> {
  const to = destination.includes('@') ? destination : `sms:${e164(destination)}`;
  const [mail] = await db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.toAddress, to))
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(1);
  // The code stands alone at the start of a line (mail) or of the text (SMS); names may hold digits too.
  const code = /^(\d{6})\b/m.exec(mail?.textBody ?? '')?.[1];
  if (!code) throw new Error(`No code sent to ${to}`);
  return code;
}

async function requestCode(pageCode: string, contact: { phone?: string; email?: string }, ip = uniqueIp()) {
  env.clock.advance(61_000); // past the resend wait of an earlier code to the same destination
  const response = await post(`/api/public/join/${pageCode}/code`, contact, ip);
  expect(response.status, await response.clone().text()).toBe(202);
  return latestCode(contact.phone ?? contact.email!);
}

async function join(
  pageCode: string,
  fields: Record<string, unknown>,
  options: { ip?: string; code?: string } = {},
) {
  const contact = { phone: fields.phone as string | undefined, email: fields.email as string | undefined };
  const code =
    options.code ??
    (await requestCode(pageCode, contact.phone ? { phone: contact.phone } : { email: contact.email }));
  return post(
    `/api/public/join/${pageCode}`,
    { password: TEST_PASSWORD, acceptTerms: true, code, ...fields },
    options.ip,
  );
}

const enrollmentsOfPhone = async (phone: string) =>
  db
    .select({
      orgId: enrollments.orgId,
      programId: enrollments.programId,
      status: enrollments.status,
      source: enrollments.source,
      upline: enrollments.uplineEnrollmentId,
      identityId: identities.id,
    })
    .from(enrollments)
    .innerJoin(partners, eq(partners.id, enrollments.partnerId))
    .innerJoin(identities, eq(identities.id, partners.identityId))
    .where(eq(identities.phone, e164(phone)));

describe('public join page', () => {
  it('shows the program and the referrer of ?ref= by given name; unknown or inactive pages are 404', async () => {
    const { org, call, program } = await setUp({
      description: 'Bán hàng cùng chúng tôi',
      terms: 'Điều khoản',
    });
    const mai = await (
      await call('POST', `/api/v1/programs/${program.id}/partners`, {
        fullName: 'Trần Thị Mai',
        phone: uniquePhone(),
      })
    ).json();
    const page = await (
      await env.app.request(
        `/api/public/join/${program.pageCode.toLowerCase()}?ref=${mai.referralCode.toLowerCase()}`,
      )
    ).json();
    expect(page).toMatchObject({
      program: {
        name: 'CTV bán lẻ',
        description: 'Bán hàng cùng chúng tôi',
        terms: 'Điều khoản',
        joinMode: 'open',
        currency: 'VND',
      },
      org: { name: org.name },
      referrer: { name: 'Mai', code: mai.referralCode },
      inviteRequired: false,
    });
    expect(
      (await (await env.app.request(`/api/public/join/${program.pageCode}?ref=NOBODY99`)).json()).referrer,
    ).toBeNull();
    const unknown = await env.app.request('/api/public/join/ZZZZZZ');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toMatch(/not accepting partners/);
    await call('POST', `/api/v1/programs/${program.id}/status`, { status: 'paused' });
    expect((await env.app.request(`/api/public/join/${program.pageCode}`)).status).toBe(404);
  });
});

describe('joining a program', () => {
  it('open mode: verifies the SMS code from the outbox, makes the referrer the upline, signs the partner in', async () => {
    const { call, program } = await setUp();
    const mai = await (
      await call('POST', `/api/v1/programs/${program.id}/partners`, {
        fullName: 'Trần Thị Mai',
        phone: uniquePhone(),
      })
    ).json();
    const phone = uniquePhone();
    const email = uniqueEmail('ctv');
    const response = await join(program.pageCode, {
      fullName: 'Lê Văn Hùng',
      phone,
      email,
      province: 'Đà Nẵng',
      ref: mai.referralCode,
    });
    expect(response.status, await response.clone().text()).toBe(201);
    const result = await response.json();
    expect(result).toMatchObject({ status: 'approved', signedIn: true });
    expect(result.referralCode).toMatch(/^HUNG/);
    const cookie = sessionCookieOf(response)!;
    const me = await (await env.app.request('/api/auth/me', { headers: { cookie } })).json();
    expect(me.identity.phone).toBe(e164(phone));
    const [enrollment] = await enrollmentsOfPhone(phone);
    expect(enrollment).toMatchObject({ status: 'approved', source: 'self', upline: mai.id });
    const [identity] = await db
      .select()
      .from(identities)
      .where(eq(identities.phone, e164(phone)));
    expect(identity?.phoneVerifiedAt).not.toBeNull();
    const [profile] = await db
      .select()
      .from(partnerProfiles)
      .where(eq(partnerProfiles.orgId, program.id.length ? enrollment!.orgId : ''));
    expect(profile?.province).toBe('Đà Nẵng');
    const approvedMail = await db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.toAddress, email), eq(mailOutbox.template, 'partner_approved')));
    expect(approvedMail).toHaveLength(1);
    expect(approvedMail[0]?.textBody).toContain(result.referralCode);
  });

  it('the same phone joining another program and another organisation keeps one identity', async () => {
    const first = await setUp();
    const second = await (
      await first.call('POST', '/api/v1/programs', { name: 'Đại lý cấp 1', joinMode: 'open' })
    ).json();
    await first.call('POST', `/api/v1/programs/${second.id}/status`, { status: 'active' });
    const other = await setUp();
    const phone = uniquePhone();
    expect((await join(first.program.pageCode, { fullName: 'Phạm Thu Hà', phone })).status).toBe(201);
    // proved by the code: joins without the password, but is not signed in
    const again = await join(second.pageCode, { fullName: 'Phạm Thu Hà', phone, password: undefined });
    expect(again.status).toBe(201);
    expect(await again.json()).toMatchObject({ signedIn: false, csrfToken: null });
    const third = await join(other.program.pageCode, { fullName: 'Phạm Thu Hà', phone });
    expect(await third.json()).toMatchObject({ signedIn: true });
    const rows = await enrollmentsOfPhone(phone);
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((row) => row.identityId)).size).toBe(1);
    expect(new Set(rows.map((row) => row.orgId)).size).toBe(2);
    expect(
      await db
        .select()
        .from(identities)
        .where(eq(identities.phone, e164(phone))),
    ).toHaveLength(1);
    const twice = await join(first.program.pageCode, { fullName: 'Phạm Thu Hà', phone });
    expect(twice.status).toBe(409);
  });

  it('an existing account reached only through an unverified contact needs its password', async () => {
    const { program } = await setUp({
      joinForm: [
        { key: 'fullName', required: true },
        { key: 'email', required: true },
      ],
    });
    const email = uniqueEmail('owner-of-email');
    expect((await join(program.pageCode, { fullName: 'Chủ Email', email })).status).toBe(201);
    const { program: other } = await setUp({
      joinForm: [
        { key: 'fullName', required: true },
        { key: 'phone', required: true },
        { key: 'email', required: true },
      ],
    });
    const phone = uniquePhone();
    const refused = await join(other.pageCode, {
      fullName: 'Kẻ Mạo Danh',
      phone,
      email,
      password: 'wrong-password-123',
    });
    expect(refused.status).toBe(401);
    expect(
      await db
        .select()
        .from(identities)
        .where(eq(identities.phone, e164(phone))),
    ).toHaveLength(0);
    const allowed = await join(other.pageCode, { fullName: 'Chủ Email', phone: uniquePhone(), email });
    expect(allowed.status, await allowed.clone().text()).toBe(201);
  });

  it('refuses a wrong, expired, exhausted or reused code', async () => {
    const { program } = await setUp();
    const phone = uniquePhone();
    const code = await requestCode(program.pageCode, { phone });
    const wrong = code === '000000' ? '111111' : '000000';
    const attempt = (c: string) => join(program.pageCode, { fullName: 'Võ Minh', phone }, { code: c });
    expect((await attempt(wrong)).status).toBe(400);
    env.clock.advance(11 * 60_000);
    expect((await attempt(code)).status).toBe(400); // expired
    const fresh = await requestCode(program.pageCode, { phone });
    const other = fresh === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await attempt(other)).status).toBe(400);
    const exhausted = await attempt(fresh);
    expect(exhausted.status).toBe(429);
    expect((await exhausted.json()).error.code).toBe('too_many_attempts');
    env.clock.advance(61_000);
    const last = await requestCode(program.pageCode, { phone });
    expect((await attempt(last)).status).toBe(201);
    const { program: second } = await setUp();
    expect((await join(second.pageCode, { fullName: 'Võ Minh', phone }, { code: last })).status).toBe(400);
  });

  it('refuses a filled honeypot and creates nothing', async () => {
    const { program } = await setUp();
    const phone = uniquePhone();
    const response = await join(program.pageCode, { fullName: 'Bot', phone, website: 'http://spam.example' });
    expect(response.status).toBe(400);
    expect(
      await db
        .select()
        .from(identities)
        .where(eq(identities.phone, e164(phone))),
    ).toHaveLength(0);
  });

  it('limits code requests: a resend after 60 s, per destination', async () => {
    const { program } = await setUp();
    const phone = uniquePhone();
    await requestCode(program.pageCode, { phone });
    const soon = await post(`/api/public/join/${program.pageCode}/code`, { phone });
    expect(soon.status).toBe(429);
    expect(Number(soon.headers.get('retry-after'))).toBe(60);
    env.clock.advance(61_000);
    await requestCode(program.pageCode, { phone });
  });

  it('rate-limits sign-ups per IP and per phone with 429 and Retry-After', async () => {
    const { program } = await setUp();
    const ip = uniqueIp();
    for (let i = 0; i < SIGNUPS_PER_IP_PER_HOUR; i++) {
      const response = await post(
        `/api/public/join/${program.pageCode}`,
        { fullName: 'Thử', phone: uniquePhone(), code: '123456', password: TEST_PASSWORD, acceptTerms: true },
        ip,
      );
      expect(response.status).toBe(400);
    }
    const limited = await post(
      `/api/public/join/${program.pageCode}`,
      { fullName: 'Thử', phone: uniquePhone(), code: '123456', password: TEST_PASSWORD, acceptTerms: true },
      ip,
    );
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const phone = uniquePhone();
    for (let i = 0; i < SIGNUPS_PER_CONTACT_PER_HOUR; i++) {
      const response = await post(`/api/public/join/${program.pageCode}`, {
        fullName: 'Thử',
        phone,
        code: '123456',
        password: TEST_PASSWORD,
        acceptTerms: true,
      });
      expect(response.status).toBe(400);
    }
    const perPhone = await post(`/api/public/join/${program.pageCode}`, {
      fullName: 'Thử',
      phone,
      code: '123456',
      password: TEST_PASSWORD,
      acceptTerms: true,
    });
    expect(perPhone.status).toBe(429);
  });

  it('approval mode waits for staff unless the auto-approve rules pass', async () => {
    const { program } = await setUp({
      joinMode: 'approval',
      autoApprove: { enabled: true, provinces: ['Hà Nội'] },
    });
    const pending = await join(program.pageCode, {
      fullName: 'Đỗ An',
      phone: uniquePhone(),
      province: 'Huế',
    });
    expect((await pending.json()).status).toBe('pending');
    const approved = await join(program.pageCode, {
      fullName: 'Đỗ Bình',
      phone: uniquePhone(),
      province: 'hà nội',
    });
    expect((await approved.json()).status).toBe('approved');
  });

  it('invite mode needs a valid invitation: personal links are single-use, the shareable link is not', async () => {
    const { call, program } = await setUp({ joinMode: 'invite' });
    expect(
      (await (await env.app.request(`/api/public/join/${program.pageCode}`)).json()).inviteRequired,
    ).toBe(true);
    expect((await join(program.pageCode, { fullName: 'Không Mời', phone: uniquePhone() })).status).toBe(403);
    const email = uniqueEmail('invitee');
    const invitation = await (
      await call('POST', `/api/v1/programs/${program.id}/invitations`, { email, fullName: 'Được Mời' })
    ).json();
    expect(invitation).toMatchObject({ state: 'pending', mailed: true });
    const token = new URL(invitation.link).searchParams.get('invite')!;
    const [mail] = await db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.toAddress, email), eq(mailOutbox.template, 'program_invitation')));
    expect(mail?.textBody).toContain(invitation.link);
    const page = await (await env.app.request(`/api/public/join/${program.pageCode}?invite=${token}`)).json();
    expect(page.invitation).toMatchObject({ valid: true, fullName: 'Được Mời', email });
    const phone = uniquePhone();
    const joined = await join(program.pageCode, { fullName: 'Được Mời', phone, invite: token });
    expect((await joined.json()).status).toBe('approved');
    expect((await enrollmentsOfPhone(phone))[0]?.source).toBe('invite');
    expect(
      (await join(program.pageCode, { fullName: 'Lần Hai', phone: uniquePhone(), invite: token })).status,
    ).toBe(400);
    const list = await (await call('GET', `/api/v1/programs/${program.id}/invitations`)).json();
    expect(list.items.map((i: { state: string }) => i.state)).toEqual(['accepted']);
    const shared = await (await call('GET', `/api/v1/programs/${program.id}/invite-link`)).json();
    expect((await (await call('GET', `/api/v1/programs/${program.id}/invite-link`)).json()).link).toBe(
      shared.link,
    );
    const sharedToken = new URL(shared.link).searchParams.get('invite')!;
    for (const name of ['Bạn Một', 'Bạn Hai'])
      expect(
        (await join(program.pageCode, { fullName: name, phone: uniquePhone(), invite: sharedToken })).status,
      ).toBe(201);
    const rotated = await (await call('POST', `/api/v1/programs/${program.id}/invite-link/rotate`)).json();
    expect(rotated.link).not.toBe(shared.link);
    expect(
      (await join(program.pageCode, { fullName: 'Bạn Ba', phone: uniquePhone(), invite: sharedToken }))
        .status,
    ).toBe(400);
  });

  it('checks the join form and seals the know-your-partner fields it asks for', async () => {
    const { program } = await setUp({
      joinForm: [
        { key: 'fullName', required: true },
        { key: 'phone', required: true },
        { key: 'citizenId', required: true },
        { key: 'bankAccount', required: false },
        {
          key: 'custom:channel',
          required: true,
          label: 'Kênh bán',
          type: 'select',
          options: ['Facebook', 'Zalo'],
        },
      ],
    });
    const phone = uniquePhone();
    const missing = await join(program.pageCode, { fullName: 'Hồ Lan', phone });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.details.map((d: { path: string }) => d.path)).toEqual([
      'body.citizenId',
      'body.answers.channel',
    ]);
    env.clock.advance(61_000);
    const response = await join(program.pageCode, {
      fullName: 'Hồ Lan',
      phone,
      citizenId: '079123456789',
      bankAccount: { bankBin: '970436', accountNumber: '0071000123456', holderName: 'HO LAN' },
      answers: { channel: 'Zalo' },
      province: 'Cần Thơ',
    });
    expect(response.status, await response.clone().text()).toBe(201);
    const [row] = await env.services.database.query<Record<string, string | null>>(
      'select p.* from partner_profiles p join partners pa on pa.id = p.partner_id join identities i on i.id = pa.identity_id where i.phone = $1',
      [e164(phone)],
    );
    expect(row?.citizen_id_last4).toBe('6789');
    expect(row?.bank_account_last4).toBe('3456');
    expect(row?.province).toBeNull(); // not asked by the form: dropped
    expect(JSON.stringify(row)).not.toContain('079123456789');
    expect(JSON.stringify(row)).not.toContain('0071000123456');
    expect(row?.citizen_id_enc).toMatch(/^v1\./);
  });
});
