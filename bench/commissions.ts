/**
 * Commission computation on PostgreSQL: BENCH_LINES order lines (1,000,000 by default: orders of 4
 * items, completed, over the last 90 days, sold by 2,000 partners most of whom have an upline) are
 * computed by the bulk path (`computeOrdersBulk`) under a plan with a basic rate, a category rate,
 * a monthly volume tier and a one-level override, into commission lines and their ledger entries.
 * The floor, in the same run: once the result is checked and the tables emptied, one
 * INSERT … SELECT writes the same number of flat-rate commission lines straight from the order
 * items (with an explanation of the same shape as a basic line's), and a second one the same
 * number of ledger entries. Speeds are commission lines written per second; the ratio is the bulk
 * path's speed over the floor's. Uses BENCH_DATABASE_URL or DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/) to create a fresh database, and drops it at the end.
 */
import pg from 'pg';
import { createServices } from '../server/src/app';
import { computeOrdersBulk } from '../server/src/modules/commissions/bulk/compute-orders-bulk';
import { publishDraftVersion, saveDraftVersion } from '../server/src/modules/commissions/plans';
import { createOrganisation } from '../server/src/modules/orgs';
import { programs } from '../server/src/modules/programs';
import type { Config } from '../server/src/platform/config';
import { openDatabase } from '../server/src/platform/db';
import { newId } from '../server/src/platform/ids';
import { createLogger } from '../server/src/platform/logger';
import { print } from './load';

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const ITEMS_PER_ORDER = 4;
const ORDERS = Math.ceil(LINES / ITEMS_PER_ORDER);
const PARTNERS = 2000;
const ROOTS = 40;
const PRODUCTS = 500;
const DAY = 86_400_000;
const serverUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';
const name = `kenh_bench_commissions_${process.pid}`;
const withDb = (url: string, db: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${db}`;
  return parsed.toString();
};

const admin = new pg.Client({ connectionString: withDb(serverUrl, 'postgres') });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const database = await openDatabase({ databaseUrl: withDb(serverUrl, name), poolSize: 4 });
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
  const { org } = await createOrganisation(services, {
    name: 'Bench',
    owner: { email: 'owner@bench.vn', fullName: 'Chủ Bench', password: 'mat-khau-an-toan-2026' },
  });
  const ctx = { orgId: org.id, services, actor: { type: 'system' as const, label: 'Bench' } };
  const now = new Date();
  const programId = newId('program');
  await services.db.insert(programs).values({
    orgId: org.id,
    id: programId,
    name: 'CTV bán lẻ',
    slug: 'ctv',
    pageCode: 'BENCHC',
    currency: 'VND',
    status: 'active',
    holdDays: 30,
    joinForm: [{ key: 'fullName', required: true }],
    autoApprove: { enabled: false },
    createdAt: now,
    updatedAt: now,
  });

  // ---- seed: categories, products, partners with uplines, the plan ------------------------------
  let started = performance.now();
  const categories = {
    beauty: 'cat_bench_beauty',
    skin: 'cat_bench_skin',
    makeup: 'cat_bench_makeup',
    food: 'cat_bench_food',
    home: 'cat_bench_home',
  };
  await database.query(
    `insert into product_categories (org_id, id, parent_id, name) values
       ($1, $2, null, 'Mỹ phẩm'), ($1, $3, $2, 'Chăm sóc da'), ($1, $4, $2, 'Trang điểm'),
       ($1, $5, null, 'Thực phẩm chức năng'), ($1, $6, null, 'Gia dụng')`,
    [org.id, categories.beauty, categories.skin, categories.makeup, categories.food, categories.home],
  );
  const leafCategories = [categories.skin, categories.makeup, categories.food, categories.home];
  const productCategory = (p: number) => leafCategories[p % leafCategories.length]!;
  const priceOf = (p: number) => 80_000 + (p % 40) * 5_000;
  await database.query(
    `insert into products (org_id, id, sku, name, currency, price_minor, cost_minor, category_id)
     select $1, 'prd_bench' || p, 'SKU-' || p, 'Sản phẩm ' || p, 'VND', 80000 + (p % 40) * 5000,
            50000 + (p % 40) * 2500, ($3::text[])[1 + p % 4]
       from generate_series(0, $2::int - 1) as p`,
    [org.id, PRODUCTS, leafCategories],
  );
  const enrollmentIds = Array.from({ length: PARTNERS }, (_, i) => `enr_bench${String(i).padStart(5, '0')}`);
  await database.query(
    `insert into identities (id, full_name, email)
     select 'idn_bench' || i, 'Cộng Tác Viên ' || i, 'ctv' || i || '@bench.vn' from generate_series(0, $1::int - 1) as i`,
    [PARTNERS],
  );
  await database.query(
    `insert into partners (id, identity_id)
     select 'ptr_bench' || i, 'idn_bench' || i from generate_series(0, $1::int - 1) as i`,
    [PARTNERS],
  );
  // the first partners recruit the others: everyone but the first ROOTS has an upline
  await database.query(
    `insert into enrollments (org_id, id, program_id, partner_id, status, referral_code, upline_enrollment_id, source, approved_at)
     select $1, ($3::text[])[i + 1], $2, 'ptr_bench' || i, 'approved', 'CTV' || lpad(i::text, 5, '0'),
            case when i < $4 then null else ($3::text[])[1 + (i * 7) % $4] end, 'staff', now()
       from generate_series(0, $5::int - 1) as i`,
    [org.id, programId, enrollmentIds, ROOTS, PARTNERS],
  );
  await saveDraftVersion(ctx, services.db, {
    programId,
    plan: {
      settings: {},
      rules: [
        { id: 'basic', kind: 'basic', scope: { kind: 'all' }, calc: { type: 'percent', ratePpm: '100000' } },
        {
          id: 'beauty',
          kind: 'basic',
          scope: { kind: 'category', categoryId: categories.beauty },
          calc: { type: 'percent', ratePpm: '120000' },
        },
        {
          id: 'food-volume',
          kind: 'tier',
          scope: { kind: 'category', categoryId: categories.food },
          period: 'month',
          measure: 'amount',
          mode: 'retroactive',
          tiers: [
            { threshold: '2000000', ratePpm: '20000' },
            { threshold: '5000000', ratePpm: '40000' },
          ],
        },
        { id: 'ref', kind: 'override', levels: [{ basis: 'sale', ratePpm: '50000' }] },
      ],
    },
  });
  await publishDraftVersion(ctx, services.db, {
    programId,
    effectiveFrom: new Date(now.getTime() - 400 * DAY),
  });
  print(`seed ${PARTNERS} partners, ${PRODUCTS} products, a plan`, (performance.now() - started) / 1000, 's');

  // ---- the orders, written by COPY ---------------------------------------------------------------
  started = performance.now();
  const span = 90 * DAY;
  const firstAt = now.getTime() - span - DAY;
  for (let start = 0; start < ORDERS; start += 25_000) {
    let orderRows = '';
    let itemRows = '';
    for (let i = start; i < Math.min(ORDERS, start + 25_000); i++) {
      const id = `ord_bench${String(i).padStart(8, '0')}`;
      const placedAt = new Date(firstAt + Math.floor((i * span) / ORDERS));
      const completedAt = new Date(placedAt.getTime() + 2 * DAY);
      const seller = enrollmentIds[Math.abs(Math.imul(i, 2654435761)) % PARTNERS]!;
      let subtotal = 0;
      for (let line = 1; line <= ITEMS_PER_ORDER; line++) {
        const product = (i * 13 + line * 101) % PRODUCTS;
        const quantity = 1 + ((i + line) % 3);
        const price = priceOf(product);
        const discount = line === 1 && i % 5 === 0 ? 5_000 : 0;
        subtotal += quantity * price - discount;
        itemRows += `${org.id}\t${id}\t${line}\tprd_bench${product}\tSKU-${product}\tSản phẩm ${product}\t${productCategory(product)}\t${quantity}\t${price}\t${discount}\t${50_000 + (product % 40) * 2_500}\n`;
      }
      const orderDiscount = i % 10 === 0 ? 20_000 : 0;
      orderRows += `${org.id}\t${id}\tapi\tB-${i}\tB-${i}\t${programId}\t${seller}\tpartner_code\t{}\tVND\t${subtotal}\t${orderDiscount}\t${subtotal - orderDiscount}\tcompleted\tpaid\t${placedAt.toISOString()}\t${completedAt.toISOString()}\n`;
    }
    await database.transaction(async (session) => {
      await session.copyFrom(
        'copy orders (org_id, id, source, external_id, number, program_id, enrollment_id, attribution_method, attribution_evidence, currency, subtotal_minor, discount_minor, total_minor, status, payment_status, placed_at, completed_at) from stdin',
        orderRows,
      );
      await session.copyFrom(
        'copy order_items (org_id, order_id, line_no, product_id, sku, name, category_id, quantity, unit_price_minor, discount_minor, unit_cost_minor) from stdin',
        itemRows,
      );
    });
  }
  await database.query('vacuum analyze orders');
  await database.query('vacuum analyze order_items');
  const [{ items } = { items: '0' }] = await database.query<{ items: string }>(
    'select count(*)::text as items from order_items',
  );
  print(
    `orders written by COPY (${ORDERS} orders, ${items} order lines)`,
    (performance.now() - started) / 1000,
    's',
  );

  // ---- the bulk computation ----------------------------------------------------------------------
  await database.query('checkpoint');
  started = performance.now();
  const result = await computeOrdersBulk(ctx, { programId });
  const bulkSeconds = (performance.now() - started) / 1000;
  const bulkRate = result.lines / bulkSeconds;
  print('order lines computed', Number(items), 'lines');
  print('commission lines computed', result.lines, 'lines');
  print('ledger entries written', result.entries, 'entries');
  print('bulk compute', Math.round(bulkRate), 'lines/s');
  print('bulk compute (order lines)', Math.round(Number(items) / bulkSeconds), 'order lines/s');
  print('bulk compute time', bulkSeconds, 's');

  const [check] = await database.query<Record<string, string>>(
    `select (select count(*) from commission_lines)::text as lines,
            (select count(*) from ledger_entries)::text as entries,
            (select coalesce(sum(amount_minor), 0) from commission_lines where status not in ('void', 'rejected'))::text as line_sum,
            (select coalesce(sum(amount_minor), 0) from ledger_entries)::text as ledger_sum,
            (select count(distinct order_id) from commission_lines)::text as orders,
            (select string_agg(kind || '=' || n, ' ' order by kind) from
               (select kind, count(*) as n from commission_lines group by kind) k) as kinds`,
  );
  print('check: commission lines stored', `${check!.lines} (expected ${result.lines})`);
  print('check: ledger entries stored', `${check!.entries} (expected ${result.entries})`);
  print('check: orders with lines', `${check!.orders} (expected ${ORDERS})`);
  print('check: sum of lines', check!.line_sum ?? '', 'VND');
  print('check: sum of ledger entries', check!.ledger_sum ?? '', 'VND');
  print('check: lines by kind', check!.kinds ?? '');
  print(
    'check',
    check!.lines === String(result.lines) &&
      check!.entries === String(result.entries) &&
      check!.orders === String(ORDERS) &&
      check!.line_sum === check!.ledger_sum
      ? 'ok'
      : 'FAILED',
  );
  started = performance.now();
  const rerun = await computeOrdersBulk(ctx, { programId });
  print('rerun: lines written', rerun.lines, 'lines');
  print('rerun time', (performance.now() - started) / 1000, 's');

  // ---- the floor: the same number of flat-rate lines and entries, INSERT … SELECT ---------------
  await database.query('truncate commission_lines, ledger_entries');
  await database.query('checkpoint');
  started = performance.now();
  await database.query(
    `insert into commission_lines (org_id, id, enrollment_id, program_id, plan_version_id, rule_id, kind, order_id,
                                   line_no, source_key, level, currency, base_minor, rate_ppm, amount_minor, rounding,
                                   status, explanation, hold_until, earned_at, created_at, updated_at)
     select o.org_id, 'cml_f' || g.n || substr(i.order_id, 5) || i.line_no, o.enrollment_id, o.program_id, null,
            'flat', 'basic', o.id, i.line_no, 'f:' || o.id || ':' || i.line_no || ':' || g.n, 0, o.currency,
            x.net, 100000, (x.net * 100000 + 500000) / 1000000, 'half_up', 'on_hold',
            jsonb_build_object(
              'rule', jsonb_build_object('id', 'flat', 'name', '', 'kind', 'basic'),
              'scope', jsonb_build_object('kind', 'all'),
              'base', jsonb_build_object('of', 'line_net', 'amountMinor', x.net::text, 'quantity', i.quantity,
                                         'unitPriceMinor', i.unit_price_minor::text,
                                         'lineDiscountMinor', i.discount_minor::text, 'orderDiscountShareMinor', '0'),
              'calc', jsonb_build_object('type', 'percent', 'ratePpm', '100000'),
              'exact', (x.net * 100000)::text || '/1000000', 'rounding', 'half_up'),
            o.completed_at + interval '30 days', o.placed_at, now(), now()
       from generate_series(1, 3) as g(n)
       join order_items i on true
       join orders o on o.org_id = i.org_id and o.id = i.order_id
       cross join lateral (select i.quantity::bigint * i.unit_price_minor - i.discount_minor as net) x
      limit $1`,
    [result.lines],
  );
  await database.query(
    `insert into ledger_entries (org_id, id, enrollment_id, currency, bucket, amount_minor, kind, commission_line_id,
                                 order_id, idempotency_key)
     select org_id, 'led_' || substr(id, 5), enrollment_id, currency, 'on_hold', amount_minor, 'accrual', id, order_id,
            id || ':1'
       from commission_lines limit $1`,
    [result.entries],
  );
  const floorSeconds = (performance.now() - started) / 1000;
  const floorRate = result.lines / floorSeconds;
  const [floorCheck] = await database.query<{ lines: string; entries: string }>(
    'select (select count(*) from commission_lines)::text as lines, (select count(*) from ledger_entries)::text as entries',
  );
  print('SQL floor', Math.round(floorRate), 'lines/s');
  print('SQL floor time', floorSeconds, 's');
  print('SQL floor rows', `${floorCheck!.lines} lines, ${floorCheck!.entries} ledger entries`);
  print('ratio to floor', bulkRate / floorRate, 'x');
} finally {
  await stopJobs();
  await database.close();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
