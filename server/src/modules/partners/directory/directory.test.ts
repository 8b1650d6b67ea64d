import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestEnrollment, createTestProgram } from '../../../../../test/enrollment-fixtures';
import {
  addTestMember,
  apiCall,
  createTestApiKey,
  createTestOrg,
  createTestSession,
} from '../../../../../test/factories';
import { createTestEnv } from '../../../../../test/harness';
import { phonePrefixes } from '../../../platform/name-search';
import { enrollments, enrollmentTags, partnerGroups, partnerTags } from '../schema-enrollments';

const env = await createTestEnv();
const phone = () => `091${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;

async function setup() {
  const { org, owner } = await createTestOrg(env);
  const call = apiCall(env, (await createTestApiKey(env, org.id)).secret);
  const retail = await createTestProgram(env, org.id, { name: 'CTV bán lẻ' });
  const agents = await createTestProgram(env, org.id, { name: 'Đại lý' });
  return { org, owner, call, retail, agents };
}

type Row = { enrollmentId: string; fullName: string };
const ids = (page: { items: Row[] }) => page.items.map((row) => row.enrollmentId).sort();

describe('partner directory', () => {
  it('understands phone fragments typed the local way', () => {
    expect(phonePrefixes('090 123')).toEqual(['+8490123', '+6690123']);
    expect(phonePrefixes('+66 81 234')).toEqual(['+6681234']);
    expect(phonePrefixes('Mai')).toBeUndefined();
  });

  it('narrows by every filter, searches by name word, phone and code, and pages without gaps', async () => {
    const { org, call, retail, agents } = await setup();
    const care = await addTestMember(env, org.id, { role: 'care_staff' });
    const maiPhone = phone();
    const mai = await createTestEnrollment(env, org.id, {
      programId: retail.id,
      fullName: 'Trần Thị Mai',
      phone: maiPhone,
      status: 'approved',
      referralCode: 'MAI777',
    });
    env.clock.advance(1000);
    const lan = await createTestEnrollment(env, org.id, {
      programId: retail.id,
      fullName: 'Ngô Lan',
      uplineReferralCode: 'MAI777',
    });
    env.clock.advance(1000);
    const binh = await createTestEnrollment(env, org.id, {
      programId: agents.id,
      fullName: 'Lê Bình',
      status: 'approved',
    });
    const db = env.services.db;
    const [group] = await db
      .insert(partnerGroups)
      .values({ orgId: org.id, id: 'pgr_test_gold', name: 'Vàng' })
      .returning();
    await db
      .update(enrollments)
      .set({ groupId: group!.id, careMemberId: care.member.id })
      .where(eq(enrollments.id, binh.enrollment.id));
    await db.insert(partnerTags).values({ orgId: org.id, id: 'tag_test_hot', name: 'hot' });
    await db
      .insert(enrollmentTags)
      .values({ orgId: org.id, enrollmentId: lan.enrollment.id, tagId: 'tag_test_hot' });
    await call('POST', '/api/v1/partners', {
      fullName: 'Phạm Hà',
      email: 'ha.dir@example.vn',
      programId: agents.id,
      province: 'Huế',
    });

    const get = async (query: string) => {
      const response = await call('GET', `/api/v1/partners?${query}`);
      expect(response.status, query).toBe(200);
      return response.json();
    };
    expect((await get('')).items).toHaveLength(4);
    expect(ids(await get(`programId=${retail.id}`))).toEqual([lan.enrollment.id, mai.enrollment.id].sort());
    expect(ids(await get('status=pending'))).toEqual([lan.enrollment.id]);
    expect((await get('status=approved,pending')).items).toHaveLength(4);
    expect(ids(await get(`groupId=${group!.id}`))).toEqual([binh.enrollment.id]);
    expect(ids(await get('tagId=tag_test_hot'))).toEqual([lan.enrollment.id]);
    expect(ids(await get(`careMemberId=${care.member.id}`))).toEqual([binh.enrollment.id]);
    expect(ids(await get(`uplineEnrollmentId=${mai.enrollment.id}`))).toEqual([lan.enrollment.id]);
    expect(
      (await get(`province=${encodeURIComponent('Huế')}`)).items.map((row: Row) => row.fullName),
    ).toEqual(['Phạm Hà']);
    expect(
      ids(
        await get(
          `joinedFrom=${encodeURIComponent('2026-11-02T03:00:00.500Z')}&joinedTo=${encodeURIComponent('2026-11-02T03:00:01.500Z')}`,
        ),
      ),
    ).toEqual([lan.enrollment.id]);
    expect(ids(await get(`q=${maiPhone.slice(0, 6)}`))).toContain(mai.enrollment.id);
    expect(ids(await get(`q=${encodeURIComponent(maiPhone)}`))).toEqual([mai.enrollment.id]);
    expect(ids(await get('q=mai'))).toEqual([mai.enrollment.id]);
    expect(ids(await get('q=mai7'))).toEqual([mai.enrollment.id]);
    expect(ids(await get('q=ha.dir'))).toHaveLength(1);
    expect((await get('status=banned')).items).toEqual([]);
    expect((await call('GET', '/api/v1/partners?status=nope')).status).toBe(400);
    const row = (await get(`q=${encodeURIComponent('Ngô')}`)).items[0];
    expect(row).toMatchObject({
      uplineReferralCode: 'MAI777',
      tags: [{ name: 'hot' }],
      program: { name: 'CTV bán lẻ' },
    });

    const session = await createTestSession(env, care.identity.id, org.id);
    const mine = await env.app.request('/api/v1/partners?mine=true', { headers: session });
    expect(ids(await mine.json())).toEqual([binh.enrollment.id]);

    for (const sort of ['joinedAt', 'name', 'code']) {
      for (const order of ['asc', 'desc']) {
        const seen: string[] = [];
        let cursor: string | null = '';
        while (cursor !== null) {
          const page: { items: Row[]; nextCursor: string | null } = await get(
            `limit=1&sort=${sort}&order=${order}${cursor ? `&cursor=${cursor}` : ''}`,
          );
          seen.push(...page.items.map((item) => item.enrollmentId));
          cursor = page.nextCursor;
        }
        expect(seen.sort(), `${sort} ${order}`).toEqual(ids(await get('')));
      }
    }

    const page = await (await call('GET', `/api/v1/partners/${mai.partner.id}`)).json();
    expect(page).toMatchObject({ fullName: 'Trần Thị Mai', notesCount: 0 });
    expect(page.enrollments[0].downline).toEqual({ direct: 1, total: 1 });

    const csv = await (await call('GET', `/api/v1/partners/export.csv?programId=${retail.id}`)).text();
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(csv).toContain('Trần Thị Mai');
    expect(csv).not.toContain('Lê Bình');
    const xlsx = await call('GET', '/api/v1/partners/export.xlsx?status=approved');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const { readSheet } = await import('read-excel-file/node');
    const sheet = await readSheet(Buffer.from(await xlsx.arrayBuffer()));
    expect(
      sheet
        .slice(1)
        .map((cells) => cells[2])
        .sort(),
    ).toEqual(['Lê Bình', 'Phạm Hà', 'Trần Thị Mai']);
  });

  it('adds partners reusing identities, keeps saved views per member, and hides other organisations', async () => {
    const { org, owner, call, retail } = await setup();
    const email = `shared.${randomInt(1e9)}@example.vn`;
    const first = await (
      await call('POST', '/api/v1/partners', { fullName: 'Đinh Hoa', email, programId: retail.id })
    ).json();
    const other = await setup();
    const second = await (
      await other.call('POST', '/api/v1/partners', {
        fullName: 'Đinh Hoa',
        email: email.toUpperCase(),
        programId: other.retail.id,
      })
    ).json();
    expect(second.partnerId).toBe(first.partnerId);
    expect((await other.call('GET', `/api/v1/partners/${first.partnerId}`)).status).toBe(200);
    expect(
      (await call('POST', '/api/v1/partners', { fullName: 'X', email, programId: retail.id })).status,
    ).toBe(409);
    const invalid = await call('POST', '/api/v1/partners', { fullName: 'Y', programId: retail.id });
    expect((await invalid.json()).error.details[0].path).toBe('body.phone');

    const session = await createTestSession(env, owner.id, org.id);
    const headers = { ...session, 'content-type': 'application/json' };
    const created = await env.app.request('/api/v1/saved-views', {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Chờ duyệt', filters: { status: ['pending'] }, shared: false }),
    });
    expect(created.status).toBe(201);
    const view = await created.json();
    const colleague = await addTestMember(env, org.id, { role: 'manager' });
    const theirs = await createTestSession(env, colleague.identity.id, org.id);
    expect((await (await env.app.request('/api/v1/saved-views', { headers: theirs })).json()).items).toEqual(
      [],
    );
    await env.app.request(`/api/v1/saved-views/${view.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ shared: true }),
    });
    const shared = (await (await env.app.request('/api/v1/saved-views', { headers: theirs })).json()).items;
    expect(shared).toMatchObject([{ id: view.id, mine: false, filters: { status: ['pending'] } }]);
    const refused = await env.app.request(`/api/v1/saved-views/${view.id}`, {
      method: 'DELETE',
      headers: theirs,
    });
    expect(refused.status).toBe(404);
  });
});
