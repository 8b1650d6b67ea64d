/**
 * Partner figures on PostgreSQL, each beside a baseline measured in the same run:
 * - directory pages at 100,000 partners (200 requests through the app, mixed filters and search)
 *   vs the bare SQL of the newest 25 enrollments of the organisation;
 * - a 100,000-row CSV through the real import path (upload, mapping, job) vs a plain
 *   INSERT … SELECT of 100,000 rows.
 * BENCH_ONLY=import (npm run bench:import) skips the directory part.
 * Uses BENCH_DATABASE_URL or DATABASE_URL (default postgres://postgres@127.0.0.1:5432/) to create a
 * fresh database, and drops it at the end.
 */
import pg from 'pg';
import { buildApp, createServices } from '../server/src/app';
import { createApiKey } from '../server/src/modules/api-keys';
import { createOrganisation } from '../server/src/modules/orgs';
import { programs } from '../server/src/modules/programs';
import type { Config } from '../server/src/platform/config';
import { openDatabase } from '../server/src/platform/db';
import { newId } from '../server/src/platform/ids';
import { createLogger } from '../server/src/platform/logger';
import { print } from './load';

const PARTNERS = Number(process.env.BENCH_PARTNERS ?? 100_000);
const REQUESTS = 200;
const serverUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';
const name = `kenh_bench_partners_${process.pid}`;
const withDb = (url: string, db: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${db}`;
  return parsed.toString();
};

const admin = new pg.Client({ connectionString: withDb(serverUrl, 'postgres') });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const database = await openDatabase({ databaseUrl: withDb(serverUrl, name), poolSize: 5 });

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

let stopJobs = async () => {};
try {
  await database.migrate();
  const config: Config = {
    port: 0,
    databaseUrl: serverUrl,
    dataDir: '/tmp/kenh-bench-unused',
    appUrl: 'http://kenh.bench',
    smtpUrl: undefined,
    secretKey: 'bench-secret-key-bench-secret-key-0123456789',
    logLevel: 'silent',
    mailFrom: 'Kênh <no-reply@kenh.bench>',
    secureCookies: false,
  };
  const services = createServices({ config, database, log: createLogger('silent') });
  stopJobs = () => services.jobs.stop();
  const app = buildApp(services, {
    serveWeb: false,
    rateLimits: { perKeyPerMinute: 1e9, perIpPerMinute: 1e9 },
  });
  const { org, member } = await createOrganisation(services, {
    name: 'Bench',
    owner: { email: 'owner@bench.vn', fullName: 'Chủ Bench', password: 'mat-khau-an-toan-2026' },
  });
  const ctx = { orgId: org.id, services, actor: { type: 'system' as const, label: 'Bench' } };
  const { secret } = await createApiKey(ctx, { name: 'Bench', role: 'owner' });
  const now = new Date();
  const [program] = await services.db
    .insert(programs)
    .values({
      orgId: org.id,
      id: newId('program'),
      name: 'CTV bán lẻ',
      slug: 'ctv',
      pageCode: 'BENCH1',
      currency: 'VND',
      status: 'active',
      maxUplineDepth: 5,
      joinForm: [{ key: 'fullName', required: true }],
      autoApprove: { enabled: false },
      createdAt: now,
      updatedAt: now,
    })
    .returning();

  // ---- seed: 100k identities, partners, enrollments, profiles, set-based --------------------------
  let started = performance.now();
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
  const middle = ['Văn', 'Thị', 'Hữu', 'Minh', 'Thanh', 'Ngọc', 'Đức', 'Thu'];
  const given = [
    'An',
    'Bình',
    'Chi',
    'Dũng',
    'Giang',
    'Hà',
    'Hải',
    'Hoa',
    'Hùng',
    'Lan',
    'Long',
    'Mai',
    'Nam',
    'Phúc',
    'Quân',
    'Sơn',
    'Tâm',
    'Trang',
    'Tuấn',
    'Yến',
  ];
  const provinces = [
    'Hà Nội',
    'TP Hồ Chí Minh',
    'Đà Nẵng',
    'Hải Phòng',
    'Cần Thơ',
    'Huế',
    'Nghệ An',
    'Bình Dương',
    'Đồng Nai',
    'Khánh Hòa',
  ];
  const arr = (values: string[]) => `array[${values.map((value) => `'${value}'`).join(',')}]`;
  await database.query(
    `insert into partner_groups (org_id, id, name) select $1, 'pgr_bench_' || g, 'Nhóm ' || g from generate_series(1, 5) g`,
    [org.id],
  );
  await database.query(
    `insert into partner_tags (org_id, id, name) select $1, 'tag_bench_' || g, 'Thẻ ' || g from generate_series(1, 10) g`,
    [org.id],
  );
  await database.query(
    `insert into identities (id, email, phone, full_name, created_at, updated_at)
     select 'idn_bench_' || g, case when g % 3 = 0 then 'ctv' || g || '@bench.vn' end, '+8490' || lpad(g::text, 7, '0'),
            (${arr(family)})[1 + g % 12] || ' ' || (${arr(middle)})[1 + (g / 12) % 8] || ' ' || (${arr(given)})[1 + (g / 96) % 20],
            now(), now()
       from generate_series(1, $1::int) g`,
    [PARTNERS],
  );
  await database.query(
    `insert into partners (id, identity_id, created_at) select 'ptr_bench_' || g, 'idn_bench_' || g, now() from generate_series(1, $1::int) g`,
    [PARTNERS],
  );
  await database.query(
    `insert into enrollments (org_id, id, program_id, partner_id, status, referral_code, group_id, care_member_id,
                              upline_enrollment_id, source, joined_at, created_at, updated_at)
     select $1, 'enr_bench_' || lpad(g::text, 7, '0'), $2, 'ptr_bench_' || g,
            (array['approved','approved','approved','pending','suspended','rejected'])[1 + g % 6],
            'CTV' || g, 'pgr_bench_' || (1 + g % 5), case when g % 4 = 0 then $3 end,
            case when g > 10 then 'enr_bench_' || lpad((g / 10)::text, 7, '0') end, 'import',
            timestamptz '2025-01-01' + (g || ' minutes')::interval, now(), now()
       from generate_series(1, $4::int) g`,
    [org.id, program!.id, member.id, PARTNERS],
  );
  await database.query(
    `insert into partner_profiles (org_id, partner_id, province) select $1, 'ptr_bench_' || g, (${arr(provinces)})[1 + g % 10]
       from generate_series(1, $2::int) g`,
    [org.id, PARTNERS],
  );
  await database.query(
    `insert into enrollment_tags (org_id, enrollment_id, tag_id) select $1, 'enr_bench_' || lpad(g::text, 7, '0'), 'tag_bench_' || (1 + g % 10)
       from generate_series(1, $2::int, 3) g`,
    [org.id, PARTNERS],
  );
  await database.query('analyze');
  print(`seed ${PARTNERS} partners`, (performance.now() - started) / 1000, 's');

  // ---- directory pages (skipped with BENCH_ONLY=import: npm run bench:import) --------------------
  const headers = { authorization: `Bearer ${secret}` };
  if (process.env.BENCH_ONLY !== 'import') await benchDirectory();
  async function benchDirectory() {
    const first = await (await app.request('/api/v1/partners?limit=25', { headers })).json();
    const queries = [
      'limit=25',
      `cursor=${first.nextCursor}`,
      'status=pending',
      `programId=${program!.id}&status=approved,suspended`,
      'province=Huế',
      'groupId=pgr_bench_3&status=approved',
      'tagId=tag_bench_4',
      `careMemberId=${member.id}`,
      'q=lan',
      'q=0900123',
      'q=ctv1234',
      'q=nguyễn văn',
      'sort=name&order=asc&status=pending',
      'sort=code&province=Cần Thơ',
      'joinedFrom=2025-02-01T00:00:00Z&joinedTo=2025-02-10T00:00:00Z',
      'uplineEnrollmentId=enr_bench_0000123',
      'sort=name&order=asc',
    ];
    for (const query of queries) {
      const response = await app.request(`/api/v1/partners?${encodeURI(query)}`, { headers });
      if (response.status !== 200) throw new Error(`${query}: ${response.status} ${await response.text()}`);
    }
    const appTimes: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const query = queries[i % queries.length]!;
      const t = performance.now();
      const response = await app.request(`/api/v1/partners?${encodeURI(query)}`, { headers });
      await response.arrayBuffer();
      appTimes.push(performance.now() - t);
    }
    const sqlTimes: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const t = performance.now();
      await database.query(
        'select id, partner_id, status, referral_code, joined_at from enrollments where org_id = $1 order by joined_at desc limit 25',
        [org.id],
      );
      sqlTimes.push(performance.now() - t);
    }
    print(`directory page p50 (${PARTNERS} partners, mixed filters)`, percentile(appTimes, 50), 'ms');
    print(`directory page p95 (${PARTNERS} partners, mixed filters)`, percentile(appTimes, 95), 'ms');
    print('baseline bare SQL newest 25 p50', percentile(sqlTimes, 50), 'ms');
    print('baseline bare SQL newest 25 p95', percentile(sqlTimes, 95), 'ms');
    const slowest = queries
      .map((query, index) => ({
        query,
        ms: Math.max(...appTimes.filter((_, i) => i % queries.length === index)),
      }))
      .sort((a, b) => b.ms - a.ms)[0]!;
    print(`directory slowest filter (${slowest.query})`, slowest.ms, 'ms');
  }

  // ---- import ------------------------------------------------------------------------------------
  const lines = ['Họ tên,SĐT,Email,Mã CTV,Tỉnh,Mã giới thiệu,Nhóm,Thẻ'];
  for (let g = 1; g <= PARTNERS; g++) {
    lines.push(
      `${family[g % 12]} ${middle[(g >> 2) % 8]} ${given[(g >> 5) % 20]},091${String(g).padStart(7, '0')},${g % 5 === 0 ? `nhap${g}@bench.vn` : ''},NH-${g},${provinces[g % 10]},${g % 7 === 0 ? `CTV${g}` : ''},Nhóm ${1 + (g % 5)},${g % 4 === 0 ? 'Thẻ 2' : ''}`,
    );
  }
  const csv = Buffer.from(lines.join('\n'));
  started = performance.now();
  const upload = await app.request('/api/v1/partner-imports', {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      programId: program!.id,
      fileName: 'ctv-100k.csv',
      contentBase64: csv.toString('base64'),
    }),
  });
  const { importId } = await upload.json();
  const uploadedMs = performance.now() - started;
  const preview = await (
    await app.request(`/api/v1/partner-imports/${importId}/mapping`, {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        mapping: {
          fullName: 'Họ tên',
          phone: 'SĐT',
          email: 'Email',
          externalId: 'Mã CTV',
          province: 'Tỉnh',
          uplineReferralCode: 'Mã giới thiệu',
          groupName: 'Nhóm',
          tags: 'Thẻ',
        },
      }),
    })
  ).json();
  const previewMs = performance.now() - started - uploadedMs;
  await app.request(`/api/v1/partner-imports/${importId}/run`, { method: 'POST', headers });
  await services.jobs.drain();
  const importMs = performance.now() - started;
  const done = await (await app.request(`/api/v1/partner-imports/${importId}`, { headers })).json();
  if (done.status !== 'done' || done.created + done.errors !== PARTNERS)
    throw new Error(`import: ${JSON.stringify({ done, preview })}`);
  started = performance.now();
  await database.query('create table bench_baseline (like enrollments including defaults)');
  await database.query(
    `insert into bench_baseline (org_id, id, program_id, partner_id, status, referral_code, source, joined_at, created_at, updated_at)
     select $1, 'enr_base_' || g, $2, 'ptr_bench_' || g, 'approved', 'BASE' || g, 'import', now(), now(), now()
       from generate_series(1, $3::int) g`,
    [org.id, program!.id, PARTNERS],
  );
  const baselineMs = performance.now() - started;
  print(`import ${PARTNERS} rows (upload + preview + job)`, importMs / 1000, 's');
  print('import rows created', done.created, 'rows');
  print('import rows refused (upline chain deeper than 5)', done.errors, 'rows');
  print('import upload and parse', uploadedMs / 1000, 's');
  print('import mapping preview', previewMs / 1000, 's');
  print('import job (validation and batches)', (importMs - uploadedMs - previewMs) / 1000, 's');
  print(`baseline plain INSERT … SELECT of ${PARTNERS} rows`, baselineMs / 1000, 's');
} finally {
  await stopJobs();
  await database.close();
  if (!process.env.BENCH_KEEP_DATABASE) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
