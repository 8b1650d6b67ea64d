import { describe, expect, it } from 'vitest';
import { apiCall, createTestApiKey, createTestOrg, systemContext } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { recordAudit } from './record-audit';

const env = await createTestEnv();

async function setup() {
  const { org } = await createTestOrg(env);
  const { secret, apiKey } = await createTestApiKey(env, org.id, 'accountant', 'Kế toán');
  return { org, apiKey, call: apiCall(env, secret) };
}

describe('GET /api/v1/audit-log', () => {
  it('lists entries newest first with who, what, before and after', async () => {
    const { org, call } = await setup();
    env.clock.advance(60_000);
    await recordAudit({ ...systemContext(env, org.id), requestId: 'req_test' }, env.services.db, {
      action: 'thing.updated',
      entityType: 'thing',
      entityId: 'thg_1',
      before: { price: 100, password: 'x' },
      after: { price: 120 },
    });
    const page = await (await call('GET', '/api/v1/audit-log?limit=1')).json();
    expect(page.items).toEqual([
      {
        id: expect.stringMatching(/^aud_/),
        actorType: 'system',
        actorId: null,
        actorLabel: 'Test',
        action: 'thing.updated',
        entityType: 'thing',
        entityId: 'thg_1',
        before: { price: 100 },
        after: { price: 120 },
        requestId: 'req_test',
        createdAt: env.clock.now().toISOString(),
      },
    ]);
    expect(page.nextCursor).not.toBeNull();
  });

  it('filters by entity, actor, action and time', async () => {
    const { org, apiKey, call } = await setup();
    const start = env.clock.now();
    for (let i = 0; i < 6; i++) {
      env.clock.advance(3_600_000);
      await recordAudit(systemContext(env, org.id), env.services.db, {
        action: i % 2 ? 'thing.updated' : 'thing.created',
        entityType: i < 3 ? 'thing' : 'other',
        entityId: `thg_${i}`,
      });
    }
    // the key's own change is an entry with the key as actor
    const writer = apiCall(env, (await createTestApiKey(env, org.id, 'owner')).secret);
    await writer('PATCH', '/api/v1/org', { name: 'Tên mới' });
    const ids = async (query: string) =>
      (await (await call('GET', `/api/v1/audit-log?${query}`)).json()).items.map(
        (item: { entityId: string }) => item.entityId,
      );
    expect(await ids('entityType=thing')).toEqual(['thg_2', 'thg_1', 'thg_0']);
    expect(await ids('entityId=thg_4')).toEqual(['thg_4']);
    expect(await ids('action=thing.updated&entityType=other')).toEqual(['thg_5', 'thg_3']);
    const from = new Date(start.getTime() + 2 * 3_600_000).toISOString();
    const to = new Date(start.getTime() + 4 * 3_600_000).toISOString();
    expect(await ids(`from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)).toEqual([
      'thg_2',
      'thg_1',
    ]);
    expect(await ids('actorType=api_key')).toEqual([org.id]);
    expect(await ids(`actorId=${apiKey.id}`)).toEqual([]);
  });

  it('validates filters with field paths', async () => {
    const { call } = await setup();
    const response = await call('GET', '/api/v1/audit-log?from=yesterday&to=2026-01-01&actorType=robot');
    expect(response.status).toBe(400);
    const paths = (await response.json()).error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['query.actorType', 'query.from']);
    const reversed = await call('GET', '/api/v1/audit-log?from=2026-02-01&to=2026-01-01');
    expect((await reversed.json()).error.details[0].path).toBe('query.to');
  });

  it('pages through 30 entries in pages of 10 without duplicates or gaps', async () => {
    const { org, call } = await setup();
    for (let i = 0; i < 30; i++) {
      if (i % 4 === 0) env.clock.advance(1000);
      await recordAudit(systemContext(env, org.id), env.services.db, {
        action: 'bulk.created',
        entityType: 'bulk',
        entityId: `b_${i}`,
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { entityId: string }[]; nextCursor: string | null } = await (
        await call('GET', `/api/v1/audit-log?entityType=bulk&limit=10${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((item) => item.entityId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
  });

  it('is forbidden to care staff', async () => {
    const { org } = await createTestOrg(env);
    const call = apiCall(env, (await createTestApiKey(env, org.id, 'care_staff')).secret);
    expect((await call('GET', '/api/v1/audit-log')).status).toBe(403);
  });
});

describe('the audit log is append-only', () => {
  it('the database refuses UPDATE and DELETE', async () => {
    const { org } = await setup();
    const { database } = env.services;
    await expect(
      database.query(`update audit_log set action = 'tampered' where org_id = $1`, [org.id]),
    ).rejects.toThrow(/audit_log is append-only: UPDATE refused/);
    await expect(database.query('delete from audit_log where org_id = $1', [org.id])).rejects.toThrow(
      /audit_log is append-only: DELETE refused/,
    );
    const rows = await env.services.database.query<{ count: number }>(
      'select count(*)::int as count from audit_log where org_id = $1 and action = $2',
      [org.id, 'tampered'],
    );
    expect(rows[0]?.count).toBe(0);
  });
});
