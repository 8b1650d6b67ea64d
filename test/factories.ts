import { randomBytes } from 'node:crypto';
import { createApiKey } from '../server/src/modules/api-keys';
import { createIdentity, sessions } from '../server/src/modules/auth';
import { createOrganisation, orgMembers } from '../server/src/modules/orgs';
import { randomToken } from '../server/src/platform/crypto';
import { newId } from '../server/src/platform/ids';
import type { RoleName } from '../server/src/platform/permissions';
import type { TenantContext } from '../server/src/platform/services';
import type { TestEnv } from './harness';

export const TEST_PASSWORD = 'mat-khau-an-toan-2026';

export function uniqueEmail(label = 'user'): string {
  return `${label}.${randomBytes(4).toString('hex')}@example.vn`;
}

/** A fresh organisation with its owner, so tests never share tenant data. */
export async function createTestOrg(env: TestEnv, options: { name?: string; ownerEmail?: string } = {}) {
  const ownerEmail = options.ownerEmail ?? uniqueEmail('owner');
  const result = await createOrganisation(env.services, {
    name: options.name ?? `Công ty Thử nghiệm ${randomBytes(3).toString('hex')}`,
    owner: { email: ownerEmail, fullName: 'Nguyễn Văn Chủ', password: TEST_PASSWORD },
  });
  return { ...result, ownerEmail, password: TEST_PASSWORD };
}

/** The system acting in an organisation, for fixtures made without going through HTTP. */
export function systemContext(env: TestEnv, orgId: string): TenantContext {
  return { orgId, services: env.services, actor: { type: 'system', label: 'Test' } };
}

/** An API key with `role` in the organisation; returns its secret. */
export async function createTestApiKey(
  env: TestEnv,
  orgId: string,
  role: RoleName = 'owner',
  name = 'Test key',
) {
  const { apiKey, secret } = await createApiKey(systemContext(env, orgId), { name, role });
  return { apiKey, secret };
}

/** Adds a person (new identity) to the organisation with a role. */
export async function addTestMember(
  env: TestEnv,
  orgId: string,
  options: { role?: RoleName; email?: string; fullName?: string; status?: 'active' | 'disabled' } = {},
) {
  const now = env.clock.now();
  const email = options.email ?? uniqueEmail(options.role ?? 'staff');
  const identity = await createIdentity(env.services, env.services.db, {
    email,
    fullName: options.fullName ?? 'Lê Thị Nhân Viên',
    password: TEST_PASSWORD,
  });
  const [member] = await env.services.db
    .insert(orgMembers)
    .values({
      orgId,
      id: newId('member', now.getTime()),
      identityId: identity.id,
      role: options.role ?? 'care_staff',
      status: options.status ?? 'active',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return { member: member!, identity, email };
}

/** Calls the API with a Bearer key; `body` is sent as JSON. */
export function apiCall(env: TestEnv, secret: string) {
  return (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    env.app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${secret}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
}

/** A signed-in staff session made directly in the database: the cookie and CSRF headers to send. */
export async function createTestSession(
  env: TestEnv,
  identityId: string,
  currentOrgId: string | null = null,
) {
  const token = randomToken();
  const csrfToken = randomToken(16);
  const now = env.clock.now();
  await env.services.db.insert(sessions).values({
    id: newId('session', now.getTime()),
    identityId,
    tokenHash: env.services.keys.hashToken(token),
    app: 'staff',
    currentOrgId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + 24 * 60 * 60_000),
  });
  return { cookie: `kenh_session=${token}`, 'x-csrf-token': csrfToken };
}
