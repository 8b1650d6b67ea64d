import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  addTestMember,
  apiCall,
  createTestApiKey,
  createTestOrg,
  createTestSession,
  systemContext,
} from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { auditLog } from '../audit';
import { createStaffGroup } from './create-staff-group';
import { setStaffGroupMembers } from './set-staff-group-members';

const env = await createTestEnv();

describe('GET /api/v1/members', () => {
  it('lists members with their groups, filtered by text, role and status', async () => {
    const { org, member: owner } = await createTestOrg(env);
    const { member: an } = await addTestMember(env, org.id, { fullName: 'Phạm Văn An', role: 'manager' });
    await addTestMember(env, org.id, { fullName: 'Võ Thị Bích', role: 'care_staff', status: 'disabled' });
    const group = await createStaffGroup(systemContext(env, org.id), { name: 'Miền Trung' });
    await setStaffGroupMembers(systemContext(env, org.id), group.id, [an.id]);
    const { secret } = await createTestApiKey(env, org.id, 'care_staff');
    const call = apiCall(env, secret);

    const byText = await (await call('GET', '/api/v1/members?q=phạm')).json();
    expect(byText.items).toEqual([
      expect.objectContaining({
        id: an.id,
        fullName: 'Phạm Văn An',
        role: 'manager',
        status: 'active',
        twoFactorEnabled: false,
        groups: [{ id: group.id, name: 'Miền Trung' }],
      }),
    ]);
    const disabled = await (await call('GET', '/api/v1/members?status=disabled')).json();
    expect(disabled.items.map((m: { fullName: string }) => m.fullName)).toEqual(['Võ Thị Bích']);
    const owners = await (await call('GET', '/api/v1/members?role=owner')).json();
    expect(owners.items.map((m: { id: string }) => m.id)).toEqual([owner.id]);
    const byName = await (await call('GET', '/api/v1/members?sort=name&order=asc')).json();
    expect(byName.items.map((m: { fullName: string }) => m.fullName)).toEqual([
      'Nguyễn Văn Chủ',
      'Phạm Văn An',
      'Võ Thị Bích',
    ]);
  });

  it('pages through 30 members in pages of 10 without duplicates or gaps', async () => {
    const { org, member: owner } = await createTestOrg(env);
    const created = [owner.id];
    for (let i = 0; i < 29; i++) {
      env.clock.advance(i % 3 === 0 ? 0 : 1000); // some share a timestamp: ids break the tie
      created.push(
        (await addTestMember(env, org.id, { fullName: `Nhân viên ${String(i).padStart(2, '0')}` })).member.id,
      );
    }
    const { secret } = await createTestApiKey(env, org.id);
    for (const sort of ['createdAt', 'name']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `/api/v1/members?limit=10&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await (await apiCall(env, secret)('GET', query)).json();
        seen.push(...page.items.map((m: { id: string }) => m.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(new Set(seen).size).toBe(30);
      expect([...seen].sort()).toEqual([...created].sort());
    }
  });

  it('refuses a broken cursor and an oversized page with field paths', async () => {
    const { org } = await createTestOrg(env);
    const { secret } = await createTestApiKey(env, org.id);
    const bad = await apiCall(env, secret)('GET', '/api/v1/members?cursor=nonsense&limit=500&sort=age');
    expect(bad.status).toBe(400);
    const paths = (await bad.json()).error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['query.limit', 'query.sort']);
    const badCursor = await apiCall(env, secret)('GET', '/api/v1/members?cursor=bm9wZQ');
    expect((await badCursor.json()).error.details[0].path).toBe('query.cursor');
  });
});

describe('PATCH /api/v1/members/{memberId}', () => {
  it('changes a role and records before and after', async () => {
    const { org } = await createTestOrg(env);
    const { member } = await addTestMember(env, org.id, { role: 'care_staff' });
    const { secret, apiKey } = await createTestApiKey(env, org.id, 'admin');
    const response = await apiCall(env, secret)('PATCH', `/api/v1/members/${member.id}`, { role: 'manager' });
    expect(response.status).toBe(200);
    expect((await response.json()).role).toBe('manager');
    const [entry] = await env.services.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, 'member.updated')));
    expect(entry).toMatchObject({
      actorType: 'api_key',
      actorId: apiKey.id,
      entityId: member.id,
      before: { role: 'care_staff' },
      after: { role: 'manager' },
    });
  });

  it('does not let anyone grant a role above their own', async () => {
    const { org, member: owner } = await createTestOrg(env);
    const { member } = await addTestMember(env, org.id, { role: 'care_staff' });
    const admin = apiCall(env, (await createTestApiKey(env, org.id, 'admin')).secret);
    expect((await admin('PATCH', `/api/v1/members/${member.id}`, { role: 'owner' })).status).toBe(403);
    expect((await admin('PATCH', `/api/v1/members/${owner.id}`, { role: 'admin' })).status).toBe(403);
    expect((await admin('DELETE', `/api/v1/members/${owner.id}`)).status).toBe(403);
    const manager = apiCall(env, (await createTestApiKey(env, org.id, 'manager')).secret);
    expect((await manager('PATCH', `/api/v1/members/${member.id}`, { role: 'manager' })).status).toBe(403);
  });

  it('protects the last active owner from demotion, disabling and removal', async () => {
    const { org, member: owner } = await createTestOrg(env);
    const call = apiCall(env, (await createTestApiKey(env, org.id, 'owner')).secret);
    for (const [method, body] of [
      ['PATCH', { role: 'admin' }],
      ['PATCH', { status: 'disabled' }],
      ['DELETE', undefined],
    ] as const) {
      const response = await call(method, `/api/v1/members/${owner.id}`, body);
      expect(response.status).toBe(409);
      expect((await response.json()).error.message).toMatch(/at least one active owner/);
    }
    const { member: second } = await addTestMember(env, org.id, { role: 'owner' });
    expect((await call('PATCH', `/api/v1/members/${owner.id}`, { role: 'admin' })).status).toBe(200);
    expect((await call('DELETE', `/api/v1/members/${second.id}`)).status).toBe(409);
  });

  it('validates the body with field paths', async () => {
    const { org, member } = await createTestOrg(env);
    const call = apiCall(env, (await createTestApiKey(env, org.id)).secret);
    const response = await call('PATCH', `/api/v1/members/${member.id}`, { role: 'king', status: 'gone' });
    expect(response.status).toBe(400);
    const paths = (await response.json()).error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['body.role', 'body.status']);
  });

  it('a disabled member’s session no longer opens the organisation', async () => {
    const { org } = await createTestOrg(env);
    const { member, identity } = await addTestMember(env, org.id, { role: 'manager' });
    const session = await createTestSession(env, identity.id, org.id);
    expect((await env.app.request('/api/v1/org', { headers: session })).status).toBe(200);
    const call = apiCall(env, (await createTestApiKey(env, org.id)).secret);
    expect((await call('PATCH', `/api/v1/members/${member.id}`, { status: 'disabled' })).status).toBe(200);
    expect((await env.app.request('/api/v1/org', { headers: session })).status).toBe(403);
  });
});

describe('DELETE /api/v1/members/{memberId}', () => {
  it('removes the member and their group memberships', async () => {
    const { org } = await createTestOrg(env);
    const { member, identity } = await addTestMember(env, org.id);
    const group = await createStaffGroup(systemContext(env, org.id), { name: 'Nhóm A' });
    await setStaffGroupMembers(systemContext(env, org.id), group.id, [member.id]);
    const session = await createTestSession(env, identity.id, org.id);
    const call = apiCall(env, (await createTestApiKey(env, org.id)).secret);
    expect((await call('DELETE', `/api/v1/members/${member.id}`)).status).toBe(204);
    expect((await call('GET', `/api/v1/members/${member.id}`)).status).toBe(404);
    expect((await (await call('GET', `/api/v1/staff-groups/${group.id}`)).json()).memberCount).toBe(0);
    expect((await env.app.request('/api/v1/org', { headers: session })).status).toBe(403);
  });
});
