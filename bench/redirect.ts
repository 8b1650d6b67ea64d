/**
 * The `/r/{code}` redirect on PostgreSQL against a bare node:http 302 server, in one run, under the
 * same load (autocannon in its own process, 50 connections), across 200 real links: BENCH_ROUNDS
 * rounds (default 3) of BENCH_SECONDS (default 20) for each server, alternating which goes first,
 * so that a slower stretch of a shared machine weighs on both. Then Kênh is stopped gracefully and
 * the clicks in the database are counted against the 302 answers the load tool saw: none may be
 * lost.
 * Uses BENCH_DATABASE_URL or DATABASE_URL (default postgres://postgres@127.0.0.1:5432/) to create a
 * fresh database, and drops it at the end.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import pg from 'pg';
import { startServer } from '../server/src/main';
import { createOrganisation } from '../server/src/modules/orgs';
import { createEnrollment, createPartnerAccount } from '../server/src/modules/partners';
import { programs } from '../server/src/modules/programs';
import { links } from '../server/src/modules/tracking';
import type { Config } from '../server/src/platform/config';
import { openDatabase } from '../server/src/platform/db';
import { newId } from '../server/src/platform/ids';
import { freePort, print } from './load';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
/** Rounds of SECONDS per server, alternating which goes first. */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const WARM_UP_SECONDS = 3;
const CONNECTIONS = 50;
const LINKS = 200;
const USER_AGENT =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148';

type Load = { requestsPerSecond: number; p50: number; p99: number; redirects: number; failed: number };

/** autocannon in a child process, cycling through the codes, counting the 302 answers it saw. */
function runLoad(baseUrl: string, codes: string[], seconds: number): Promise<Load> {
  const script = `
    import autocannon from 'autocannon';
    const { url, codes, connections, seconds, userAgent } = JSON.parse(process.env.BENCH_LOAD);
    let next = 0;
    const result = await autocannon({
      url, connections, duration: seconds, headers: { 'user-agent': userAgent },
      requests: [{ setupRequest: (request) => ({ ...request, path: '/r/' + codes[next++ % codes.length] }) }],
    });
    process.stdout.write(JSON.stringify({
      requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99,
      redirects: result.statusCodeStats?.['302']?.count ?? 0,
      failed: result.errors + result.timeouts + (result.requests.total - (result.statusCodeStats?.['302']?.count ?? 0)),
    }));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: {
        ...process.env,
        BENCH_LOAD: JSON.stringify({
          url: baseUrl,
          codes,
          connections: CONNECTIONS,
          seconds,
          userAgent: USER_AGENT,
        }),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as Load) : reject(new Error(`load exited ${code}`)),
    );
  });
}

const serverUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';
const name = `kenh_bench_redirect_${process.pid}`;
const withDb = (url: string, db: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${db}`;
  return parsed.toString();
};
const admin = new pg.Client({ connectionString: withDb(serverUrl, 'postgres') });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);

try {
  const port = await freePort();
  const config: Config = {
    port,
    databaseUrl: withDb(serverUrl, name),
    dataDir: '/tmp/kenh-bench-unused',
    appUrl: `http://127.0.0.1:${port}`,
    smtpUrl: undefined,
    secretKey: 'bench-secret-key-bench-secret-key-0123456789',
    logLevel: 'silent',
    mailFrom: 'Kênh <no-reply@kenh.bench>',
    secureCookies: false,
  };
  const kenh = await startServer(config);
  const { services } = kenh;

  // ---- real links: approved partners of an active program, each with its default link ------------
  const { org } = await createOrganisation(services, {
    name: 'Bench',
    owner: { email: 'owner@bench.vn', fullName: 'Chủ Bench', password: 'mat-khau-an-toan-2026' },
  });
  const ctx = { orgId: org.id, services, actor: { type: 'system' as const, label: 'Bench' } };
  const [program] = await services.db
    .insert(programs)
    .values({
      orgId: org.id,
      id: newId('program'),
      name: 'CTV bán lẻ',
      slug: 'ctv',
      pageCode: 'BENCH2',
      currency: 'VND',
      status: 'active',
      destinationUrl: 'https://shop.bench.vn/?from=kenh',
      allowedDomains: ['shop.bench.vn'],
      joinForm: [{ key: 'fullName', required: true }],
      autoApprove: { enabled: false },
    })
    .returning();
  for (let n = 0; n < LINKS; n++) {
    const { partner } = await createPartnerAccount(services, services.db, {
      fullName: `Cộng Tác ${n}`,
      email: `ctv${n}@bench.vn`,
    });
    await createEnrollment(ctx, services.db, {
      programId: program!.id,
      partnerId: partner.id,
      fullName: `Cộng Tác ${n}`,
      source: 'staff',
      status: 'approved',
    });
  }
  const codes = (await services.db.select({ code: links.code }).from(links)).map((row) => row.code);
  if (codes.length !== LINKS) throw new Error(`expected ${LINKS} default links, found ${codes.length}`);

  // ---- both servers, in alternating rounds so a slower stretch of the machine weighs on both ------
  const base = `http://127.0.0.1:${port}`;
  const barePort = await freePort();
  const bare = createServer((request, response) => {
    response.writeHead(302, {
      location: `https://shop.bench.vn/?from=kenh&code=${request.url?.slice(3)}`,
      'content-length': '0',
      'cache-control': 'no-store',
    });
    response.end();
  }).listen(barePort, '127.0.0.1');
  const bareBase = `http://127.0.0.1:${barePort}`;
  const kenhRounds: Load[] = [await runLoad(base, codes, WARM_UP_SECONDS)];
  await runLoad(bareBase, codes, WARM_UP_SECONDS);
  const measured: Load[] = [];
  const baseline: Load[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // K B, B K, K B …: each server goes first as often as the other (within one)
    const order = round % 2 === 0 ? ['kenh', 'bare'] : ['bare', 'kenh'];
    for (const which of order) {
      if (which === 'kenh') measured.push(await runLoad(base, codes, SECONDS));
      else baseline.push(await runLoad(bareBase, codes, SECONDS));
    }
    const [kenhRound, bareRound] = [measured[round]!, baseline[round]!];
    print(`round ${round + 1} redirect throughput`, kenhRound.requestsPerSecond, 'req/s');
    print(`round ${round + 1} bare throughput`, bareRound.requestsPerSecond, 'req/s');
    print(`round ${round + 1} ratio`, kenhRound.requestsPerSecond / bareRound.requestsPerSecond, 'x');
  }
  await new Promise((resolve) => bare.close(resolve));
  await kenh.stop();
  const seen = [...kenhRounds, ...measured].reduce((sum, load) => sum + load.redirects, 0);
  const failed = [...kenhRounds, ...measured].reduce((sum, load) => sum + load.failed, 0);
  const counter = await openDatabase({ databaseUrl: withDb(serverUrl, name), poolSize: 1 });
  const [row] = await counter.query<{ count: number }>('select count(*)::int as count from clicks');
  await counter.close();
  const stored = row?.count ?? 0;

  // rounds last equally long: the mean of their throughputs is all requests over all the time
  const mean = (loads: Load[]) => loads.reduce((sum, load) => sum + load.requestsPerSecond, 0) / loads.length;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  print('redirect throughput', mean(measured), 'req/s');
  print('bare node:http 302 throughput', mean(baseline), 'req/s');
  print('redirect vs bare ratio', mean(measured) / mean(baseline), 'x');
  print('redirect p50 latency', median(measured.map((load) => load.p50)), 'ms');
  // the worst round's
  print('redirect p99 latency', Math.max(...measured.map((load) => load.p99)), 'ms');
  print('bare node:http p99 latency', Math.max(...baseline.map((load) => load.p99)), 'ms');
  print('redirects answered (302)', seen, 'requests');
  print('clicks stored', stored, 'clicks');
  print('clicks lost', Math.max(0, seen - stored), 'clicks');
  if (stored > seen)
    print('clicks of requests still in flight when the load stopped', stored - seen, 'clicks');
  if (failed > 0) print('redirect failed answers', failed, 'requests');
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
