/**
 * A payout batch of BENCH_PAYOUTS (default 50,000) partners prepared on PostgreSQL: the draft batch
 * built from payable balances (balances summed from the ledger, tax withheld per partner, bank
 * accounts copied), approved (two ledger entries per payout), every payout's VietQR payload (bank
 * account opened, EMVCo payload with its CRC) and the bank batch file in CSV and XLSX. Target: at
 * most 30 s. The baseline, timed in the same run, is a plain INSERT … SELECT of as many payout rows
 * (flat amounts, no tax, no bank data) from the same balances.
 * Uses BENCH_DATABASE_URL or DATABASE_URL (default postgres://postgres@127.0.0.1:5432/) to create a
 * fresh database, and drops it at the end.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createServices } from '../server/src/app';
import { createOrganisation, getOrgDataKey } from '../server/src/modules/orgs';
import { approvePayoutBatch, buildPayoutBatch } from '../server/src/modules/payouts';
import { batchBankFile, payoutVietQrs } from '../server/src/modules/payouts/documents';
import { batchPayouts } from '../server/src/modules/payouts/queries';
import type { Config } from '../server/src/platform/config';
import { sealWith } from '../server/src/platform/crypto';
import { openDatabase } from '../server/src/platform/db';
import { newId } from '../server/src/platform/ids';
import { createLogger } from '../server/src/platform/logger';
import { print } from './load';

const PAYOUTS = Number(process.env.BENCH_PAYOUTS ?? 50_000);
const serverUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';
const name = `kenh_bench_payouts_${process.pid}`;
const withDb = (url: string, db: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${db}`;
  return parsed.toString();
};

const admin = new pg.Client({ connectionString: withDb(serverUrl, 'postgres') });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const database = await openDatabase({ databaseUrl: withDb(serverUrl, name), poolSize: 4 });

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
  const { org } = await createOrganisation(services, {
    name: 'Bench',
    owner: { email: 'owner@bench.vn', fullName: 'Chủ Bench', password: 'mat-khau-an-toan-2026' },
  });
  const ctx = { orgId: org.id, services, actor: { type: 'system' as const, label: 'Bench' } };
  const key = await getOrgDataKey(ctx);
  const programId = newId('program');
  await database.query(
    `insert into programs (org_id, id, name, slug, page_code, currency, status, join_form, auto_approve)
     values ($1, $2, 'CTV bán lẻ', 'ctv', 'BENCHP', 'VND', 'active', '[]', '{"enabled":false}')`,
    [org.id, programId],
  );

  // ---- PAYOUTS partners with a bank account and a payable balance, written in bulk ----------------
  const banks = ['970436', '970415', '970418', '970405', '970407', '970422'];
  const columns = {
    identity: [] as string[],
    name: [] as string[],
    partner: [] as string[],
    enrollment: [] as string[],
    code: [] as string[],
    bin: [] as string[],
    account: [] as string[],
    last4: [] as string[],
    holder: [] as string[],
    amount: [] as string[],
    entry: [] as string[],
    commitment: [] as boolean[],
  };
  for (let n = 0; n < PAYOUTS; n++) {
    const account = String(1_000_000_000 + n * 7919).padStart(12, '0');
    columns.identity.push(newId('identity'));
    columns.name.push(`Cộng Tác Viên ${n}`);
    columns.partner.push(newId('partner'));
    columns.enrollment.push(newId('enrollment'));
    columns.code.push(`B${n.toString(36).toUpperCase().padStart(5, '0')}`);
    columns.bin.push(banks[n % banks.length]!);
    columns.account.push(sealWith(key, account));
    columns.last4.push(account.slice(-4));
    columns.holder.push(sealWith(key, `CONG TAC VIEN ${n}`));
    // 500,000 – 4,500,000 ₫: about half at or above the 2,000,000 ₫ tax threshold
    columns.amount.push(String(500_000 + (n % 9) * 500_000));
    columns.entry.push(newId('ledgerEntry'));
    columns.commitment.push(n % 10 === 0);
  }
  await database.query(
    `insert into identities (id, full_name) select * from unnest($1::text[], $2::text[])`,
    [columns.identity, columns.name],
  );
  await database.query(
    `insert into partners (id, identity_id) select * from unnest($1::text[], $2::text[])`,
    [columns.partner, columns.identity],
  );
  await database.query(
    `insert into enrollments (org_id, id, program_id, partner_id, status, referral_code, source)
     select $1, e, $2, p, 'approved', c, 'staff' from unnest($3::text[], $4::text[], $5::text[]) as t(e, p, c)`,
    [org.id, programId, columns.enrollment, columns.partner, columns.code],
  );
  await database.query(
    `insert into partner_profiles (org_id, partner_id, bank_bin, bank_account_enc, bank_account_last4, bank_holder_enc, tax_commitment)
     select $1, * from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[])`,
    [
      org.id,
      columns.partner,
      columns.bin,
      columns.account,
      columns.last4,
      columns.holder,
      columns.commitment,
    ],
  );
  await database.query(
    `insert into ledger_entries (org_id, id, enrollment_id, currency, bucket, amount_minor, kind, idempotency_key)
     select $1, id, e, 'VND', 'payable', a::bigint, 'release', 'bench:' || id
       from unnest($2::text[], $3::text[], $4::text[]) as t(id, e, a)`,
    [org.id, columns.entry, columns.enrollment, columns.amount],
  );
  await database.query('analyze');

  // ---- baseline: plain INSERT … SELECT of as many payout rows ------------------------------------
  await database.query('create table payouts_floor (like payouts including all)');
  let started = performance.now();
  await database.query(
    `insert into payouts_floor (org_id, id, batch_id, enrollment_id, program_id, partner_id, currency, gross_minor,
                                tax_minor, net_minor, tax_reason, method, status, reference, payee_name)
     select l.org_id, 'pay_' || l.id, 'pbt_floor', l.enrollment_id, $2, e.partner_id, 'VND', sum(l.amount_minor),
            0, sum(l.amount_minor), 'not_taxed', 'vietqr', 'draft', 'FLOOR ' || l.enrollment_id, ''
       from ledger_entries l join enrollments e on e.org_id = l.org_id and e.id = l.enrollment_id
      where l.org_id = $1 and l.bucket = 'payable'
      group by l.org_id, l.id, l.enrollment_id, e.partner_id`,
    [org.id, programId],
  );
  const floorSeconds = (performance.now() - started) / 1000;

  // ---- Kênh: build, approve, QR payloads, bank files ----------------------------------------------
  started = performance.now();
  const built = await services.db.transaction((tx) =>
    buildPayoutBatch(ctx, tx, { currency: 'VND', source: 'balances', programId }),
  );
  const buildSeconds = (performance.now() - started) / 1000;
  let mark = performance.now();
  await services.db.transaction((tx) => approvePayoutBatch(ctx, tx, built.batchId));
  const approveSeconds = (performance.now() - mark) / 1000;
  mark = performance.now();
  const rows = await batchPayouts(ctx, services.db, built.batchId);
  const payloads = await payoutVietQrs(ctx, rows);
  let payloadBytes = 0;
  for (const payload of payloads.values()) payloadBytes += payload.length;
  const qrSeconds = (performance.now() - mark) / 1000;
  mark = performance.now();
  const csv = await batchBankFile(ctx, services.db, built.batchId, 'csv');
  const xlsx = await batchBankFile(ctx, services.db, built.batchId, 'xlsx');
  const fileSeconds = (performance.now() - mark) / 1000;
  const totalSeconds = (performance.now() - started) / 1000;

  const [counts] = await database.query<{ payouts: number; taxed: number; tax: string; entries: number }>(
    `select (select count(*)::int from payouts where status = 'approved') as payouts,
            (select count(*)::int from payouts where tax_minor > 0) as taxed,
            (select coalesce(sum(tax_minor), 0)::text from payouts) as tax,
            (select count(*)::int from ledger_entries where payout_id is not null) as entries`,
  );
  print('payouts prepared', counts!.payouts, 'payouts');
  print('payouts with tax withheld', counts!.taxed, 'payouts');
  print('tax withheld', Number(counts!.tax), 'VND');
  print('ledger entries written', counts!.entries, 'entries');
  print('build batch', buildSeconds, 's');
  print('approve batch', approveSeconds, 's');
  print('VietQR payloads', qrSeconds, 's');
  print('VietQR payload bytes', payloadBytes, 'bytes');
  print('bank files (CSV + XLSX)', fileSeconds, 's');
  print('bank file sizes', csv.bytes.length + xlsx.bytes.length, 'bytes');
  print('batch prepared in', totalSeconds, 's');
  print('payouts per second', counts!.payouts / totalSeconds, 'payouts/s');
  print('baseline INSERT … SELECT of the payout rows', floorSeconds, 's');
  print('prepared vs baseline', totalSeconds / floorSeconds, 'x slower');
  print('target (≤ 30 s) met', totalSeconds <= 30 ? 1 : 0, 'yes=1');
} finally {
  await database.close();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
