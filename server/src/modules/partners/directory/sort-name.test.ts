import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestEnrollment, createTestProgram } from '../../../../../test/enrollment-fixtures';
import { apiCall, createTestApiKey, createTestOrg } from '../../../../../test/factories';
import { createTestEnv } from '../../../../../test/harness';
import { identities } from '../../auth';
import { enrollments } from '../schema-enrollments';

const env = await createTestEnv();

describe('directory sorted by name', () => {
  it('follows the partner name kept by the database, also after a rename', async () => {
    const { org } = await createTestOrg(env);
    const program = await createTestProgram(env, org.id);
    const call = apiCall(env, (await createTestApiKey(env, org.id)).secret);
    const names = ['Vũ Thị Yến', 'Bùi Văn An', 'Lê Minh Khoa'];
    const created = [];
    for (const fullName of names)
      created.push(await createTestEnrollment(env, org.id, { programId: program.id, fullName }));

    const [row] = await env.services.db
      .select({ sortName: enrollments.sortName })
      .from(enrollments)
      .where(and(eq(enrollments.orgId, org.id), eq(enrollments.id, created[1]!.enrollment.id)));
    expect(row?.sortName).toBe('bui van an\u0001bùi văn an');

    const order = async () =>
      (await (await call('GET', '/api/v1/partners?sort=name&order=asc&limit=10')).json()).items.map(
        (item: { fullName: string }) => item.fullName,
      );
    expect(await order()).toEqual(['Bùi Văn An', 'Lê Minh Khoa', 'Vũ Thị Yến']);

    await env.services.db
      .update(identities)
      .set({ fullName: 'Đỗ Văn An' })
      .where(eq(identities.id, created[1]!.identity.id));
    // Vietnamese order: Đ sorts with D, before L
    expect(await order()).toEqual(['Đỗ Văn An', 'Lê Minh Khoa', 'Vũ Thị Yến']);
  });

  it('finds names without their marks, by start or by any word', async () => {
    const { org } = await createTestOrg(env);
    const program = await createTestProgram(env, org.id);
    const call = apiCall(env, (await createTestApiKey(env, org.id)).secret);
    for (const fullName of ['Nguyễn Thị Hương', 'Phạm Văn Nguyên', 'Trần Đức Long']) {
      await createTestEnrollment(env, org.id, { programId: program.id, fullName });
    }
    const search = async (q: string) =>
      (
        await (await call('GET', `/api/v1/partners?sort=name&order=asc&q=${encodeURIComponent(q)}`)).json()
      ).items.map((item: { fullName: string }) => item.fullName);
    expect(await search('nguyen')).toEqual(['Nguyễn Thị Hương', 'Phạm Văn Nguyên']);
    expect(await search('Huong')).toEqual(['Nguyễn Thị Hương']);
    expect(await search('đức')).toEqual(['Trần Đức Long']);
  });

  it('sorts Thai partners with each leading vowel after its consonant, also after a rename', async () => {
    const { org } = await createTestOrg(env);
    const program = await createTestProgram(env, org.id);
    const call = apiCall(env, (await createTestApiKey(env, org.id)).secret);
    const created = [];
    for (const fullName of ['ขวัญใจ มีสุข', 'เกศินี ทองดี', 'กมล ศรีสุข'])
      created.push(await createTestEnrollment(env, org.id, { programId: program.id, fullName }));
    const order = async () =>
      (await (await call('GET', '/api/v1/partners?sort=name&order=asc&limit=10')).json()).items.map(
        (item: { fullName: string }) => item.fullName,
      );
    expect(await order()).toEqual(['กมล ศรีสุข', 'เกศินี ทองดี', 'ขวัญใจ มีสุข']);
    await env.services.db
      .update(identities)
      .set({ fullName: 'ไก่ แก้วใส' })
      .where(eq(identities.id, created[0]!.identity.id));
    expect(await order()).toEqual(['กมล ศรีสุข', 'เกศินี ทองดี', 'ไก่ แก้วใส']);
  });
});
