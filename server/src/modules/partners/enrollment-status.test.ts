import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestEnrollment, createTestProgram } from '../../../../test/enrollment-fixtures';
import { apiCall, createTestApiKey, createTestOrg } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { auditLog } from '../audit/schema';
import { mailOutbox } from '../mail';
import { enrollmentEvents, enrollments } from './schema-enrollments';

const env = await createTestEnv();

async function setUp() {
  const { org } = await createTestOrg(env);
  const program = await createTestProgram(env, org.id, { name: 'CTV bán lẻ' });
  const owner = apiCall(env, (await createTestApiKey(env, org.id, 'owner')).secret);
  const manager = apiCall(env, (await createTestApiKey(env, org.id, 'manager')).secret);
  const care = apiCall(env, (await createTestApiKey(env, org.id, 'care_staff')).secret);
  const enroll = (options: Partial<Parameters<typeof createTestEnrollment>[2]> = {}) =>
    createTestEnrollment(env, org.id, { programId: program.id, ...options });
  return { org, program, owner, manager, care, enroll };
}

async function eventsOf(enrollmentId: string) {
  return env.services.db
    .select()
    .from(enrollmentEvents)
    .where(and(eq(enrollmentEvents.enrollmentId, enrollmentId), eq(enrollmentEvents.type, 'status_changed')));
}

describe('enrollment status', () => {
  it('follows the allowed transitions, needs reasons and keeps the history', async () => {
    const { manager, enroll } = await setUp();
    const { enrollment } = await enroll();
    const status = (body: unknown) => manager('POST', `/api/v1/enrollments/${enrollment.id}/status`, body);

    expect((await status({ status: 'suspended', reason: 'Spam' })).status).toBe(422);
    const noReason = await status({ status: 'rejected' });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).error.details).toEqual([expect.objectContaining({ path: 'body.reason' })]);

    env.clock.advance(1000);
    const approved = await status({ status: 'approved' });
    expect(approved.status).toBe(200);
    const body = await approved.json();
    expect(body).toMatchObject({
      status: 'approved',
      statusReason: null,
      approvedAt: env.clock.now().toISOString(),
    });
    const approvedAt = body.approvedAt;

    expect((await status({ status: 'approved' })).status).toBe(422);
    expect((await status({ status: 'pending' })).status).toBe(422);
    expect((await status({ status: 'suspended', reason: 'Đăng giá sai' })).status).toBe(200);
    env.clock.advance(1000);
    const back = await (await status({ status: 'approved' })).json();
    expect(back.approvedAt).toBe(approvedAt);
    expect((await status({ status: 'banned', reason: 'Gian lận đơn hàng' })).status).toBe(200);

    const events = await eventsOf(enrollment.id);
    expect(events.map((e) => [e.fromValue, e.toValue, e.reason]).sort()).toEqual(
      [
        ['pending', 'approved', null],
        ['approved', 'suspended', 'Đăng giá sai'],
        ['suspended', 'approved', null],
        ['approved', 'banned', 'Gian lận đơn hàng'],
      ].sort(),
    );
    const audits = await env.services.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, enrollment.id), eq(auditLog.action, 'enrollment.status_changed')));
    expect(audits).toHaveLength(4);
  });

  it('keeps banned final except for an owner; left is final', async () => {
    const { owner, manager, enroll } = await setUp();
    const { enrollment } = await enroll({ status: 'approved' });
    const path = `/api/v1/enrollments/${enrollment.id}/status`;
    await manager('POST', path, { status: 'banned', reason: 'Lừa đảo' });
    expect((await manager('POST', path, { status: 'approved' })).status).toBe(422);
    expect((await owner('POST', path, { status: 'approved' })).status).toBe(200);
    await owner('POST', path, { status: 'left' });
    expect((await owner('POST', path, { status: 'approved' })).status).toBe(422);
    const [row] = await env.services.db.select().from(enrollments).where(eq(enrollments.id, enrollment.id));
    expect(row!.status).toBe('left');
  });

  it('lets only roles with partners.approve decide', async () => {
    const { care, enroll } = await setUp();
    const { enrollment } = await enroll();
    const response = await care('POST', `/api/v1/enrollments/${enrollment.id}/status`, {
      status: 'approved',
    });
    expect(response.status).toBe(403);
  });

  it('mails the partner on approval and on rejection, in their language', async () => {
    const { manager, enroll } = await setUp();
    const a = await enroll({ email: 'mai.duyet@example.vn' });
    const b = await enroll({ email: 'lan.tuchoi@example.vn', fullName: 'Lê Thị Lan' });
    const c = await enroll({ email: null, phone: '0912345678', fullName: 'Phạm Văn Cường' });
    await manager('POST', `/api/v1/enrollments/${a.enrollment.id}/status`, { status: 'approved' });
    await manager('POST', `/api/v1/enrollments/${b.enrollment.id}/status`, {
      status: 'rejected',
      reason: 'Thiếu thông tin',
    });
    expect(
      (await manager('POST', `/api/v1/enrollments/${c.enrollment.id}/status`, { status: 'approved' })).status,
    ).toBe(200);
    const [approvedMail] = await env.services.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, 'mai.duyet@example.vn'));
    expect(approvedMail).toMatchObject({ template: 'partner_approved' });
    expect(approvedMail!.textBody).toContain(a.enrollment.referralCode);
    expect(approvedMail!.textBody).toContain('CTV bán lẻ');
    const [rejectedMail] = await env.services.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, 'lan.tuchoi@example.vn'));
    expect(rejectedMail).toMatchObject({ template: 'partner_rejected' });
    expect(rejectedMail!.textBody).toContain('Thiếu thông tin');
  });
});

describe('approval queue', () => {
  it('lists pending enrollments oldest first with masked phones, program and upline', async () => {
    const { care, enroll } = await setUp();
    const upline = await enroll({ status: 'approved', fullName: 'Nguyễn Văn Tuyển' });
    env.clock.advance(60_000);
    const first = await enroll({ phone: '0901234567', uplineReferralCode: upline.enrollment.referralCode });
    env.clock.advance(60_000);
    const second = await enroll({ fullName: 'Đỗ Thị Hai' });
    const page = await (await care('GET', '/api/v1/enrollments/pending?limit=1')).json();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      id: first.enrollment.id,
      partner: { fullName: 'Trần Thị Mai', phone: '+8490•••4567', email: first.identity.email },
      program: { name: 'CTV bán lẻ' },
      upline: {
        id: upline.enrollment.id,
        referralCode: upline.enrollment.referralCode,
        fullName: 'Nguyễn Văn Tuyển',
      },
    });
    expect(JSON.stringify(page)).not.toContain('901234567');
    const next = await (
      await care('GET', `/api/v1/enrollments/pending?limit=1&cursor=${page.nextCursor}`)
    ).json();
    expect(next.items.map((item: { id: string }) => item.id)).toEqual([second.enrollment.id]);
    expect(next.nextCursor).toBeNull();
  });

  it('bulk approves and rejects, answering per id for mixed valid and invalid ids', async () => {
    const { manager, enroll } = await setUp();
    const other = await setUp();
    const a = await enroll();
    const b = await enroll();
    const approved = await enroll({ status: 'approved' });
    const foreign = await other.enroll();
    const response = await manager('POST', '/api/v1/enrollments/bulk-status', {
      enrollmentIds: [
        a.enrollment.id,
        approved.enrollment.id,
        'enr_unknown',
        foreign.enrollment.id,
        b.enrollment.id,
      ],
      status: 'approved',
    });
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result).toMatchObject({ succeeded: 2, failed: 3 });
    expect(
      result.results.map((r: { ok: boolean; error?: { code: string } }) => r.error?.code ?? 'ok'),
    ).toEqual(['ok', 'unprocessable', 'not_found', 'not_found', 'ok']);
    const [foreignRow] = await env.services.db
      .select()
      .from(enrollments)
      .where(eq(enrollments.id, foreign.enrollment.id));
    expect(foreignRow!.status).toBe('pending');

    const c = await enroll();
    const noReason = await manager('POST', '/api/v1/enrollments/bulk-status', {
      enrollmentIds: [c.enrollment.id],
      status: 'rejected',
    });
    expect(noReason.status).toBe(400);
    const rejected = await manager('POST', '/api/v1/enrollments/bulk-status', {
      enrollmentIds: [c.enrollment.id],
      status: 'rejected',
      reason: 'Trùng tài khoản',
    });
    expect((await rejected.json()).results[0]).toMatchObject({ ok: true, status: 'rejected' });
    const tooMany = await manager('POST', '/api/v1/enrollments/bulk-status', {
      enrollmentIds: Array.from({ length: 501 }, (_, i) => `enr_${i}`),
      status: 'approved',
    });
    expect(tooMany.status).toBe(400);
  });
});
