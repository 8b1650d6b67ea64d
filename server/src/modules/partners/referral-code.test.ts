import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestEnrollment, createTestProgram } from '../../../../test/enrollment-fixtures';
import { addTestMember, apiCall, createTestApiKey, createTestOrg } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { generateReferralCode, normaliseReferralCode } from './referral-code';
import { enrollmentEvents } from './schema-enrollments';

const env = await createTestEnv();

describe('referral codes', () => {
  it('are generated readable from the given name, without marks or ambiguous characters', () => {
    for (let i = 0; i < 50; i++) {
      const code = generateReferralCode('Trần Thị Đào');
      expect(code).toMatch(/^DAO[2-9A-HJKMNP-Z]{3}$/);
    }
    expect(generateReferralCode('สมชาย ใจดี')).toMatch(/^CTV/);
    expect(normaliseReferralCode('  mai-2026 ')).toBe('MAI-2026');
    expect(() => normaliseReferralCode('a b')).toThrow();
  });

  it('can be edited, unique in the organisation ignoring case, with history', async () => {
    const { org } = await createTestOrg(env);
    const program = await createTestProgram(env, org.id);
    const call = apiCall(env, (await createTestApiKey(env, org.id, 'manager')).secret);
    const a = (await createTestEnrollment(env, org.id, { programId: program.id, referralCode: 'MAI2026' }))
      .enrollment;
    const b = (await createTestEnrollment(env, org.id, { programId: program.id })).enrollment;

    const taken = await call('PATCH', `/api/v1/enrollments/${b.id}`, { referralCode: 'mai2026' });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.details).toEqual([
      { path: 'body.referralCode', message: 'Choose another code' },
    ]);
    const bad = await call('PATCH', `/api/v1/enrollments/${b.id}`, { referralCode: 'có dấu cách' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0].path).toBe('body.referralCode');

    const renamed = await call('PATCH', `/api/v1/enrollments/${b.id}`, { referralCode: 'lan-vip' });
    expect(renamed.status).toBe(200);
    expect((await renamed.json()).referralCode).toBe('LAN-VIP');
    // another organisation may use the same code
    const other = await createTestOrg(env);
    const otherProgram = await createTestProgram(env, other.org.id);
    await expect(
      createTestEnrollment(env, other.org.id, { programId: otherProgram.id, referralCode: 'Mai2026' }),
    ).resolves.toBeDefined();
    // only a case change of one's own code is fine
    expect((await call('PATCH', `/api/v1/enrollments/${a.id}`, { referralCode: 'Mai2026' })).status).toBe(
      200,
    );

    const events = await env.services.db
      .select()
      .from(enrollmentEvents)
      .where(and(eq(enrollmentEvents.enrollmentId, b.id), eq(enrollmentEvents.type, 'code_changed')));
    expect(events).toEqual([expect.objectContaining({ fromValue: b.referralCode, toValue: 'LAN-VIP' })]);
  });

  it('checks group, care member and partner id edits', async () => {
    const { org } = await createTestOrg(env);
    const program = await createTestProgram(env, org.id);
    const call = apiCall(env, (await createTestApiKey(env, org.id, 'manager')).secret);
    const a = (await createTestEnrollment(env, org.id, { programId: program.id })).enrollment;
    const b = (await createTestEnrollment(env, org.id, { programId: program.id })).enrollment;
    const staff = await addTestMember(env, org.id, { role: 'care_staff' });
    const disabled = await addTestMember(env, org.id, { role: 'care_staff', status: 'disabled' });
    const group = await (await call('POST', '/api/v1/partner-groups', { name: 'Vàng' })).json();

    const unknownGroup = await call('PATCH', `/api/v1/enrollments/${a.id}`, { groupId: 'pgr_none' });
    expect(unknownGroup.status).toBe(422);
    expect((await unknownGroup.json()).error.details[0].path).toBe('body.groupId');
    const off = await call('PATCH', `/api/v1/enrollments/${a.id}`, { careMemberId: disabled.member.id });
    expect((await off.json()).error.details[0].path).toBe('body.careMemberId');

    const ok = await call('PATCH', `/api/v1/enrollments/${a.id}`, {
      groupId: group.id,
      careMemberId: staff.member.id,
      externalId: 'KH-0001',
    });
    expect(await ok.json()).toMatchObject({
      groupId: group.id,
      careMemberId: staff.member.id,
      externalId: 'KH-0001',
    });
    const dup = await call('PATCH', `/api/v1/enrollments/${b.id}`, { externalId: 'KH-0001' });
    expect(dup.status).toBe(409);
    expect((await dup.json()).error.details[0].path).toBe('body.externalId');
    const types = (
      await env.services.db.select().from(enrollmentEvents).where(eq(enrollmentEvents.enrollmentId, a.id))
    ).map((event) => event.type);
    expect(types.sort()).toEqual(['care_changed', 'group_changed', 'joined', 'profile_changed']);
  });
});
