/**
 * Order ingestion on PostgreSQL: 100,000 orders (2–3 items each; a mix of referral codes, coupons,
 * clicks and repeat customers) sent over HTTP to `POST /api/v1/orders/batch` (1,000 per request,
 * BENCH_CONCURRENCY requests in flight) through the whole app: authentication, validation, catalog
 * match, customer matching, attribution and the writes. Then every order is delivered again and the
 * rows added are counted (must be 0). The baseline, in the same run, is a plain multi-row INSERT of
 * the same orders and items (no look-ups, no attribution) into copies of the tables.
 * Uses BENCH_DATABASE_URL or DATABASE_URL (default postgres://postgres@127.0.0.1:5432/) to create a
 * fresh database, and drops it at the end.
 */
import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import pg from 'pg';
import { buildApp, createServices } from '../server/src/app';
import { createApiKey } from '../server/src/modules/api-keys';
import { createOrganisation } from '../server/src/modules/orgs';
import { createEnrollment, createPartnerAccount } from '../server/src/modules/partners';
import { programs } from '../server/src/modules/programs';
import type { Config } from '../server/src/platform/config';
import { openDatabase } from '../server/src/platform/db';
import { newId } from '../server/src/platform/ids';
import { createLogger } from '../server/src/platform/logger';
import { freePort, print } from './load';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const BATCH = 1000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 2);
const PARTNERS = 200;
const PRODUCTS = 500;
const CUSTOMERS = Math.max(1000, Math.floor(ORDERS * 0.4));
const serverUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';
const name = `kenh_bench_orders_${process.pid}`;
const withDb = (url: string, db: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${db}`;
  return parsed.toString();
};

const admin = new pg.Client({ connectionString: withDb(serverUrl, 'postgres') });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const database = await openDatabase({ databaseUrl: withDb(serverUrl, name), poolSize: 10 });
let closeServer = async () => {};
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
  const { org } = await createOrganisation(services, {
    name: 'Bench',
    owner: { email: 'owner@bench.vn', fullName: 'Chủ Bench', password: 'mat-khau-an-toan-2026' },
  });
  const ctx = { orgId: org.id, services, actor: { type: 'system' as const, label: 'Bench' } };
  const { secret } = await createApiKey(ctx, { name: 'Bench', role: 'owner' });
  const now = new Date();
  const programId = newId('program');
  await services.db.insert(programs).values({
    orgId: org.id,
    id: programId,
    name: 'CTV bán lẻ',
    slug: 'ctv',
    pageCode: 'BENCHO',
    currency: 'VND',
    status: 'active',
    cookieDays: 30,
    joinForm: [{ key: 'fullName', required: true }],
    autoApprove: { enabled: false },
    createdAt: now,
    updatedAt: now,
  });

  // ---- seed: partners, coupons, clicks, products ------------------------------------------------
  let started = performance.now();
  const enrollmentIds: string[] = [];
  const codes: string[] = [];
  for (let i = 0; i < PARTNERS; i++) {
    const { partner, identity } = await createPartnerAccount(services, services.db, {
      fullName: `Cộng Tác Viên ${i}`,
      email: `ctv${i}@bench.vn`,
    });
    const enrollment = await createEnrollment(ctx, services.db, {
      programId,
      partnerId: partner.id,
      fullName: identity.fullName,
      source: 'staff',
      status: 'approved',
      referralCode: `CTV${String(i).padStart(4, '0')}`,
    });
    enrollmentIds.push(enrollment.id);
    codes.push(enrollment.referralCode);
  }
  const coupons = enrollmentIds.map((_, i) => `GIAM${String(i).padStart(4, '0')}`);
  await database.query(
    `insert into coupons (org_id, id, program_id, enrollment_id, code)
     select $1, 'cpn_bench' || i, $2, e, c from unnest($3::text[], $4::text[]) with ordinality as t(e, c, i)`,
    [org.id, programId, enrollmentIds, coupons],
  );
  const clickIds = Array.from({ length: 20_000 }, (_, i) => `clk_bench${String(i).padStart(6, '0')}`);
  await database.query(
    `insert into clicks (org_id, id, link_id, program_id, enrollment_id, created_at, ip_hash, device_type, is_unique)
     select $1, c, 'lnk_bench', $2, ($3::text[])[1 + (i % $4)], now() - (i % 40) * interval '1 day', md5(c), 'mobile', true
     from unnest($5::text[]) with ordinality as t(c, i)`,
    [org.id, programId, enrollmentIds, PARTNERS, clickIds],
  );
  await database.query(
    `insert into products (org_id, id, sku, name, currency, price_minor, cost_minor)
     select $1, 'prd_bench' || i, 'SKU-' || i, 'Sản phẩm ' || i, 'VND', 100000 + i * 1000, 60000 + i * 500
     from generate_series(1, $2::int) as i`,
    [org.id, PRODUCTS],
  );
  print(
    `seed ${PARTNERS} partners, ${PARTNERS} coupons, ${clickIds.length} clicks, ${PRODUCTS} products`,
    (performance.now() - started) / 1000,
    's',
  );

  // ---- the orders -------------------------------------------------------------------------------
  const orderBodies = Array.from({ length: ORDERS }, (_, i) => {
    const kind = i % 10;
    const customer = Math.abs(Math.imul(i, 2654435761)) % CUSTOMERS;
    const items = Array.from({ length: 2 + (i % 2) }, (_, line) => ({
      sku: `SKU-${1 + ((i + line * 37) % (PRODUCTS + 20))}`,
      quantity: 1 + ((i + line) % 3),
      unitPriceMinor: String(100_000 + ((i + line) % 50) * 1000),
      ...(line === 0 && i % 4 === 0 ? { discountMinor: '5000' } : {}),
    }));
    return {
      source: 'api',
      externalId: `B-${i}`,
      currency: 'VND',
      placedAt: new Date(now.getTime() - (ORDERS - i) * 1000).toISOString(),
      customer: { name: `Khách ${customer}`, phone: `09${String(10_000_000 + customer).padStart(8, '0')}` },
      items,
      shippingMinor: '30000',
      ...(kind < 3 ? { partnerCode: codes[i % PARTNERS] } : {}),
      ...(kind >= 3 && kind < 5 ? { couponCode: coupons[i % PARTNERS] } : {}),
      ...(kind >= 5 && kind < 8 ? { clickId: clickIds[i % clickIds.length] } : {}),
      ...(kind === 8 ? { paymentMethod: 'cod' } : {}),
    };
  });

  const port = await freePort();
  const server = createServer(getRequestListener(app.fetch)).listen(port, '127.0.0.1');
  closeServer = () => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  const headers = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' };
  const deliverAll = async () => {
    let next = 0;
    let created = 0;
    let failed = 0;
    const worker = async () => {
      while (next < orderBodies.length) {
        const slice = orderBodies.slice(next, next + BATCH);
        next += BATCH;
        const response = await fetch(`http://127.0.0.1:${port}/api/v1/orders/batch`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ orders: slice }),
        });
        if (response.status !== 200)
          throw new Error(`batch answered ${response.status}: ${await response.text()}`);
        const result = (await response.json()) as {
          created: number;
          failed: number;
          results: Array<{ error?: { message: string } }>;
        };
        created += result.created;
        failed += result.failed;
        if (result.failed > 0 && failed === result.failed)
          console.error(result.results.find((r) => r.error)?.error);
      }
    };
    const startedAt = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return { ms: performance.now() - startedAt, created, failed };
  };
  const countRows = async () => {
    const [row] = await database.query<Record<string, string>>(
      `select (select count(*) from orders) as orders, (select count(*) from order_items) as items,
              (select count(*) from order_events) as events, (select count(*) from customers) as customers,
              (select count(*) from customer_refs) as refs`,
    );
    return Object.values(row!).reduce((sum, value) => sum + Number(value), 0);
  };

  const first = await deliverAll();
  const attributed = await database.query<{ method: string; n: string }>(
    'select attribution_method as method, count(*) as n from orders group by 1 order by 1',
  );
  print(
    `orders ingested (${ORDERS} over HTTP batches of ${BATCH}, ${CONCURRENCY} in flight)`,
    first.created,
    'orders',
  );
  print('orders refused', first.failed, 'orders');
  print('orders by attribution', attributed.map((row) => `${row.method}=${row.n}`).join(' '));
  print('orders_per_second', Math.round(ORDERS / (first.ms / 1000)), 'orders/s');

  const before = await countRows();
  const second = await deliverAll();
  const after = await countRows();
  print('second delivery of every order', second.ms / 1000, 's');
  print('second delivery orders created', second.created, 'orders');
  print('rows added by the second delivery', after - before, 'rows');

  // ---- baseline: the same rows, plain multi-row INSERTs, no look-ups ------------------------------
  await database.query('create table bench_orders (like orders including defaults)');
  await database.query('create table bench_items (like order_items including defaults)');
  started = performance.now();
  const client = new pg.Client({ connectionString: withDb(serverUrl, name) });
  await client.connect();
  for (let start = 0; start < ORDERS; start += 500) {
    const slice = orderBodies.slice(start, start + 500);
    const orderValues: unknown[] = [];
    const orderRows: string[] = [];
    const itemValues: unknown[] = [];
    const itemRows: string[] = [];
    for (const body of slice) {
      const id = newId('order');
      const subtotal = body.items.reduce(
        (sum, item) =>
          sum + BigInt(item.quantity) * BigInt(item.unitPriceMinor) - BigInt(item.discountMinor ?? '0'),
        0n,
      );
      const p = orderValues.length;
      orderValues.push(
        org.id,
        id,
        body.externalId,
        body.externalId,
        body.customer.phone,
        subtotal.toString(),
        (subtotal + 30_000n).toString(),
        body.placedAt,
      );
      orderRows.push(
        `($${p + 1}, $${p + 2}, 'api', $${p + 3}, $${p + 4}, 'none', '{}', $${p + 5}, 'VND', $${p + 6}, 30000, $${p + 7}, 'pending', 'unpaid', $${p + 8})`,
      );
      body.items.forEach((item, line) => {
        const q = itemValues.length;
        itemValues.push(org.id, id, line + 1, item.sku, item.sku, item.quantity, item.unitPriceMinor);
        itemRows.push(`($${q + 1}, $${q + 2}, $${q + 3}, $${q + 4}, $${q + 5}, $${q + 6}, $${q + 7})`);
      });
    }
    await client.query('begin');
    await client.query(
      `insert into bench_orders (org_id, id, source, external_id, number, attribution_method, attribution_evidence, customer_phone, currency, subtotal_minor, shipping_minor, total_minor, status, payment_status, placed_at) values ${orderRows.join(', ')}`,
      orderValues,
    );
    await client.query(
      `insert into bench_items (org_id, order_id, line_no, sku, name, quantity, unit_price_minor) values ${itemRows.join(', ')}`,
      itemValues,
    );
    await client.query('commit');
  }
  await client.end();
  const baselineMs = performance.now() - started;
  const baselineRate = ORDERS / (baselineMs / 1000);
  print(
    `baseline plain multi-row INSERT of ${ORDERS} orders and their items`,
    Math.round(baselineRate),
    'orders/s',
  );
  print('ratio (ingestion / baseline)', ORDERS / (first.ms / 1000) / baselineRate);
} finally {
  await closeServer();
  await stopJobs();
  await database.close();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
