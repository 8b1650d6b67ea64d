import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addTestMember, apiCall, createTestApiKey, createTestOrg } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { auditLog } from '../audit';

const env = await createTestEnv();

async function setup(role: 'owner' | 'manager' | 'care_staff' = 'manager') {
  const { org } = await createTestOrg(env);
  return { org, call: apiCall(env, (await createTestApiKey(env, org.id, role)).secret) };
}

describe('staff groups', () => {
  it('creates, renames, fills, lists with counts and deletes a group', async () => {
    const { org, call } = await setup();
    const created = await call('POST', '/api/v1/staff-groups', {
      name: 'Chăm sóc miền Bắc',
      description: 'Hà Nội',
    });
    expect(created.status).toBe(201);
    const group = await created.json();
    expect(group).toMatchObject({
      name: 'Chăm sóc miền Bắc',
      description: 'Hà Nội',
      memberCount: 0,
      members: [],
    });

    const a = await addTestMember(env, org.id, { fullName: 'An' });
    const b = await addTestMember(env, org.id, { fullName: 'Bình' });
    const filled = await call('PUT', `/api/v1/staff-groups/${group.id}/members`, {
      memberIds: [b.member.id, a.member.id],
    });
    expect(filled.status).toBe(200);
    expect((await filled.json()).members.map((m: { fullName: string }) => m.fullName)).toEqual([
      'An',
      'Bình',
    ]);
    const replaced = await call('PUT', `/api/v1/staff-groups/${group.id}/members`, {
      memberIds: [a.member.id],
    });
    expect((await replaced.json()).memberCount).toBe(1);

    const renamed = await call('PATCH', `/api/v1/staff-groups/${group.id}`, { name: 'Miền Bắc' });
    expect((await renamed.json()).name).toBe('Miền Bắc');
    await call('POST', '/api/v1/staff-groups', { name: 'Miền Nam' });
    const list = await (await call('GET', '/api/v1/staff-groups')).json();
    expect(list.items.map((g: { name: string; memberCount: number }) => [g.name, g.memberCount])).toEqual([
      ['Miền Bắc', 1],
      ['Miền Nam', 0],
    ]);
    const filtered = await (await call('GET', '/api/v1/staff-groups?q=nam')).json();
    expect(filtered.items).toHaveLength(1);

    expect((await call('DELETE', `/api/v1/staff-groups/${group.id}`)).status).toBe(204);
    expect((await call('GET', `/api/v1/staff-groups/${group.id}`)).status).toBe(404);
    const actions = (
      await env.services.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.orgId, org.id), eq(auditLog.entityId, group.id)))
    ).map((row) => row.action);
    expect(actions.sort()).toEqual([
      'staff_group.created',
      'staff_group.deleted',
      'staff_group.members_set',
      'staff_group.members_set',
      'staff_group.updated',
    ]);
    const [membersEntry] = await env.services.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, 'staff_group.updated')));
    expect(membersEntry).toMatchObject({
      before: { name: 'Chăm sóc miền Bắc' },
      after: { name: 'Miền Bắc' },
    });
  });

  it('refuses a duplicate name in any case with 409', async () => {
    const { call } = await setup();
    await call('POST', '/api/v1/staff-groups', { name: 'Miền Tây' });
    const response = await call('POST', '/api/v1/staff-groups', { name: 'MIỀN TÂY' });
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toMatch(/already exists/);
  });

  it('refuses ids that are not members of this organisation with their positions', async () => {
    const { org, call } = await setup();
    const { org: other } = await createTestOrg(env);
    const outsider = await addTestMember(env, other.id);
    const insider = await addTestMember(env, org.id);
    const group = await (await call('POST', '/api/v1/staff-groups', { name: 'Nhóm' })).json();
    const response = await call('PUT', `/api/v1/staff-groups/${group.id}/members`, {
      memberIds: [insider.member.id, outsider.member.id, 'mem_nope'],
    });
    expect(response.status).toBe(422);
    const paths = (await response.json()).error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(['body.memberIds.1', 'body.memberIds.2']);
    const duplicate = await call('PUT', `/api/v1/staff-groups/${group.id}/members`, {
      memberIds: [insider.member.id, insider.member.id],
    });
    expect(duplicate.status).toBe(400);
    expect((await duplicate.json()).error.details[0].path).toBe('body.memberIds');
  });

  it('validates bodies with field paths', async () => {
    const { call } = await setup();
    const response = await call('POST', '/api/v1/staff-groups', { name: '', description: 5 });
    expect(response.status).toBe(400);
    const paths = (await response.json()).error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['body.description', 'body.name']);
  });

  it('care staff may read groups but not change them', async () => {
    const { call } = await setup('care_staff');
    expect((await call('GET', '/api/v1/staff-groups')).status).toBe(200);
    expect((await call('POST', '/api/v1/staff-groups', { name: 'Không được' })).status).toBe(403);
  });
});
