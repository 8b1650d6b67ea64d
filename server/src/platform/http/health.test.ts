import { describe, expect, it } from 'vitest';
import { createTestEnv } from '../../../../test/harness';

const env = await createTestEnv();

describe('GET /api/health', () => {
  it('answers ok with the database kind and version', async () => {
    const response = await env.app.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      database: process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('sets security headers', async () => {
    const response = await env.app.request('/api/health', { headers: { 'x-forwarded-proto': 'https' } });
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('keeps a sane incoming request id and replaces a bad one', async () => {
    const kept = await env.app.request('/api/health', { headers: { 'x-request-id': 'abc-123' } });
    expect(kept.headers.get('x-request-id')).toBe('abc-123');
    const replaced = await env.app.request('/api/health', {
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(replaced.headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('answers unknown API routes with the error shape', async () => {
    const response = await env.app.request('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    const body = await response.json();
    expect(body.error.code).toBe('not_found');
    expect(body.requestId).toMatch(/^req_/);
  });
});
