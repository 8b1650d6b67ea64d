import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiCall, createTestApiKey, createTestOrg } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { auditLog } from '../audit';
import { apiKeys } from './schema';

const env = await createTestEnv();

describe('API keys', () => {
  it('creates a key shown once, stored hashed, that authenticates', async () => {
    const { org } = await createTestOrg(env);
    const { secret: adminSecret, apiKey: adminKey } = await createTestApiKey(
      env,
      org.id,
      'admin',
      'Quản trị',
    );
    const response = await apiCall(env, adminSecret)('POST', '/api/v1/api-keys', {
      name: 'Kho hàng',
      role: 'manager',
    });
    expect(response.status).toBe(201);
    const { apiKey, secret } = await response.json();
    expect(secret).toMatch(/^kenh_[\w-]{40,}$/);
    expect(apiKey).toMatchObject({
      name: 'Kho hàng',
      role: 'manager',
      prefix: secret.slice(0, 12),
      revokedAt: null,
      lastUsedAt: null,
      createdBy: adminKey.id,
      createdByName: 'Quản trị',
    });
    const [row] = await env.services.db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row?.keyHash).toBe(env.services.keys.hashToken(secret));
    expect(JSON.stringify(row)).not.toContain(secret);

    const me = await apiCall(env, secret)('GET', '/api/v1/org');
    expect(me.status).toBe(200);
    const list = await (await apiCall(env, adminSecret)('GET', '/api/v1/api-keys')).json();
    const listed = list.items.find((item: { id: string }) => item.id === apiKey.id);
    expect(listed.lastUsedAt).toBe(env.clock.now().toISOString());
    expect(JSON.stringify(list)).not.toContain(secret);
    const [entry] = await env.services.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.orgId, org.id),
          eq(auditLog.action, 'api_key.created'),
          eq(auditLog.entityId, apiKey.id),
        ),
      );
    expect(entry?.after).toEqual({ name: 'Kho hàng', role: 'manager', prefix: secret.slice(0, 12) });
  });

  it('does not create a key above the creator’s role', async () => {
    const { org } = await createTestOrg(env);
    const admin = apiCall(env, (await createTestApiKey(env, org.id, 'admin')).secret);
    expect((await admin('POST', '/api/v1/api-keys', { name: 'x', role: 'owner' })).status).toBe(403);
    const manager = apiCall(env, (await createTestApiKey(env, org.id, 'manager')).secret);
    expect((await manager('GET', '/api/v1/api-keys')).status).toBe(403);
  });

  it('revokes a key: it then answers 401, and the list shows it revoked', async () => {
    const { org } = await createTestOrg(env);
    const owner = apiCall(env, (await createTestApiKey(env, org.id)).secret);
    const { apiKey, secret } = await createTestApiKey(env, org.id, 'care_staff');
    expect((await apiCall(env, secret)('GET', '/api/v1/org')).status).toBe(200);
    expect((await owner('DELETE', `/api/v1/api-keys/${apiKey.id}`)).status).toBe(204);
    const refused = await apiCall(env, secret)('GET', '/api/v1/org');
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe('unauthenticated');
    const revoked = await (await owner('GET', '/api/v1/api-keys?status=revoked')).json();
    expect(revoked.items.map((k: { id: string }) => k.id)).toEqual([apiKey.id]);
    expect((await owner('DELETE', `/api/v1/api-keys/${apiKey.id}`)).status).toBe(204);
    const entries = await env.services.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, 'api_key.revoked')));
    expect(entries).toHaveLength(1);
    expect(entries[0]?.before).toMatchObject({ revokedAt: null });
  });

  it('validates with field paths', async () => {
    const { org } = await createTestOrg(env);
    const owner = apiCall(env, (await createTestApiKey(env, org.id)).secret);
    const response = await owner('POST', '/api/v1/api-keys', { name: '  ', role: 'root' });
    expect(response.status).toBe(400);
    const paths = (await response.json()).error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['body.name', 'body.role']);
  });

  it('pages through 30 keys by name in pages of 10', async () => {
    const { org } = await createTestOrg(env);
    const owner = apiCall(env, (await createTestApiKey(env, org.id, 'owner', 'Khóa chính')).secret);
    for (let i = 0; i < 29; i++)
      await createTestApiKey(env, org.id, 'care_staff', `Khóa ${String(i).padStart(2, '0')}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { name: string }[]; nextCursor: string | null } = await (
        await owner(
          'GET',
          `/api/v1/api-keys?limit=10&sort=name&order=asc${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json();
      seen.push(...page.items.map((k) => k.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    expect(seen.slice(0, 2)).toEqual(['Khóa 00', 'Khóa 01']);
  });
});
