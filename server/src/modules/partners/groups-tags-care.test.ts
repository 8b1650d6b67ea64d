import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestEnrollment, createTestProgram } from '../../../../test/enrollment-fixtures';
import { addTestMember, apiCall, createTestApiKey, createTestOrg } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { enrollmentEvents, enrollments } from './schema-enrollments';

const env = await createTestEnv();

async function setUp(count: number) {
  const { org } = await createTestOrg(env);
  const program = await createTestProgram(env, org.id);
  const call = apiCall(env, (await createTestApiKey(env, org.id, 'manager')).secret);
  const list = [];
  for (let i = 0; i < count; i++) {
    list.push((await createTestEnrollment(env, org.id, { programId: program.id })).enrollment);
  }
  return { org, program, call, ids: list.map((e) => e.id) };
}

describe('partner groups', () => {
  it('are created, renamed, applied in bulk and deleted only with confirmation when used', async () => {
    const { call, ids } = await setUp(3);
    const group = await (await call('POST', '/api/v1/partner-groups', { name: 'Bạc' })).json();
    expect((await call('POST', '/api/v1/partner-groups', { name: 'BẠC' })).status).toBe(409);
    const renamed = await call('PATCH', `/api/v1/partner-groups/${group.id}`, { name: 'Kim cương' });
    expect(await renamed.json()).toMatchObject({ name: 'Kim cương', enrollmentCount: 0 });

    const bulk = await (
      await call('POST', '/api/v1/enrollments/bulk-group', {
        enrollmentIds: [...ids, 'enr_x'],
        groupId: group.id,
      })
    ).json();
    expect(bulk).toMatchObject({ succeeded: 3, failed: 1 });
    const again = await (
      await call('POST', '/api/v1/enrollments/bulk-group', { enrollmentIds: [ids[0]], groupId: group.id })
    ).json();
    expect(again.results[0]).toMatchObject({ ok: true, changed: false });
    const list = await (await call('GET', '/api/v1/partner-groups')).json();
    expect(list.items).toEqual([expect.objectContaining({ id: group.id, enrollmentCount: 3 })]);

    const refused = await call('DELETE', `/api/v1/partner-groups/${group.id}`);
    expect(refused.status).toBe(409);
    expect((await call('DELETE', `/api/v1/partner-groups/${group.id}?detachMembers=true`)).status).toBe(204);
    const rows = await env.services.db.select().from(enrollments).where(inArray(enrollments.id, ids));
    expect(rows.every((row) => row.groupId === null)).toBe(true);
    const events = await env.services.db
      .select()
      .from(enrollmentEvents)
      .where(and(eq(enrollmentEvents.enrollmentId, ids[0]!), eq(enrollmentEvents.type, 'group_changed')));
    expect(events.map((e) => e.toValue).sort()).toEqual([group.id, null].sort());
    expect((await call('GET', `/api/v1/partner-groups/${group.id}`)).status).toBe(404);
    const unknown = await call('POST', '/api/v1/enrollments/bulk-group', {
      enrollmentIds: ids,
      groupId: 'pgr_x',
    });
    expect(unknown.status).toBe(422);
  });
});

describe('partner tags', () => {
  it('are added and removed in bulk, reporting what really changed', async () => {
    const { call, ids } = await setUp(2);
    const vip = await (await call('POST', '/api/v1/partner-tags', { name: 'VIP', color: 'red' })).json();
    const moi = await (await call('POST', '/api/v1/partner-tags', { name: 'Mới' })).json();
    const first = await (
      await call('POST', '/api/v1/enrollments/bulk-tags', { enrollmentIds: ids, add: [vip.id, moi.id] })
    ).json();
    expect(first.results[0]).toMatchObject({ ok: true, added: [vip.id, moi.id].sort(), removed: [] });
    const second = await (
      await call('POST', '/api/v1/enrollments/bulk-tags', {
        enrollmentIds: [ids[0]],
        add: [vip.id],
        remove: [moi.id],
      })
    ).json();
    expect(second.results[0]).toMatchObject({ added: [], removed: [moi.id] });
    const both = await call('POST', '/api/v1/enrollments/bulk-tags', {
      enrollmentIds: ids,
      add: [vip.id],
      remove: [vip.id],
    });
    expect(both.status).toBe(400);
    const unknown = await call('POST', '/api/v1/enrollments/bulk-tags', {
      enrollmentIds: ids,
      remove: ['tag_x'],
    });
    expect((await unknown.json()).error.details[0].path).toBe('body.remove.0');
    const tags = await (await call('GET', '/api/v1/partner-tags')).json();
    expect(
      tags.items.map((t: { name: string; enrollmentCount: number }) => [t.name, t.enrollmentCount]),
    ).toEqual([
      ['Mới', 1],
      ['VIP', 2],
    ]);
    expect((await call('DELETE', `/api/v1/partner-tags/${vip.id}`)).status).toBe(204);
    const after = await (await call('GET', '/api/v1/partner-tags')).json();
    expect(after.items.map((t: { name: string }) => t.name)).toEqual(['Mới']);
  });
});

describe('care staff assignment', () => {
  it('assigns one member, or round-robin continuing fairly from current counts', async () => {
    const { org, call, ids } = await setUp(7);
    const [m1, m2, m3] = [
      await addTestMember(env, org.id, { role: 'care_staff' }),
      await addTestMember(env, org.id, { role: 'care_staff' }),
      await addTestMember(env, org.id, { role: 'care_staff' }),
    ];
    const off = await addTestMember(env, org.id, { role: 'care_staff', status: 'disabled' });
    // m1 already cares for two partners
    const direct = await (
      await call('POST', '/api/v1/enrollments/bulk-care', {
        enrollmentIds: ids.slice(0, 2),
        memberId: m1!.member.id,
      })
    ).json();
    expect(direct.succeeded).toBe(2);
    const staffGroup = await (
      await call('POST', '/api/v1/staff-groups', { name: 'Chăm sóc miền Nam' })
    ).json();
    await call('PUT', `/api/v1/staff-groups/${staffGroup.id}/members`, {
      memberIds: [m1!.member.id, m2!.member.id, m3!.member.id, off.member.id],
    });
    const robin = await (
      await call('POST', '/api/v1/enrollments/bulk-care', {
        enrollmentIds: ids.slice(2),
        staffGroupId: staffGroup.id,
        mode: 'round_robin',
      })
    ).json();
    expect(robin.succeeded).toBe(5);
    // m1 already had two: the first four go to the two others, two each
    const firstFour = robin.results.slice(0, 4).map((r: { careMemberId: string }) => r.careMemberId);
    expect(firstFour).not.toContain(m1!.member.id);
    expect(new Set(firstFour).size).toBe(2);
    const rows = await env.services.db.select().from(enrollments).where(inArray(enrollments.id, ids));
    const counts = new Map<string | null, number>();
    for (const row of rows) counts.set(row.careMemberId, (counts.get(row.careMemberId) ?? 0) + 1);
    // 7 partners over 3 active members, m1 starting with 2: 3 / 2 / 2 — never the disabled one
    expect([...counts.values()].sort()).toEqual([2, 2, 3]);
    expect(counts.has(off.member.id)).toBe(false);
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
    expect(counts.get(m1!.member.id)).toBeGreaterThanOrEqual(2);

    const disabled = await call('POST', '/api/v1/enrollments/bulk-care', {
      enrollmentIds: ids,
      memberId: off.member.id,
    });
    expect((await disabled.json()).error.details[0].path).toBe('body.memberId');
    const unknown = await call('POST', '/api/v1/enrollments/bulk-care', {
      enrollmentIds: ids,
      staffGroupId: 'sgp_x',
      mode: 'round_robin',
    });
    expect((await unknown.json()).error.details[0].path).toBe('body.staffGroupId');
  });
});
