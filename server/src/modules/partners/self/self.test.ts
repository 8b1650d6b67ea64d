import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestEnrollment, createTestProgram } from '../../../../../test/enrollment-fixtures';
import {
  apiCall,
  createTestApiKey,
  createTestOrg,
  TEST_PASSWORD,
  uniqueEmail,
} from '../../../../../test/factories';
import { createTestEnv } from '../../../../../test/harness';
import { requestJson, signInPartner } from '../../../../../test/sessions';
import { identities } from '../../auth';
import { createPartnerAccount } from '../create-partner-account';
import { enrollments, partnerProfiles } from '../schema-enrollments';

const env = await createTestEnv();

async function partnerIn(orgs: number) {
  const email = uniqueEmail('ctv');
  await createPartnerAccount(env.services, env.services.db, {
    fullName: 'Trần Thị Mai',
    email,
    password: TEST_PASSWORD,
  });
  const made = [];
  for (let i = 0; i < orgs; i++) {
    const { org } = await createTestOrg(env);
    const program = await createTestProgram(env, org.id);
    const enrollment = await createTestEnrollment(env, org.id, {
      programId: program.id,
      email,
      status: 'approved',
      referralCode: `MAI${i}X${Date.now() % 1000}`,
    });
    made.push({ org, program, ...enrollment });
  }
  return { email, made, session: await signInPartner(env, email, TEST_PASSWORD) };
}

describe('partner self-service', () => {
  it('lists programs with referral links and QR codes, and recruits by level', async () => {
    const { made, session } = await partnerIn(2);
    const mine = await (await requestJson(env, 'GET', '/api/me/enrollments', { session })).json();
    expect(mine.items).toHaveLength(2);
    const first = made[0]!;
    expect(mine.items.find((item: { id: string }) => item.id === first.enrollment.id)).toMatchObject({
      referralCode: first.enrollment.referralCode,
      referralLink: `http://kenh.test/p/join/${first.program.pageCode}?ref=${first.enrollment.referralCode}`,
      status: 'approved',
    });
    const png = await requestJson(env, 'GET', `/api/me/enrollments/${first.enrollment.id}/qr.png`, {
      session,
    });
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    const svg = await (
      await requestJson(env, 'GET', `/api/me/enrollments/${first.enrollment.id}/qr.svg`, { session })
    ).text();
    expect(svg).toContain('<svg');
    const child = await createTestEnrollment(env, first.org.id, {
      programId: first.program.id,
      fullName: 'Ngô Văn Lan',
      uplineReferralCode: first.enrollment.referralCode,
    });
    await createTestEnrollment(env, first.org.id, {
      programId: first.program.id,
      fullName: 'Bùi Nam',
      uplineReferralCode: child.enrollment.referralCode,
    });
    const recruits = await (await requestJson(env, 'GET', '/api/me/recruits', { session })).json();
    expect(recruits.levels).toEqual([
      { level: 1, count: 1 },
      { level: 2, count: 1 },
    ]);
    expect(recruits.items).toMatchObject([{ name: 'Lan N.', status: 'pending' }]);
    const other = await partnerIn(1);
    const foreign = await requestJson(
      env,
      'GET',
      `/api/me/enrollments/${other.made[0]!.enrollment.id}/qr.png`,
      { session },
    );
    expect(foreign.status).toBe(404);
  });

  it('edits the profile, seals bank details per organisation, exports own data only', async () => {
    const { made, session } = await partnerIn(2);
    const patched = await requestJson(env, 'PATCH', '/api/me/profile', {
      session,
      body: { fullName: 'Trần Mai', province: 'Huế', socialLinks: ['https://facebook.com/mai'] },
    });
    expect(await patched.json()).toMatchObject({ fullName: 'Trần Mai', province: 'Huế' });
    const bank = await requestJson(env, 'PUT', '/api/me/bank', {
      session,
      body: { bankBin: '970436', bankAccount: '0071000123456', bankHolder: 'Tran Mai' },
    });
    expect(await bank.json()).toEqual({ organisations: 2, bankAccountLast4: '3456' });
    const raw = await env.services.db
      .select()
      .from(partnerProfiles)
      .where(eq(partnerProfiles.partnerId, made[0]!.partner.id));
    expect(raw).toHaveLength(2);
    expect(raw[0]!.bankAccountEnc).not.toContain('0071000123456');
    expect(raw[0]!.bankAccountEnc).not.toBe(raw[1]!.bankAccountEnc);
    const stranger = await partnerIn(1);
    const data = await (await requestJson(env, 'GET', '/api/me/data-export', { session })).json();
    expect(data.identity.fullName).toBe('Trần Mai');
    expect(data.organisations).toHaveLength(2);
    expect(data.organisations[0].profile).toMatchObject({ bankAccount: '0071000123456', province: 'Huế' });
    const text = JSON.stringify(data);
    expect(text).not.toContain(stranger.made[0]!.enrollment.id);
    expect(text).not.toContain(stranger.email);
  });

  it('erases personal data but keeps enrollments, and signs out', async () => {
    const { made, session, email } = await partnerIn(1);
    const call = apiCall(env, (await createTestApiKey(env, made[0]!.org.id)).secret);
    expect(
      (await requestJson(env, 'POST', '/api/me/erasure', { session, body: { confirm: 'yes' } })).status,
    ).toBe(400);
    expect(
      (await requestJson(env, 'POST', '/api/me/erasure', { session, body: { confirm: 'DELETE' } })).status,
    ).toBe(200);
    const [identity] = await env.services.db
      .select()
      .from(identities)
      .where(eq(identities.id, made[0]!.identity.id));
    expect(identity).toMatchObject({ fullName: 'Đã xoá', email: null, phone: null, passwordHash: null });
    const kept = await env.services.db
      .select()
      .from(enrollments)
      .where(eq(enrollments.partnerId, made[0]!.partner.id));
    expect(kept).toHaveLength(1);
    const [profile] = await env.services.db
      .select()
      .from(partnerProfiles)
      .where(eq(partnerProfiles.partnerId, made[0]!.partner.id));
    expect(profile!.anonymisedAt).not.toBeNull();
    expect((await requestJson(env, 'GET', '/api/me/profile', { session })).status).toBe(401);
    await expect(signInPartner(env, email, TEST_PASSWORD)).rejects.toThrow();
    const page = await (await call('GET', `/api/v1/partners/${made[0]!.partner.id}`)).json();
    expect(page).toMatchObject({ fullName: 'Đã xoá', email: null, anonymised: true });
  });
});
