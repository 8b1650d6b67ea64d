import { describe, expect, it } from 'vitest';
import { apiCall, createTestApiKey, createTestOrg } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';

const env = await createTestEnv();

describe('Idempotency-Key', () => {
  it('replays the first response for the same key and body, creating one record', async () => {
    const { org } = await createTestOrg(env);
    const { secret } = await createTestApiKey(env, org.id);
    const call = apiCall(env, secret);
    const body = { name: 'Shop sync', role: 'manager' };
    const first = await call('POST', '/api/v1/api-keys', body, { 'idempotency-key': 'create-shop-sync' });
    const second = await call('POST', '/api/v1/api-keys', body, { 'idempotency-key': 'create-shop-sync' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const [a, b] = [await first.json(), await second.json()];
    expect(b).toEqual(a);
    const list = await (await call('GET', '/api/v1/api-keys')).json();
    expect(list.items.filter((key: { name: string }) => key.name === 'Shop sync')).toHaveLength(1);
  });

  it('refuses the same key with another body with 422', async () => {
    const { org } = await createTestOrg(env);
    const { secret } = await createTestApiKey(env, org.id);
    const call = apiCall(env, secret);
    await call('POST', '/api/v1/api-keys', { name: 'One', role: 'manager' }, { 'idempotency-key': 'k-1' });
    const other = await call(
      'POST',
      '/api/v1/api-keys',
      { name: 'Two', role: 'manager' },
      { 'idempotency-key': 'k-1' },
    );
    expect(other.status).toBe(422);
    expect((await other.json()).error.code).toBe('idempotency_mismatch');
  });

  it('keeps keys apart between organisations and expires them after 24 hours', async () => {
    const a = await createTestOrg(env);
    const b = await createTestOrg(env);
    const callA = apiCall(env, (await createTestApiKey(env, a.org.id)).secret);
    const callB = apiCall(env, (await createTestApiKey(env, b.org.id)).secret);
    const body = { name: 'Same key elsewhere', role: 'manager' };
    const fromA = await (
      await callA('POST', '/api/v1/api-keys', body, { 'idempotency-key': 'shared' })
    ).json();
    const fromB = await (
      await callB('POST', '/api/v1/api-keys', body, { 'idempotency-key': 'shared' })
    ).json();
    expect(fromB.apiKey.id).not.toBe(fromA.apiKey.id);
    env.clock.advance(24 * 60 * 60_000 + 1000);
    const later = await callA('POST', '/api/v1/api-keys', body, { 'idempotency-key': 'shared' });
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    expect((await later.json()).apiKey.id).not.toBe(fromA.apiKey.id);
  });

  it('refuses a malformed key', async () => {
    const { org } = await createTestOrg(env);
    const call = apiCall(env, (await createTestApiKey(env, org.id)).secret);
    const response = await call(
      'POST',
      '/api/v1/api-keys',
      { name: 'x', role: 'manager' },
      { 'idempotency-key': 'has spaces' },
    );
    expect(response.status).toBe(400);
  });
});
