import { createServer } from 'node:http';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestEnrollment } from '../../../../../test/enrollment-fixtures';
import { apiCall, createTestApiKey } from '../../../../../test/factories';
import { createTestEnv } from '../../../../../test/harness';
import type { Database } from '../../../platform/db';
import { createLogger } from '../../../platform/logger';
import { PIXEL_GIF, redirectListener } from '../redirect/redirect-handler';
import { flushImpressions } from '../redirect/runtime';
import { impressionReports, impressionStats, links } from '../schema';
import { defaultLinkOf, shopProgram } from '../test-fixtures';
import { ImpressionWriter } from './impression-writer';

const env = await createTestEnv();
// the harness clock: 2026-11-02T03:00Z
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

async function approvedPartner() {
  const { org, program } = await shopProgram(env);
  const { enrollment } = await createTestEnrollment(env, org.id, {
    programId: program.id,
    status: 'approved',
  });
  const [link] = await defaultLinkOf(env, org.id, enrollment.id);
  return { org, program, enrollment, link: link! };
}

async function statsOf(orgId: string) {
  await flushImpressions(env.services);
  const rows = await env.services.db
    .select()
    .from(impressionStats)
    .where(eq(impressionStats.orgId, orgId))
    .orderBy(impressionStats.linkId, impressionStats.hour);
  return rows.map((row) => ({
    linkId: row.linkId,
    hour: row.hour.toISOString(),
    impressions: row.impressions,
    botImpressions: row.botImpressions,
  }));
}

const view = (code: string, ua = CHROME, method = 'GET') =>
  env.app.request(`/i/${code}`, { method, headers: { 'user-agent': ua } });

describe('the impression pixel /i/{code}', () => {
  it('answers a transparent GIF, never cached, and counts views per link and hour, bots apart', async () => {
    const { org, link } = await approvedPartner();
    const first = await view(link.code);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/gif');
    expect(first.headers.get('cache-control')).toContain('no-store');
    const bytes = new Uint8Array(await first.arrayBuffer());
    expect(Buffer.from(bytes.slice(0, 6)).toString('latin1')).toBe('GIF89a');
    await view(`${link.code}.gif`);
    await view(link.code.toUpperCase());
    await view(link.code, GOOGLEBOT);
    // a HEAD (link checkers) counts nothing
    await view(link.code, CHROME, 'HEAD');
    env.clock.set(new Date('2026-11-02T04:10:00Z'));
    await view(link.code);
    env.clock.set(new Date('2026-11-02T03:00:00Z'));
    expect(await statsOf(org.id)).toEqual([
      { linkId: link.id, hour: '2026-11-02T03:00:00.000Z', impressions: 3, botImpressions: 1 },
      { linkId: link.id, hour: '2026-11-02T04:00:00.000Z', impressions: 1, botImpressions: 0 },
    ]);
  });

  it('unknown, malformed and disabled codes still get the GIF and count nothing', async () => {
    const { org, link } = await approvedPartner();
    await env.services.db.update(links).set({ status: 'disabled' }).where(eq(links.id, link.id));
    for (const code of [link.code, 'khongcoma', '%27%20or%201', 'a']) {
      const answer = await view(code);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('image/gif');
    }
    expect(await statsOf(org.id)).toEqual([]);
  });

  it('the plain listener in front of the app serves the pixel too, and flushes on shutdown', async () => {
    const { org, link } = await approvedPartner();
    const listener = redirectListener(env.services);
    const server = createServer((request, response) => {
      if (!listener(request, response)) response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      for (let i = 0; i < 5; i++) {
        const answer = await fetch(`http://127.0.0.1:${port}/i/${link.code}.gif?cb=${i}`, {
          headers: { 'user-agent': CHROME },
        });
        expect(answer.status).toBe(200);
        expect(Buffer.from(await answer.arrayBuffer()).equals(PIXEL_GIF)).toBe(true);
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await statsOf(org.id)).toEqual([
      { linkId: link.id, hour: '2026-11-02T03:00:00.000Z', impressions: 5, botImpressions: 0 },
    ]);
  });
});

describe('the impression writer', () => {
  it('a batch written again after an unclear failure (the commit went through) adds nothing twice', async () => {
    const { org, program, enrollment, link } = await approvedPartner();
    let commitsThenFails = true;
    // a database whose first transaction commits and then reports a lost connection
    const flaky: Database = {
      ...env.services.database,
      transaction: async (work) => {
        const result = await env.services.database.transaction(work);
        if (commitsThenFails) {
          commitsThenFails = false;
          throw new Error('Connection terminated unexpectedly');
        }
        return result;
      },
    };
    const writer = new ImpressionWriter(flaky, createLogger('silent'), { intervalMs: 5 });
    const at = new Date('2026-11-02T03:15:00Z');
    for (let i = 0; i < 7; i++)
      writer.add(
        { orgId: org.id, linkId: link.id, programId: program.id, enrollmentId: enrollment.id },
        at,
        false,
      );
    await writer.flush();
    expect(writer.size).toBe(0);
    expect(await statsOf(org.id)).toEqual([
      { linkId: link.id, hour: '2026-11-02T03:00:00.000Z', impressions: 7, botImpressions: 0 },
    ]);
  });
});

describe('POST /api/v1/impressions', () => {
  it('adds reported counts once per external id, by link code or referral code', async () => {
    const { org, enrollment, link } = await approvedPartner();
    const { secret } = await createTestApiKey(env, org.id);
    const api = apiCall(env, secret);
    const reports = [
      { externalId: 'adsrv-1', linkCode: link.code, hour: '2026-11-01T10:20:00+07:00', impressions: 1200 },
      {
        externalId: 'adsrv-2',
        referralCode: enrollment.referralCode,
        hour: '2026-11-01T03:00:00Z',
        impressions: 300,
      },
      {
        externalId: 'adsrv-3',
        linkCode: link.code.toUpperCase(),
        hour: '2026-11-01T04:59:59Z',
        impressions: 45,
      },
    ];
    const answer = await api('POST', '/api/v1/impressions', { reports });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({
      recorded: 3,
      duplicates: 0,
      reports: [
        { externalId: 'adsrv-1', status: 'recorded', linkCode: link.code },
        { externalId: 'adsrv-2', status: 'recorded', linkCode: link.code },
        { externalId: 'adsrv-3', status: 'recorded', linkCode: link.code },
      ],
    });
    // the same reports again, and a repeated id inside one request: nothing more is added
    const again = await api('POST', '/api/v1/impressions', {
      reports: [...reports, { ...reports[0], impressions: 999 }],
    });
    expect(await again.json()).toMatchObject({ recorded: 0, duplicates: 4 });
    const inOne = await api('POST', '/api/v1/impressions', {
      reports: [
        { externalId: 'adsrv-4', linkCode: link.code, hour: '2026-11-01T03:00:00Z', impressions: 5 },
        { externalId: 'adsrv-4', linkCode: link.code, hour: '2026-11-01T03:00:00Z', impressions: 5 },
      ],
    });
    expect(await inOne.json()).toMatchObject({
      recorded: 1,
      duplicates: 1,
      reports: [{ status: 'recorded' }, { status: 'duplicate' }],
    });
    expect(await statsOf(org.id)).toEqual([
      { linkId: link.id, hour: '2026-11-01T03:00:00.000Z', impressions: 1505, botImpressions: 0 },
      { linkId: link.id, hour: '2026-11-01T04:00:00.000Z', impressions: 45, botImpressions: 0 },
    ]);
    // the clicks report shows them beside clicks, per day in the organisation's time zone
    const report = (await (
      await api('GET', '/api/v1/reports/clicks?groupBy=day&from=2026-11-01&to=2026-11-02')
    ).json()) as { rows: { key: string; impressions: number }[]; totals: { impressions: number } };
    expect(report.totals.impressions).toBe(1550);
    expect(report.rows.map((row) => [row.key, row.impressions])).toEqual([
      ['2026-11-01', 1550],
      ['2026-11-02', 0],
    ]);
    // a banner seen but never clicked still has its row by partner and by link
    type Grouped = {
      rows: { key: string; label: string; total: number; impressions: number }[];
      totals: { impressions: number };
    };
    const byPartner = (await (
      await api('GET', '/api/v1/reports/clicks?groupBy=partner&from=2026-11-01&to=2026-11-02')
    ).json()) as Grouped;
    expect(byPartner.rows).toEqual([
      expect.objectContaining({ key: enrollment.id, total: 0, impressions: 1550 }),
    ]);
    expect(byPartner.rows[0]!.label).toContain(`(${enrollment.referralCode})`);
    expect(byPartner.totals.impressions).toBe(1550);
    const byLink = (await (
      await api('GET', '/api/v1/reports/clicks?groupBy=link&from=2026-11-01&to=2026-11-02')
    ).json()) as Grouped;
    expect(byLink.rows).toEqual([
      expect.objectContaining({ key: link.id, label: link.code, total: 0, impressions: 1550 }),
    ]);
  });

  it('one bad report refuses the request with where and why, and records nothing', async () => {
    const { org, link } = await approvedPartner();
    const other = await approvedPartner();
    const { secret } = await createTestApiKey(env, org.id);
    const api = apiCall(env, secret);
    const answer = await api('POST', '/api/v1/impressions', {
      reports: [
        { externalId: 'ok', linkCode: link.code, hour: '2026-11-02T01:00:00Z', impressions: 10 },
        // another organisation's link is not found here
        { externalId: 'foreign', linkCode: other.link.code, hour: '2026-11-02T01:00:00Z', impressions: 10 },
        { externalId: 'old', linkCode: link.code, hour: '2026-10-25T01:00:00Z', impressions: 10 },
        { externalId: 'future', linkCode: link.code, hour: '2026-11-02T05:00:00Z', impressions: 10 },
      ],
    });
    expect(answer.status).toBe(422);
    const body = (await answer.json()) as { error: { details: { path: string; message: string }[] } };
    expect(body.error.details).toEqual([
      { path: 'reports.1.linkCode', message: 'No link of this organisation has this code' },
      { path: 'reports.2.hour', message: 'Impressions older than 7 days are no longer accepted' },
      { path: 'reports.3.hour', message: 'The hour is in the future' },
    ]);
    expect(JSON.stringify(body)).not.toContain(other.link.id);
    expect(JSON.stringify(body)).not.toContain(other.link.code);
    const shape = await api('POST', '/api/v1/impressions', {
      reports: [
        { externalId: 'x', linkCode: link.code, referralCode: 'ABC', hour: 'hôm qua', impressions: -1 },
      ],
    });
    expect(shape.status).toBe(400);
    const [stored] = await env.services.db
      .select({ count: sql<number>`count(*)::int` })
      .from(impressionReports)
      .where(and(eq(impressionReports.orgId, org.id)));
    expect(stored!.count).toBe(0);
    expect(await statsOf(org.id)).toEqual([]);
  });
});
