import { z } from '@hono/zod-openapi';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createTestEnv } from '../../../../test/harness';
import { createRouter } from './app';
import { visitorIp } from './rate-limit';
import { defineRoute } from './route';

const lines: Record<string, unknown>[] = [];
const log = pino(
  { level: 'info', base: undefined },
  { write: (line: string) => lines.push(JSON.parse(line)) },
);
const env = await createTestEnv({ log, rateLimits: { perKeyPerMinute: 1000, perIpPerMinute: 3 } });

const probe = createRouter()
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/probe/echo',
      access: { public: true },
      request: {
        body: {
          content: {
            'application/json': {
              schema: z.object({
                name: z.string().min(2),
                items: z.array(z.object({ qty: z.number().int().positive() })),
              }),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'echo',
          content: { 'application/json': { schema: z.object({ name: z.string() }) } },
        },
      },
    }),
    (c) => c.json({ name: c.req.valid('json').name }, 200),
  )
  .get('/api/probe/boom', () => {
    throw new Error('database password is hunter2');
  });
env.app.route('/', probe);

const fromIp = (ip: string, init: RequestInit = {}) => ({
  ...init,
  headers: { ...init.headers, 'x-forwarded-for': ip },
});

describe('HTTP conventions', () => {
  it('answers invalid bodies with field paths', async () => {
    const response = await env.app.request(
      '/api/probe/echo',
      fromIp('10.0.0.1', {
        method: 'POST',
        body: JSON.stringify({ name: 'x', items: [{ qty: 0 }] }),
        headers: { 'content-type': 'application/json' },
      }),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'body.items.0.qty',
      'body.name',
    ]);
  });

  it('hides unexpected errors behind a generic 500 with the request id, and logs them in full', async () => {
    const response = await env.app.request('/api/probe/boom', fromIp('10.0.0.2'));
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.error.code).toBe('internal');
    expect(JSON.stringify(body)).not.toContain('hunter2');
    expect(body.requestId).toBe(response.headers.get('x-request-id'));
    const logged = lines.find((line) => line.requestId === body.requestId && line.msg === 'unexpected error');
    expect(JSON.stringify(logged)).toContain('hunter2');
  });

  it('logs one JSON line per request with its id, method, path and status', async () => {
    const response = await env.app.request('/api/health', fromIp('10.0.0.3'));
    const requestId = response.headers.get('x-request-id');
    const entries = lines.filter((line) => line.requestId === requestId && line.msg === 'request');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ method: 'GET', path: '/api/health', status: 200 });
  });

  it('limits requests per IP with 429 and Retry-After, other IPs unaffected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await env.app.request('/api/v1/anything', fromIp('10.9.9.9'))).status);
    expect(statuses).toEqual([404, 404, 404, 429]);
    const limited = await env.app.request('/api/v1/anything', fromIp('10.9.9.9'));
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe('rate_limited');
    expect((await env.app.request('/api/v1/anything', fromIp('10.9.9.8'))).status).toBe(404);
  });

  it('believes X-Forwarded-For only from a proxy on this machine, and takes its first address', () => {
    expect(visitorIp('127.0.0.1', '203.0.113.9, 10.0.0.2')).toBe('203.0.113.9');
    expect(visitorIp('::ffff:127.0.0.1', ' 203.0.113.9 ')).toBe('203.0.113.9');
    expect(visitorIp('::1', undefined)).toBe('::1');
    expect(visitorIp('198.51.100.4', '203.0.113.9')).toBe('198.51.100.4');
    expect(visitorIp(undefined, ', 10.0.0.2')).toBe('unknown');
    expect(visitorIp(undefined, undefined)).toBe('unknown');
  });
});
