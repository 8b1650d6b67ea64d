import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addTestMember, apiCall, createTestApiKey, createTestOrg } from '../../../test/factories';
import { createTestEnv } from '../../../test/harness';
import { auditLog } from '../modules/audit';
import { identities } from '../modules/auth';

const env = await createTestEnv();

async function setUp() {
  const { org } = await createTestOrg(env);
  const call = apiCall(env, (await createTestApiKey(env, org.id, 'owner')).secret);
  const program = await (await call('POST', '/api/v1/programs', { name: 'Đại lý' })).json();
  return { org, call, program };
}

describe('POST /api/v1/programs/{programId}/partners', () => {
  it('adds an approved partner (source staff) with upline and care staff, audited, without a password', async () => {
    const { org, call, program } = await setUp();
    const care = await addTestMember(env, org.id, { role: 'care_staff' });
    const upline = await (
      await call('POST', `/api/v1/programs/${program.id}/partners`, {
        fullName: 'Trần Thị Mai',
        phone: '0912300001',
      })
    ).json();
    const response = await call('POST', `/api/v1/programs/${program.id}/partners`, {
      fullName: 'Lý Văn Tâm',
      email: 'tam.ly@example.vn',
      externalId: 'NV-001',
      uplineReferralCode: upline.referralCode.toLowerCase(),
      careMemberId: care.member.id,
    });
    expect(response.status).toBe(201);
    const enrollment = await response.json();
    expect(enrollment).toMatchObject({
      status: 'approved',
      source: 'staff',
      uplineEnrollmentId: upline.id,
      careMemberId: care.member.id,
      externalId: 'NV-001',
    });
    const [identity] = await env.services.db
      .select()
      .from(identities)
      .where(eq(identities.email, 'tam.ly@example.vn'));
    expect(identity?.passwordHash).toBeNull();
    const audit = await env.services.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.entityId, enrollment.id)));
    expect(audit.map((row) => row.action)).toEqual(['partner.added']);
  });

  it('refuses unknown groups and care staff (422), a duplicate enrollment (409), and another org’s program (404)', async () => {
    const { call, program } = await setUp();
    const other = await setUp();
    const base = { fullName: 'Người Thử', phone: '0912300002' };
    expect(
      (await call('POST', `/api/v1/programs/${program.id}/partners`, { ...base, groupId: 'pgr_nope' }))
        .status,
    ).toBe(422);
    expect(
      (await call('POST', `/api/v1/programs/${program.id}/partners`, { ...base, careMemberId: other.org.id }))
        .status,
    ).toBe(422);
    expect((await call('POST', `/api/v1/programs/${program.id}/partners`, base)).status).toBe(201);
    expect((await call('POST', `/api/v1/programs/${program.id}/partners`, base)).status).toBe(409);
    expect((await other.call('POST', `/api/v1/programs/${program.id}/partners`, base)).status).toBe(404);
    const invalid = await call('POST', `/api/v1/programs/${program.id}/partners`, {
      fullName: 'Không Liên Lạc',
    });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.details[0].path).toBe('body.phone');
  });
});
