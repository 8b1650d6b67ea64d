import { describe, expect, it } from 'vitest';
import { createTestEnrollment } from '../../test/enrollment-fixtures';
import { addTestMember, apiCall, createTestApiKey, createTestOrg, uniqueEmail } from '../../test/factories';
import { createTestEnv } from '../../test/harness';
import { type CrossTenantPart, PARTS } from './cross-tenant/index';
import { savedViews } from './modules/partners';
import type { Access } from './platform/http/authorize';

/**
 * Tenant isolation, for every route the app has: organisation B's owner key is turned against
 * organisation A's records. Record routes must answer 404, lists must show nothing of A, and no row
 * of A may change. Routes are read from the app itself, so a new route cannot escape this suite.
 */
const env = await createTestEnv();

// ---- organisation A, with one record of every kind --------------------------------------------
const orgA = await createTestOrg(env, { name: 'Tổ chức A' });
const staffA = await addTestMember(env, orgA.org.id, { role: 'care_staff', fullName: 'Nhân Viên A' });
const callA = apiCall(env, (await createTestApiKey(env, orgA.org.id, 'owner', 'Khóa A')).secret);
const invitationA = await (
  await callA('POST', '/api/v1/invitations', { email: uniqueEmail('a'), role: 'manager' })
).json();
const groupA = await (await callA('POST', '/api/v1/staff-groups', { name: 'Nhóm A' })).json();
await callA('PUT', `/api/v1/staff-groups/${groupA.id}/members`, { memberIds: [staffA.member.id] });
const apiKeyA = (
  await (await callA('POST', '/api/v1/api-keys', { name: 'Khóa phụ A', role: 'manager' })).json()
).apiKey;
await callA('PATCH', '/api/v1/org', { currency: 'USD' });
const programA = await (
  await callA('POST', '/api/v1/programs', { name: 'Chương trình A', joinMode: 'open' })
).json();
await callA('POST', `/api/v1/programs/${programA.id}/status`, { status: 'active' });
await callA('POST', `/api/v1/programs/${programA.id}/partners`, {
  fullName: 'Cộng Tác A',
  phone: '0912000001',
});
await callA('POST', `/api/v1/programs/${programA.id}/invitations`, { email: uniqueEmail('ctv-a') });
const enrollmentA = (
  await createTestEnrollment(env, orgA.org.id, {
    programId: programA.id,
    fullName: 'Đối Tác A',
    status: 'approved',
  })
).enrollment;
const partnerGroupA = await (await callA('POST', '/api/v1/partner-groups', { name: 'Vàng A' })).json();
const partnerTagA = await (await callA('POST', '/api/v1/partner-tags', { name: 'VIP A' })).json();
await callA('POST', '/api/v1/enrollments/bulk-tags', {
  enrollmentIds: [enrollmentA.id],
  add: [partnerTagA.id],
});
await callA('PATCH', `/api/v1/enrollments/${enrollmentA.id}`, { groupId: partnerGroupA.id });
await callA('PUT', `/api/v1/partners/${enrollmentA.partnerId}/kyc`, { citizenId: '079203001234' });
await callA('POST', `/api/v1/partners/${enrollmentA.partnerId}/notes`, { body: 'Ghi chú A' });
const importA = await (
  await callA('POST', '/api/v1/partner-imports', {
    programId: programA.id,
    fileName: 'a.csv',
    contentBase64: Buffer.from('Họ tên,SĐT\nNhập A,0912000003\n').toString('base64'),
  })
).json();
await callA('PUT', `/api/v1/partner-imports/${importA.importId}/mapping`, {
  mapping: { fullName: 'Họ tên', phone: 'SĐT' },
});
const savedViewA = (
  await env.services.db
    .insert(savedViews)
    .values({
      orgId: orgA.org.id,
      id: 'svw_cross_tenant_a',
      memberId: orgA.member.id,
      name: 'Của A',
      filters: {},
      shared: true,
    })
    .returning()
)[0]!;

// the modules' own parts of the suite (catalog, links, orders …), each adding records of A
const parts: CrossTenantPart[] = [];
for (const setup of PARTS) {
  parts.push(
    await setup({
      env,
      orgAId: orgA.org.id,
      callA,
      programA,
      enrollmentA: {
        id: enrollmentA.id,
        partnerId: enrollmentA.partnerId,
        referralCode: enrollmentA.referralCode,
      },
    }),
  );
}
const fromParts = <K extends 'records' | 'bodies' | 'notTenantScoped' | 'publicParams'>(key: K) =>
  Object.assign({}, ...parts.map((part) => part[key] ?? {}));

// ---- organisation B, the intruder ----------------------------------------------------------------
const orgB = await createTestOrg(env, { name: 'Tổ chức B' });
const callB = apiCall(env, (await createTestApiKey(env, orgB.org.id, 'owner', 'Khóa B')).secret);

/** Path parameters → a record of organisation A. A route with another parameter fails the suite. */
const A_RECORDS: Record<string, string> = {
  memberId: staffA.member.id,
  invitationId: invitationA.id,
  groupId: groupA.id,
  apiKeyId: apiKeyA.id,
  programId: programA.id,
  enrollmentId: enrollmentA.id,
  partnerId: enrollmentA.partnerId,
  partnerGroupId: partnerGroupA.id,
  partnerTagId: partnerTagA.id,
  importId: importA.importId,
  savedViewId: savedViewA.id,
  ...fromParts('records'),
};
const A_IDS = [
  orgA.org.id,
  orgA.member.id,
  orgA.owner.id,
  staffA.identity.id,
  ...Object.values(A_RECORDS),
  ...parts.flatMap((part) => part.ids ?? []),
];

/** A minimal valid body per route that takes one. A new route with a body must be added here. */
const BODIES: Record<string, unknown> = {
  'PATCH /api/v1/org': { name: 'Tổ chức B đổi tên' },
  'PATCH /api/v1/members/{memberId}': { role: 'manager' },
  'POST /api/v1/invitations': { email: 'moi@to-chuc-b.vn', role: 'care_staff' },
  'POST /api/v1/staff-groups': { name: 'Nhóm của B' },
  'PATCH /api/v1/staff-groups/{groupId}': { name: 'Đổi tên' },
  'PUT /api/v1/staff-groups/{groupId}/members': { memberIds: [] },
  'POST /api/v1/api-keys': { name: 'Khóa mới của B', role: 'care_staff' },
  'POST /api/v1/programs': { name: 'Chương trình của B' },
  'PATCH /api/v1/programs/{programId}': { name: 'Đổi tên' },
  'POST /api/v1/programs/{programId}/status': { status: 'paused' },
  'POST /api/v1/programs/{programId}/partners': { fullName: 'Người Của B', phone: '0912000002' },
  'POST /api/v1/programs/{programId}/invitations': { email: 'ctv@to-chuc-b.vn' },
  'POST /api/v1/enrollments/bulk-status': { enrollmentIds: ['enr_missing'], status: 'approved' },
  'POST /api/v1/enrollments/{enrollmentId}/status': { status: 'suspended', reason: 'Thử' },
  'PATCH /api/v1/enrollments/{enrollmentId}': { referralCode: 'CUAB2026' },
  'POST /api/v1/enrollments/{enrollmentId}/upline': { uplineReferralCode: null, reason: 'Thử' },
  'POST /api/v1/enrollments/bulk-group': { enrollmentIds: ['enr_missing'], groupId: null },
  'POST /api/v1/enrollments/bulk-tags': { enrollmentIds: ['enr_missing'], add: [partnerTagA.id] },
  'POST /api/v1/enrollments/bulk-care': { enrollmentIds: ['enr_missing'], memberId: staffA.member.id },
  'POST /api/v1/partner-groups': { name: 'Nhóm đối tác B' },
  'PATCH /api/v1/partner-groups/{partnerGroupId}': { name: 'Đổi tên' },
  'POST /api/v1/partner-tags': { name: 'Thẻ của B' },
  'PATCH /api/v1/partner-tags/{partnerTagId}': { name: 'Đổi tên' },
  'PUT /api/v1/partners/{partnerId}/kyc': { address: '1 Lê Lợi, Hà Nội' },
  'POST /api/v1/partners/{partnerId}/kyc/reveal': { fields: ['citizenId'] },
  'POST /api/v1/partners/{partnerId}/notes': { body: 'Ghi chú của B' },
  'POST /api/v1/partners': { fullName: 'Người Của B', phone: '0912000004', programId: programA.id },
  'POST /api/v1/saved-views': { name: 'Chờ duyệt', filters: { status: ['pending'] } },
  'PATCH /api/v1/saved-views/{savedViewId}': { name: 'Đổi tên' },
  'POST /api/v1/partner-imports': {
    programId: programA.id,
    fileName: 'b.csv',
    contentBase64: Buffer.from('Họ tên,SĐT\nNhập B,0912000005\n').toString('base64'),
  },
  'PUT /api/v1/partner-imports/{importId}/mapping': { mapping: { fullName: 'Họ tên', phone: 'SĐT' } },
  ...fromParts('bodies'),
};

/** Routes outside organisations, and why a tenant's key has nothing to reach through them. */
const NOT_TENANT_SCOPED: Record<string, string> = {
  'GET /api/health': 'liveness, no data',
  'POST /api/auth/sign-in': 'signs a person in by their own credentials',
  'POST /api/auth/partner/sign-in': 'signs a partner in by their own credentials',
  'POST /api/auth/sign-out': 'ends the caller’s own session',
  'POST /api/auth/sign-out-everywhere': 'ends the caller’s own sessions',
  'GET /api/auth/me': 'the caller’s own profile and memberships',
  'PATCH /api/auth/me': 'the caller’s own profile',
  'POST /api/auth/password': 'the caller’s own password',
  'POST /api/auth/switch-org': 'switches only to organisations where the caller is an active member',
  'POST /api/auth/password-reset/request': 'mails the address given, answers the same whether it exists',
  'POST /api/auth/password-reset/confirm': 'redeems an emailed one-time token',
  'POST /api/auth/email-verification/request': 'mails the caller’s own address',
  'POST /api/auth/email-verification/confirm': 'redeems an emailed one-time token',
  'POST /api/auth/two-factor/setup': 'the caller’s own second factor',
  'POST /api/auth/two-factor/enable': 'the caller’s own second factor',
  'POST /api/auth/two-factor/disable': 'the caller’s own second factor',
  'POST /api/auth/two-factor/verify': 'completes the caller’s own pending sign-in',
  'GET /api/auth/invitations/{token}': 'the token is the credential (256 random bits, stored hashed)',
  'POST /api/auth/invitations/accept': 'the token is the credential (256 random bits, stored hashed)',
  'POST /api/orgs': 'creates a new organisation owned by the signed-in person',
  'GET /api/dev/outbox': 'development mail outbox, refused when SMTP_URL is set (not tenant data)',
  'GET /api/me/enrollments': 'the signed-in partner’s own enrollments',
  'GET /api/me/enrollments/{enrollmentId}/qr.png': 'QR of the signed-in partner’s own link (others: 404)',
  'GET /api/me/enrollments/{enrollmentId}/qr.svg': 'QR of the signed-in partner’s own link (others: 404)',
  'GET /api/me/recruits': 'the signed-in partner’s own downline',
  'GET /api/me/profile': 'the signed-in partner’s own profile',
  'PATCH /api/me/profile': 'the signed-in partner’s own profile',
  'PUT /api/me/bank': 'the signed-in partner’s own bank details, in their own organisations',
  'GET /api/me/data-export': 'the signed-in partner’s own data',
  'POST /api/me/erasure': 'erases the signed-in partner’s own account',
  'GET /api/me/notifications': 'the signed-in partner’s own notifications (by identity, any organisation)',
  'POST /api/me/notifications/read': 'marks only the signed-in partner’s own notifications read',
  'GET /api/v1/banks': 'the shipped list of Vietnamese banks (NAPAS BINs), no tenant data',
  'GET /api/public/join/{pageCode}': 'public join page: only what the program shows anyone (active programs)',
  'POST /api/public/join/{pageCode}/code': 'sends a code to the phone or email given; rate-limited',
  'POST /api/public/join/{pageCode}':
    'self sign-up: needs the code sent to the joiner’s own phone/email; creates only their own enrollment',
  ...fromParts('notTenantScoped'),
};

/** Hono routes that are not API operations, and why. */
const UNDOCUMENTED: Record<string, string> = {
  'GET /api/openapi.json': 'the API document itself',
  'GET /api/docs': 'the reference page',
  'GET /api/docs/scalar.js': 'the reference page’s script',
};

type Operation = { method: string; path: string; access: Access; hasBody: boolean };

function operations(): Operation[] {
  const document = env.app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: { title: 'Kênh', version: 'test' },
  });
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, { 'x-kenh-access'?: Access; requestBody?: unknown }>)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => {
        if (!operation['x-kenh-access']) throw new Error(`${method} ${path} does not declare its access`);
        return {
          method: method.toUpperCase(),
          path,
          access: operation['x-kenh-access'],
          hasBody: Boolean(operation.requestBody),
        };
      }),
  );
}

/** A checksum of every row of organisation A in every table with an org_id, plus its org row and staff. */
async function checksumOfA(): Promise<Record<string, string>> {
  const { database } = env.services;
  const tables = await database.query<{ table_name: string }>(
    `select table_name from information_schema.columns
     where table_schema = current_schema() and column_name = 'org_id' order by table_name`,
  );
  expect(tables.map((t) => t.table_name)).toEqual(
    expect.arrayContaining(['org_members', 'invitations', 'staff_groups', 'api_keys', 'audit_log']),
  );
  const sums: Record<string, string> = {};
  const sum = async (name: string, query: string) => {
    const [row] = await database.query<{ sum: string; count: number }>(query, [orgA.org.id]);
    sums[name] = `${row?.count}:${row?.sum}`;
  };
  for (const { table_name: table } of tables) {
    await sum(
      table,
      `select count(*)::int as count, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum
       from "${table}" t where org_id = $1`,
    );
  }
  await sum(
    'orgs',
    `select count(*)::int as count, md5(string_agg(t::text, '|')) as sum from orgs t where id = $1`,
  );
  await sum(
    'identities',
    `select count(*)::int as count, md5(string_agg(t::text, '|' order by t.id)) as sum from identities t
     where id in (select identity_id from org_members where org_id = $1)`,
  );
  return sums;
}

function fill(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (!value)
      throw new Error(`No fixture for the path parameter {${name}}: add a record of org A to A_RECORDS`);
    return value;
  });
}

describe('cross-tenant isolation', () => {
  it('every API route of the router is documented with its access, or listed with a reason', () => {
    const documented = new Set(operations().map((op) => `${op.method} ${op.path}`));
    const escaped = env.app.routes
      .filter((route) => route.path.startsWith('/api/') && !route.path.endsWith('*'))
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`)
      .filter((key) => !documented.has(key) && !UNDOCUMENTED[key]);
    expect(escaped).toEqual([]);
  });

  it('every route outside organisations is listed with a reason', () => {
    const unlisted = operations()
      .filter((op) => !('permission' in op.access))
      .map((op) => `${op.method} ${op.path}`)
      .filter((key) => !NOT_TENANT_SCOPED[key]);
    expect(unlisted).toEqual([]);
  });

  it("organisation B's owner key cannot read or change anything of organisation A", async () => {
    const before = await checksumOfA();
    const tenantRoutes = operations().filter((op) => 'permission' in op.access);
    expect(tenantRoutes.length).toBeGreaterThanOrEqual(18);
    const failures: string[] = [];
    for (const op of tenantRoutes) {
      const key = `${op.method} ${op.path}`;
      if (op.hasBody && !(key in BODIES)) throw new Error(`No body for ${key}: add one to BODIES`);
      const response = await callB(op.method, fill(op.path, A_RECORDS), op.hasBody ? BODIES[key] : undefined);
      const text = await response.text();
      const recordScoped = /\{\w+\}/.test(op.path);
      if (recordScoped && response.status !== 404)
        failures.push(`${key} answered ${response.status}, not 404`);
      if (!recordScoped && (response.status < 200 || response.status >= 500)) {
        failures.push(`${key} answered ${response.status}`);
      }
      const leaked = A_IDS.filter((id) => text.includes(id));
      if (leaked.length > 0) failures.push(`${key} showed ${leaked.join(', ')}`);
    }
    expect(failures).toEqual([]);
    expect(await checksumOfA()).toEqual(before);
  });

  it('routes outside organisations, called with B’s key, change nothing of A', async () => {
    const before = await checksumOfA();
    for (const op of operations().filter((route) => !('permission' in route.access))) {
      const response = await callB(
        op.method,
        fill(op.path, {
          token: 'not-a-real-invitation-token',
          pageCode: programA.pageCode,
          enrollmentId: enrollmentA.id,
          ...fromParts('publicParams'),
        }),
        op.hasBody ? {} : undefined,
      );
      expect(response.status, `${op.method} ${op.path}`).toBeLessThan(500);
      if ('session' in op.access) expect(response.status, `${op.method} ${op.path}`).toBe(401);
    }
    expect(await checksumOfA()).toEqual(before);
  });

  it('ids of A inside a body are refused too', async () => {
    const before = await checksumOfA();
    const groupB = await (await callB('POST', '/api/v1/staff-groups', { name: 'Nhóm thử' })).json();
    const response = await callB('PUT', `/api/v1/staff-groups/${groupB.id}/members`, {
      memberIds: [staffA.member.id],
    });
    expect(response.status).toBe(422);
    const bulk = await callB('POST', '/api/v1/enrollments/bulk-status', {
      enrollmentIds: [enrollmentA.id],
      status: 'approved',
    });
    expect((await bulk.json()).results).toEqual([
      {
        enrollmentId: enrollmentA.id,
        ok: false,
        error: { code: 'not_found', message: 'Enrollment not found' },
      },
    ]);
    const care = await callB('POST', '/api/v1/enrollments/bulk-care', {
      enrollmentIds: [enrollmentA.id],
      memberId: staffA.member.id,
    });
    expect(care.status).toBe(422);
    expect(await checksumOfA()).toEqual(before);
  });

  it('the same routes work for B on its own records (the 404s above are not a broken key)', async () => {
    const members = await (await callB('GET', '/api/v1/members')).json();
    expect(members.items.map((m: { id: string }) => m.id)).toContain(orgB.member.id);
    expect((await callB('GET', `/api/v1/members/${orgB.member.id}`)).status).toBe(200);
  });
});
