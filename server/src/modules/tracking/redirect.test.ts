import { createServer } from 'node:http';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestEnrollment } from '../../../../test/enrollment-fixtures';
import { apiCall, createTestApiKey, systemContext } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import type { Database } from '../../platform/db';
import { newId } from '../../platform/ids';
import { createLogger } from '../../platform/logger';
import { changeEnrollmentStatus } from '../partners';
import { findClick } from './find-click';
import { type ClickRow, ClickWriter } from './redirect/click-writer';
import { hashClientIp } from './redirect/ip-hash';
import { redirectListener } from './redirect/redirect-handler';
import { evictLinkCode, flushClicks, stopTracking } from './redirect/runtime';
import { clickStats, clicks, links } from './schema';
import { defaultLinkOf, shopProgram } from './test-fixtures';

const env = await createTestEnv();
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

const visit = (code: string, options: { ip?: string; ua?: string; referrer?: string } = {}) =>
  env.app.request(`/r/${code}`, {
    headers: {
      'x-forwarded-for': options.ip ?? '203.0.113.7',
      'user-agent': options.ua ?? CHROME,
      ...(options.referrer ? { referer: options.referrer } : {}),
    },
  });

async function approvedPartner() {
  const { org, program } = await shopProgram(env);
  const { enrollment } = await createTestEnrollment(env, org.id, {
    programId: program.id,
    status: 'approved',
  });
  const [link] = await defaultLinkOf(env, org.id, enrollment.id);
  return { org, program, enrollment, link: link! };
}

async function clicksOf(orgId: string) {
  await flushClicks(env.services);
  return env.services.db.select().from(clicks).where(eq(clicks.orgId, orgId)).orderBy(clicks.id);
}

describe('default links', () => {
  it('every approval gives the enrollment exactly one default link, with a short unambiguous code', async () => {
    const { org, program } = await shopProgram(env, { destinationUrl: null });
    const { enrollment } = await createTestEnrollment(env, org.id, { programId: program.id });
    expect(await defaultLinkOf(env, org.id, enrollment.id)).toEqual([]);
    const ctx = systemContext(env, org.id);
    await changeEnrollmentStatus(ctx, enrollment.id, { status: 'approved' });
    await changeEnrollmentStatus(ctx, enrollment.id, { status: 'suspended', reason: 'Tạm dừng' });
    await changeEnrollmentStatus(ctx, enrollment.id, { status: 'approved' });
    const made = await defaultLinkOf(env, org.id, enrollment.id);
    expect(made).toHaveLength(1);
    expect(made[0]!.code).toMatch(/^[23456789abcdefghjkmnpqrstvwxyz]{7}$/);
    // no program destination: the program's join page with the partner's code
    expect(made[0]!.destinationUrl).toBe(
      `http://kenh.test/p/join/${program.pageCode}?ref=${encodeURIComponent(enrollment.referralCode)}`,
    );
  });
});

describe('GET /r/{code}', () => {
  it('answers 302 to the destination with kclid, UTM tags and sub-IDs, never cached', async () => {
    const { org, enrollment, link } = await approvedPartner();
    await env.services.db
      .update(links)
      .set({
        isDefault: false,
        destinationUrl: 'https://m.shop.hoa.vn/sp/ao?size=M&utm_source=old#mua',
        utm: { source: 'facebook', campaign: 'tet' },
        subIds: { sub1: 'nhom-zalo' },
      })
      .where(and(eq(links.orgId, org.id), eq(links.id, link.id)));
    evictLinkCode(env.services, link.code);
    const response = await visit(link.code.toUpperCase());
    expect(response.status).toBe(302);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const location = new URL(response.headers.get('location')!);
    expect(`${location.origin}${location.pathname}${location.hash}`).toBe('https://m.shop.hoa.vn/sp/ao#mua');
    expect(Object.fromEntries(location.searchParams)).toEqual({
      size: 'M',
      utm_source: 'facebook',
      utm_campaign: 'tet',
      sub1: 'nhom-zalo',
      kclid: expect.stringMatching(/^clk_[0-9a-z]{26}$/),
    });
    const kclid = location.searchParams.get('kclid')!;
    // findable at once, before the writer has written it
    expect(await findClick(env.services.db, kclid)).toMatchObject({
      id: kclid,
      orgId: org.id,
      linkId: link.id,
      enrollmentId: enrollment.id,
    });
    const [row] = await clicksOf(org.id);
    expect(row).toMatchObject({
      id: kclid,
      linkId: link.id,
      enrollmentId: enrollment.id,
      programId: link.programId,
    });
    expect(await findClick(env.services.db, kclid)).toMatchObject({ id: kclid, createdAt: env.clock.now() });
  });

  it('a default link follows the program destination, keeping its query and fragment', async () => {
    const { link } = await approvedPartner();
    const location = (await visit(link.code)).headers.get('location')!;
    expect(location).toMatch(/^https:\/\/shop\.hoa\.vn\/\?from=kenh&kclid=clk_[0-9a-z]{26}#top$/);
  });

  it('records the click with a salted hash of the IP and never the IP itself', async () => {
    const { org, link } = await approvedPartner();
    await visit(link.code, { ip: '203.0.113.99', ua: IPHONE, referrer: 'https://zalo.me/g/abc' });
    const [row] = await clicksOf(org.id);
    expect(row).toMatchObject({
      ipHash: hashClientIp(env.services, '203.0.113.99'),
      userAgent: IPHONE,
      referrer: 'https://zalo.me/g/abc',
      deviceType: 'mobile',
      isBot: false,
      isUnique: true,
    });
    expect(row!.ipHash).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(row)).not.toContain('203.0.113.99');
    const [raw] = await env.database.query<Record<string, unknown>>('select * from clicks where id = $1', [
      row!.id,
    ]);
    expect(JSON.stringify(raw)).not.toContain('203.0.113.99');
  });

  it('counts the same visitor on the same link once an hour; other visitors and links apart', async () => {
    const { org, link } = await approvedPartner();
    const ids: string[] = [];
    const click = async (ip: string, ua = CHROME) =>
      ids.push(
        new URL((await visit(link.code, { ip, ua })).headers.get('location')!).searchParams.get('kclid')!,
      );
    await click('203.0.113.10');
    await click('203.0.113.10');
    env.clock.advance(59 * 60_000);
    await click('203.0.113.10');
    await click('203.0.113.11');
    await click('203.0.113.10', IPHONE);
    env.clock.advance(2 * 60_000);
    await click('203.0.113.10');
    const unique = new Map((await clicksOf(org.id)).map((row) => [row.id, row.isUnique]));
    expect(ids.map((id) => unique.get(id))).toEqual([true, false, false, true, true, true]);
  });

  it('flags bots, which never count as unique, and recognises an empty user agent as one', async () => {
    const { org, link } = await approvedPartner();
    await visit(link.code, { ua: GOOGLEBOT, ip: '66.249.66.1' });
    await visit(link.code, { ua: 'facebookexternalhit/1.1', ip: '66.220.149.1' });
    await visit(link.code, { ua: '', ip: '198.51.100.1' });
    await visit(link.code, { ua: IPHONE, ip: '198.51.100.2' });
    const rows = await clicksOf(org.id);
    expect(rows.map((row) => [row.deviceType, row.isBot, row.isUnique]).sort()).toEqual([
      ['bot', true, false],
      ['bot', true, false],
      ['bot', true, false],
      ['mobile', false, true],
    ]);
    const call = apiCall(env, (await createTestApiKey(env, org.id, 'owner')).secret);
    const report = await (await call('GET', '/api/v1/reports/clicks?groupBy=link')).json();
    expect(report.totals).toEqual({ total: 4, unique: 1, bots: 3, impressions: 0 });
    expect(report.rows).toEqual([
      { key: link.id, label: link.code, total: 4, unique: 1, bots: 3, impressions: 0 },
    ]);
  });

  it('sends unknown codes to the landing page, and disabled links or partners to the fallback page', async () => {
    const { org, enrollment, link } = await approvedPartner();
    for (const code of ['zzzzzzz', 'no%20such', 'a'.repeat(60)]) {
      const response = await visit(code);
      expect(response.status, code).toBe(302);
      expect(response.headers.get('location'), code).toBe('http://kenh.test/');
    }
    const call = apiCall(env, (await createTestApiKey(env, org.id, 'owner')).secret);
    const refused = await call('PATCH', `/api/v1/links/${link.id}`, { status: 'disabled' });
    expect(refused.status).toBe(409);
    await env.services.db.update(links).set({ status: 'disabled' }).where(eq(links.id, link.id));
    evictLinkCode(env.services, link.code);
    expect((await visit(link.code)).headers.get('location')).toBe('https://shop.hoa.vn/khuyen-mai');
    await env.services.db.update(links).set({ status: 'active' }).where(eq(links.id, link.id));
    await changeEnrollmentStatus(systemContext(env, org.id), enrollment.id, {
      status: 'suspended',
      reason: 'Vi phạm',
    });
    evictLinkCode(env.services);
    expect((await visit(link.code)).headers.get('location')).toBe('https://shop.hoa.vn/khuyen-mai');
    expect(await clicksOf(org.id)).toEqual([]);
  });

  it('is served by the plain node handler in front of the app, which leaves other URLs alone', async () => {
    const { org, link } = await approvedPartner();
    const redirect = redirectListener(env.services);
    const server = createServer((request, response) => {
      if (!redirect(request, response)) response.writeHead(404).end('app');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const get = (path: string) =>
        fetch(`http://127.0.0.1:${port}${path}`, { redirect: 'manual', headers: { 'user-agent': CHROME } });
      const live = await get(`/r/${link.code}?utm_source=ignored`);
      expect(live.status).toBe(302);
      expect(live.headers.get('cache-control')).toBe('no-store');
      expect(live.headers.get('location')).toMatch(/^https:\/\/shop\.hoa\.vn\/\?from=kenh&kclid=clk_/);
      expect((await get('/r/%E0%A4%A')).headers.get('location')).toBe('http://kenh.test/');
      expect((await get('/api/health')).status).toBe(404);
      const [row] = await clicksOf(org.id);
      // the peer is loopback and sent no X-Forwarded-For: the hash is of the peer address
      expect(row!.ipHash).toBe(hashClientIp(env.services, '127.0.0.1'));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('writes every waiting click when the server stops', async () => {
    const { org, link } = await approvedPartner();
    for (let n = 0; n < 25; n++) await visit(link.code, { ip: `192.0.2.${n}` });
    await stopTracking(env.services);
    const rows = await env.services.db.select().from(clicks).where(eq(clicks.orgId, org.id));
    expect(rows).toHaveLength(25);
  });
});

describe('click writer', () => {
  const row = (orgId: string, id: string, options: Partial<ClickRow> = {}): ClickRow => ({
    orgId,
    id,
    linkId: 'lnk_x',
    programId: 'prg_x',
    enrollmentId: 'enr_x',
    createdAt: new Date('2026-11-02T03:10:00Z'),
    ipHash: 'h',
    userAgent: 'Agent\twith a tab, a \\ and a\nline break',
    referrer: null,
    deviceType: 'desktop',
    isBot: false,
    isUnique: true,
    ...options,
  });
  const statsOf = (orgId: string) =>
    env.services.db
      .select({
        hour: clickStats.hour,
        deviceType: clickStats.deviceType,
        clicks: clickStats.clicks,
        uniqueClicks: clickStats.uniqueClicks,
        botClicks: clickStats.botClicks,
      })
      .from(clickStats)
      .where(eq(clickStats.orgId, orgId))
      .orderBy(clickStats.hour, clickStats.deviceType);

  it('writes batches with their hourly roll-up, text exactly as sent', async () => {
    const { org } = await shopProgram(env);
    const writer = new ClickWriter(env.services.database, createLogger('silent'), {
      intervalMs: 5,
      maxBatch: 2,
    });
    writer.add(row(org.id, newId('click')));
    writer.add(row(org.id, newId('click'), { isUnique: false, referrer: 'https://zalo.me/\\N' }));
    writer.add(row(org.id, newId('click'), { isBot: true, isUnique: false, deviceType: 'bot' }));
    writer.add(row(org.id, newId('click'), { createdAt: new Date('2026-11-02T04:00:00Z') }));
    await writer.flush();
    const stored = await env.services.db.select().from(clicks).where(eq(clicks.orgId, org.id));
    expect(stored).toHaveLength(4);
    expect(new Set(stored.map((click) => click.userAgent))).toEqual(
      new Set(['Agent\twith a tab, a \\ and a\nline break']),
    );
    expect(stored.map((click) => click.referrer).sort()).toEqual(['https://zalo.me/\\N', null, null, null]);
    expect(await statsOf(org.id)).toEqual([
      { hour: new Date('2026-11-02T03:00:00Z'), deviceType: 'bot', clicks: 1, uniqueClicks: 0, botClicks: 1 },
      {
        hour: new Date('2026-11-02T03:00:00Z'),
        deviceType: 'desktop',
        clicks: 2,
        uniqueClicks: 1,
        botClicks: 0,
      },
      {
        hour: new Date('2026-11-02T04:00:00Z'),
        deviceType: 'desktop',
        clicks: 1,
        uniqueClicks: 1,
        botClicks: 0,
      },
    ]);
  });

  it('keeps a batch through a failed write and, when the failure came after the commit, stores it once', async () => {
    const { org } = await shopProgram(env);
    const real = env.services.database;
    let failures = 0;
    // the first write commits, then its answer is lost (a connection reset after the commit)
    const flaky: Database = {
      ...real,
      transaction: async (work) => {
        const result = await real.transaction(work);
        if (failures++ === 0) throw new Error('connection reset');
        return result;
      },
    };
    const writer = new ClickWriter(flaky, createLogger('silent'), { intervalMs: 5, maxBatch: 3 });
    const ids = [newId('click'), newId('click'), newId('click'), newId('click')];
    for (const id of ids) writer.add(row(org.id, id));
    expect(writer.findPending(ids[3]!)).toMatchObject({ id: ids[3] });
    await writer.flush();
    expect(writer.size).toBe(0);
    const stored = await env.services.db
      .select({ id: clicks.id })
      .from(clicks)
      .where(eq(clicks.orgId, org.id));
    expect(stored.map((click) => click.id).sort()).toEqual([...ids].sort());
    expect(await statsOf(org.id)).toEqual([
      {
        hour: new Date('2026-11-02T03:00:00Z'),
        deviceType: 'desktop',
        clicks: 4,
        uniqueClicks: 4,
        botClicks: 0,
      },
    ]);
  });
});
