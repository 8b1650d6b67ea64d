import { describe, expect, it } from 'vitest';
import { createTestEnrollment, createTestProgram } from '../../../../test/enrollment-fixtures';
import {
  addTestMember,
  apiCall,
  createTestApiKey,
  createTestOrg,
  createTestSession,
} from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';

const env = await createTestEnv();

describe('notes and timeline', () => {
  it('keeps internal notes newest first; care staff note only partners they care for', async () => {
    const { org } = await createTestOrg(env);
    const program = await createTestProgram(env, org.id);
    const manager = apiCall(env, (await createTestApiKey(env, org.id, 'manager')).secret);
    const { enrollment, partner } = await createTestEnrollment(env, org.id, { programId: program.id });
    const staff = await addTestMember(env, org.id, { role: 'care_staff', fullName: 'Võ Thị Chăm' });
    const session = await createTestSession(env, staff.identity.id, org.id);
    const asStaff = (method: string, path: string, body?: unknown) =>
      env.app.request(path, {
        method,
        headers: { ...session, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    expect((await asStaff('POST', `/api/v1/partners/${partner.id}/notes`, { body: 'Gọi lại' })).status).toBe(
      403,
    );
    await manager('PATCH', `/api/v1/enrollments/${enrollment.id}`, { careMemberId: staff.member.id });
    env.clock.advance(1000);
    const created = await asStaff('POST', `/api/v1/partners/${partner.id}/notes`, {
      body: 'Đã gọi, hẹn tuần sau',
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      authorMemberId: staff.member.id,
      authorLabel: 'Võ Thị Chăm',
    });
    env.clock.advance(1000);
    await manager('POST', `/api/v1/partners/${partner.id}/notes`, { body: 'Khách sỉ tiềm năng' });
    const notes = await (await manager('GET', `/api/v1/partners/${partner.id}/notes?limit=1`)).json();
    expect(notes.items.map((n: { body: string }) => n.body)).toEqual(['Khách sỉ tiềm năng']);
    const more = await (
      await manager('GET', `/api/v1/partners/${partner.id}/notes?cursor=${notes.nextCursor}`)
    ).json();
    expect(more.items.map((n: { body: string }) => n.body)).toEqual(['Đã gọi, hẹn tuần sau']);
    expect((await manager('POST', `/api/v1/partners/${partner.id}/notes`, { body: '' })).status).toBe(400);
  });

  it('shows the history of an enrollment newest first, paged', async () => {
    const { org } = await createTestOrg(env);
    const program = await createTestProgram(env, org.id);
    const manager = apiCall(env, (await createTestApiKey(env, org.id, 'manager')).secret);
    const { enrollment } = await createTestEnrollment(env, org.id, { programId: program.id });
    env.clock.advance(1000);
    await manager('POST', `/api/v1/enrollments/${enrollment.id}/status`, { status: 'approved' });
    env.clock.advance(1000);
    await manager('PATCH', `/api/v1/enrollments/${enrollment.id}`, { referralCode: 'MOI2026' });
    const page = await (await manager('GET', `/api/v1/enrollments/${enrollment.id}/timeline?limit=2`)).json();
    expect(page.items.map((e: { type: string }) => e.type)).toEqual(['code_changed', 'status_changed']);
    expect(page.items[1]).toMatchObject({
      fromValue: 'pending',
      toValue: 'approved',
      actor: { type: 'api_key' },
    });
    const rest = await (
      await manager('GET', `/api/v1/enrollments/${enrollment.id}/timeline?cursor=${page.nextCursor}`)
    ).json();
    expect(rest.items.map((e: { type: string }) => e.type)).toEqual(['joined']);
    expect(rest.nextCursor).toBeNull();
  });
});
