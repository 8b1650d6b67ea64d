import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiCall, createTestApiKey, createTestOrg, createTestSession } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { auditLog } from '../audit';
import { listMembershipsOfIdentity } from './list-memberships';

const env = await createTestEnv();

describe('GET /api/v1/org', () => {
  it('answers the settings of the key’s organisation', async () => {
    const { org } = await createTestOrg(env);
    const { secret } = await createTestApiKey(env, org.id, 'care_staff');
    const response = await apiCall(env, secret)('GET', '/api/v1/org');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: org.id,
      name: org.name,
      slug: org.slug,
      currency: 'VND',
      locale: 'vi',
      timeZone: 'Asia/Ho_Chi_Minh',
      requireTwoFactor: false,
      createdAt: org.createdAt.toISOString(),
    });
  });

  it('answers 401 without credentials', async () => {
    expect((await env.app.request('/api/v1/org')).status).toBe(401);
  });
});

describe('PATCH /api/v1/org', () => {
  it('changes settings and writes an audit entry with before and after', async () => {
    const { org } = await createTestOrg(env);
    const { secret } = await createTestApiKey(env, org.id, 'admin');
    const response = await apiCall(env, secret)('PATCH', '/api/v1/org', {
      name: 'Công ty Sen Vàng',
      currency: 'thb',
      locale: 'th',
      timeZone: 'Asia/Bangkok',
      slug: `sen-vang-${org.id.slice(-6)}`,
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      name: 'Công ty Sen Vàng',
      currency: 'THB',
      locale: 'th',
      timeZone: 'Asia/Bangkok',
    });
    const entries = await env.services.db.select().from(auditLog).where(eq(auditLog.orgId, org.id));
    const entry = entries.find((row) => row.action === 'org.updated');
    expect(entry?.actorType).toBe('api_key');
    expect(entry?.before).toMatchObject({ name: org.name, currency: 'VND', locale: 'vi' });
    expect(entry?.after).toMatchObject({ name: 'Công ty Sen Vàng', currency: 'THB', locale: 'th' });
  });

  it('refuses invalid values with field paths', async () => {
    const { org } = await createTestOrg(env);
    const { secret } = await createTestApiKey(env, org.id);
    const response = await apiCall(env, secret)('PATCH', '/api/v1/org', {
      currency: 'XYZ',
      locale: 'fr',
      timeZone: 'Mars/Olympus',
      slug: 'Không hợp lệ!',
      name: 'x',
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('validation_failed');
    const paths = body.error.details.map((detail: { path: string }) => detail.path).sort();
    expect(paths).toEqual(['body.currency', 'body.locale', 'body.name', 'body.slug', 'body.timeZone']);
  });

  it('refuses a slug used by another organisation with 409', async () => {
    const first = await createTestOrg(env);
    const second = await createTestOrg(env);
    const { secret } = await createTestApiKey(env, second.org.id);
    const response = await apiCall(env, secret)('PATCH', '/api/v1/org', {
      slug: first.org.slug.toUpperCase(),
    });
    expect(response.status).toBe(409);
    const body = await response.json();
    expect(body.error.message).toMatch(/slug is already used/);
    expect(body.error.details[0].path).toBe('body.slug');
  });

  it('is forbidden to a manager (no org.update)', async () => {
    const { org } = await createTestOrg(env);
    const { secret } = await createTestApiKey(env, org.id, 'manager');
    const response = await apiCall(env, secret)('PATCH', '/api/v1/org', { name: 'Đổi tên' });
    expect(response.status).toBe(403);
  });

  it('lets an API key require two-factor sign-in for staff', async () => {
    const { org } = await createTestOrg(env);
    const { secret } = await createTestApiKey(env, org.id);
    const response = await apiCall(env, secret)('PATCH', '/api/v1/org', { requireTwoFactor: true });
    expect((await response.json()).requireTwoFactor).toBe(true);
  });
});

describe('POST /api/orgs', () => {
  it('creates an organisation owned by the signed-in person', async () => {
    const { org, owner } = await createTestOrg(env);
    const headers = await createTestSession(env, owner.id, org.id);
    const response = await env.app.request('/api/orgs', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Chi nhánh Đà Nẵng' }),
    });
    expect(response.status).toBe(201);
    const { org: created } = await response.json();
    expect(created).toMatchObject({
      name: 'Chi nhánh Đà Nẵng',
      slug: expect.stringMatching(/^chi-nhanh-da-nang/),
    });
    const memberships = await listMembershipsOfIdentity(env.services, owner.id);
    expect(memberships.find((m) => m.orgId === created.id)?.role).toBe('owner');
    const [entry] = await env.services.db.select().from(auditLog).where(eq(auditLog.orgId, created.id));
    expect(entry).toMatchObject({ action: 'org.created', actorType: 'member', actorLabel: owner.fullName });
  });

  it('needs a staff session (an API key is not a person)', async () => {
    const { org } = await createTestOrg(env);
    const { secret } = await createTestApiKey(env, org.id);
    const response = await apiCall(env, secret)('POST', '/api/orgs', { name: 'Khác' });
    expect(response.status).toBe(401);
  });

  it('validates the name with a field path', async () => {
    const { org, owner } = await createTestOrg(env);
    const headers = await createTestSession(env, owner.id, org.id);
    const response = await env.app.request('/api/orgs', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '' }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.details[0].path).toBe('body.name');
  });
});
