import { runInNewContext } from 'node:vm';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestEnv } from '../../../../test/harness';
import { programs } from '../programs';
import { renderSnippet } from './snippet';
import { shopProgram } from './test-fixtures';

const env = await createTestEnv();

/** Runs the snippet on a fake page at `href`; answers the cookies it set and `window.kenh`. */
function runOnPage(script: string, href: string) {
  const set: string[] = [];
  const jar = new Map<string, string>();
  const posted: { url: string; init: RequestInit }[] = [];
  const document = {
    get cookie() {
      return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    },
    set cookie(line: string) {
      set.push(line);
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=');
      jar.set(name!, value!);
    },
  };
  const url = new URL(href);
  const window: Record<string, unknown> = { location: { protocol: url.protocol, search: url.search } };
  const fetch = (target: string, init: RequestInit) => {
    posted.push({ url: target, init });
    return Promise.resolve({ ok: true, json: () => Promise.resolve({ created: true }) });
  };
  runInNewContext(script, { window, document, fetch });
  return {
    set,
    posted,
    kenh: window.kenh as {
      clickId: () => string;
      ref: () => string;
      track: (kind: string, data?: object) => Promise<unknown>;
    },
  };
}

const KCLID = 'clk_01jc8x0000abcdefghjkmnpqrs';

describe('the shop snippet', () => {
  it('keeps kclid and ref in first-party cookies for the program’s cookie window', () => {
    const script = renderSnippet({ endpoint: 'https://kenh.test/api/public/track/HS7K2Q', cookieDays: 45 });
    const page = runOnPage(script, `https://shop.hoa.vn/sp?kclid=${KCLID}&ref=MAI2026`);
    expect(page.set).toEqual([
      `kenh_kclid=${KCLID}; Max-Age=3888000; Path=/; SameSite=Lax; Secure`,
      'kenh_ref=MAI2026; Max-Age=3888000; Path=/; SameSite=Lax; Secure',
    ]);
    expect(page.kenh.clickId()).toBe(KCLID);
    expect(page.kenh.ref()).toBe('MAI2026');
    const plain = runOnPage(script, `http://shop.hoa.vn/?kclid=${KCLID}`);
    expect(plain.set).toEqual([`kenh_kclid=${KCLID}; Max-Age=3888000; Path=/; SameSite=Lax`]);
  });

  it('ignores values that are not a click id or a code, and reports events with what it kept', async () => {
    const script = renderSnippet({ endpoint: 'https://kenh.test/api/public/track/HS7K2Q', cookieDays: 1 });
    const page = runOnPage(script, 'https://shop.hoa.vn/?kclid=%3Cscript%3E&ref=a%20b');
    expect(page.set).toEqual([]);
    const kept = runOnPage(script, `https://shop.hoa.vn/?kclid=${KCLID}`);
    await kept.kenh.track('sale', { id: 'SO-1', amountMinor: '350000' });
    expect(kept.posted).toHaveLength(1);
    expect(kept.posted[0]!.url).toBe('https://kenh.test/api/public/track/HS7K2Q');
    expect(kept.posted[0]!.init.headers).toEqual({ 'content-type': 'text/plain;charset=UTF-8' });
    expect(JSON.parse(kept.posted[0]!.init.body as string)).toEqual({
      kind: 'sale',
      clickId: KCLID,
      ref: null,
      id: 'SO-1',
      amountMinor: '350000',
    });
  });

  it('is served per program with its cookie days, cacheable, and unknown programs answer 404', async () => {
    const { org, program } = await shopProgram(env);
    await env.services.db.update(programs).set({ cookieDays: 365 }).where(eq(programs.orgId, org.id));
    const response = await env.app.request(`/k.js?p=${program.pageCode.toLowerCase()}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const script = await response.text();
    expect(script).toContain('var MAX_AGE = 31536000;');
    expect(script).toContain(`"http://kenh.test/api/public/track/${program.pageCode}"`);
    expect((await env.app.request('/k.js?p=ZZZZZZ')).status).toBe(404);
  });

  it('takes reports as text/plain JSON, validated, with CORS for the shop’s site', async () => {
    const { program } = await shopProgram(env);
    const post = (body: string) =>
      env.app.request(`/api/public/track/${program.pageCode}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8', 'x-forwarded-for': '203.0.113.50' },
        body,
      });
    const bad = await post(JSON.stringify({ kind: 'refund', id: 'x' }));
    expect(bad.status).toBe(400);
    expect(bad.headers.get('access-control-allow-origin')).toBe('*');
    expect((await bad.json()).error.details[0].path).toBe('body.kind');
    expect((await post('not json')).status).toBe(400);
    const sale = await post(JSON.stringify({ kind: 'sale', id: 'SO-1' }));
    expect(sale.status).toBe(400);
    expect((await sale.json()).error.details[0].path).toBe('body.amountMinor');
  });
});
