import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnrollment, createTestProgram } from '../../../../test/enrollment-fixtures';
import { apiCall, createTestApiKey, createTestOrg, systemContext } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { newId } from '../../platform/ids';
import { parseCsv } from '../../platform/spreadsheet';
import { productCategories } from '../catalog';
import { orderItems, orders } from '../orders/schema';
import { recomputeOrderCommissions } from './recompute-order';

const env = await createTestEnv();
const { org } = await createTestOrg(env, { name: 'Thảo Dược Xanh' });
const owner = apiCall(env, (await createTestApiKey(env, org.id, 'owner', 'Chủ')).secret);
const accountant = apiCall(env, (await createTestApiKey(env, org.id, 'accountant', 'Kế toán')).secret);
const care = apiCall(env, (await createTestApiKey(env, org.id, 'care_staff', 'CSKH')).secret);
const program = await createTestProgram(env, org.id);
const upline = await createTestEnrollment(env, org.id, { programId: program.id, status: 'approved' });
const seller = await createTestEnrollment(env, org.id, {
  programId: program.id,
  status: 'approved',
  uplineReferralCode: upline.enrollment.referralCode,
});

const RULES = [
  {
    id: 'base',
    name: 'CK cơ bản 10%',
    kind: 'basic',
    scope: { kind: 'all' },
    calc: { type: 'percent', ratePpm: '100000' },
  },
  {
    id: 'tea',
    name: 'Trà 12%',
    kind: 'basic',
    scope: { kind: 'category', categoryId: 'cat_tea' },
    calc: { type: 'percent', ratePpm: '120000' },
  },
  {
    id: 'cup',
    name: 'Tặng kèm ly',
    kind: 'addon',
    mainProductId: 'prd_tea',
    addonProductId: 'prd_cup',
    calc: { type: 'fixed_per_order', amountMinor: '15000' },
  },
  { id: 'ref', name: 'REF 5%', kind: 'override', levels: [{ basis: 'sale', ratePpm: '50000' }] },
];

await env.services.db.insert(productCategories).values({ orgId: org.id, id: 'cat_tea', name: 'Trà' });
const plan = await (await owner('POST', '/api/v1/commission-plans', { programId: program.id })).json();

describe('commission plans API', () => {
  it('refuses a plan with two override levels that nobody acknowledged, naming the setting', async () => {
    const response = await owner('PUT', `/api/v1/commission-plans/${plan.id}/draft`, {
      plan: {
        settings: { overrideDepth: 2 },
        rules: [{ id: 'ref', kind: 'override', levels: [{ basis: 'sale', ratePpm: '50000' }] }],
      },
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.details).toContainEqual({
      path: 'settings.multiLevelAcknowledged',
      message: expect.stringContaining('40% of revenue'),
    });
  });

  it('saves a draft, publishes it, and lists the versions', async () => {
    const draft = await owner('PUT', `/api/v1/commission-plans/${plan.id}/draft`, {
      plan: { settings: {}, rules: RULES },
      note: 'Kế hoạch tháng 11',
    });
    expect(draft.status).toBe(200);
    expect((await draft.json()).status).toBe('draft');
    const effectiveFrom = new Date(env.clock.now().getTime() - 86_400_000).toISOString();
    const published = await owner('POST', `/api/v1/commission-plans/${plan.id}/publish`, { effectiveFrom });
    expect(published.status).toBe(200);
    const current = await (await owner('GET', `/api/v1/commission-plans/${plan.id}`)).json();
    expect(current.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [1, 'published'],
    ]);
    expect(current.currentVersionId).toBe(current.versions[0].id);
    expect(
      (await owner('POST', `/api/v1/commission-plans/${plan.id}/publish`, { effectiveFrom })).status,
    ).toBe(404);
  });

  it('simulates an order without writing anything', async () => {
    const response = await owner('POST', `/api/v1/commission-plans/${plan.id}/simulate`, {
      versionId: (await (await owner('GET', `/api/v1/commission-plans/${plan.id}`)).json()).currentVersionId,
      items: [
        { productId: 'prd_tea', categoryPath: ['cat_tea'], quantity: 2, unitPriceMinor: '250000' },
        { productId: 'prd_cup', quantity: 1, unitPriceMinor: '50000' },
      ],
      uplineGroupIds: [null],
    });
    expect(response.status).toBe(200);
    const result = await response.json();
    // 12% of 500.000 + 10% of 50.000 + 15.000 add-on + 5% of 550.000 to the upline
    expect(result.lines.map((l: { kind: string; amountMinor: string }) => [l.kind, l.amountMinor])).toEqual([
      ['basic', '60000'],
      ['basic', '5000'],
      ['addon', '15000'],
      ['override', '27500'],
    ]);
    expect(result.totalMinor).toBe('107500');
    // the category rule names its category, as a recorded line's explanation does
    expect(result.lines[0].explanation.scope).toEqual({
      kind: 'category',
      categoryId: 'cat_tea',
      name: 'Trà',
    });
    const lines = await (await owner('GET', '/api/v1/commissions')).json();
    expect(lines.items).toEqual([]);
  });
});

const orderId = newId('order');
await env.services.db.insert(orders).values({
  orgId: org.id,
  id: orderId,
  source: 'api',
  externalId: orderId,
  number: 'DH-1',
  programId: program.id,
  enrollmentId: seller.enrollment.id,
  attributionMethod: 'partner_code',
  attributionEvidence: {},
  currency: 'VND',
  subtotalMinor: 300_000n,
  totalMinor: 300_000n,
  status: 'completed',
  completedAt: env.clock.now(),
  paymentStatus: 'paid',
  placedAt: env.clock.now(),
});
await env.services.db.insert(orderItems).values({
  orgId: org.id,
  orderId,
  lineNo: 1,
  productId: 'prd_tea',
  categoryId: null,
  sku: 'TRA-1',
  name: 'Trà sen',
  quantity: 3,
  unitPriceMinor: 100_000n,
});

describe('commission lines API', () => {
  beforeAll(async () => {
    await env.services.db.transaction((tx) =>
      recomputeOrderCommissions(systemContext(env, org.id), tx, orderId),
    );
  });

  const byKind = (items: { kind: string }[]) => [...items].sort((a, b) => a.kind.localeCompare(b.kind));

  it('lists an order’s lines with their explanation', async () => {
    const page = await (await accountant('GET', `/api/v1/commissions?orderId=${orderId}`)).json();
    const lines = byKind(page.items) as { id: string; kind: string; amountMinor: string; status: string }[];
    expect(lines.map((l) => [l.kind, l.amountMinor, l.status])).toEqual([
      ['basic', '30000', 'on_hold'],
      ['override', '15000', 'on_hold'],
    ]);
    // the version that produced each line, by its number
    expect(page.items.map((l: { planVersion: number }) => l.planVersion)).toEqual([1, 1]);
    // who earns each line and on which order, as people know them
    for (const line of page.items as { partnerName: string; referralCode: string; orderNumber: string }[]) {
      expect(line.partnerName).toEqual(expect.any(String));
      expect(line.referralCode).toEqual(expect.any(String));
      expect(line.orderNumber).toBe('DH-1');
    }
    expect(new Set(page.items.map((l: { referralCode: string }) => l.referralCode)).size).toBe(2);
    const one = await (await accountant('GET', `/api/v1/commissions/${lines[0]!.id}`)).json();
    expect(one.explanation).toMatchObject({
      rule: { id: 'base', name: 'CK cơ bản 10%', kind: 'basic' },
      base: { of: 'line_net', amountMinor: '300000', quantity: 3 },
      calc: { type: 'percent', ratePpm: '100000' },
      rounding: 'half_up',
    });
    expect((await accountant('GET', '/api/v1/commissions/cml_missing')).status).toBe(404);
  });

  it('exports the filtered lines and ledger entries as CSV and XLSX, amounts in units, rates in percent', async () => {
    const csv = await accountant('GET', `/api/v1/commissions/export.csv?orderId=${orderId}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="commissions-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = Buffer.from(await csv.arrayBuffer());
    // UTF-8 with its byte order mark, so Excel reads Vietnamese
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith('Line ID,Earned at,Partner,Referral code,Enrollment ID,Kind,Level,Order,')).toBe(
      true,
    );
    const [header, ...rows] = parseCsv(text);
    const column = (row: string[], title: string) => row[header!.indexOf(title)];
    const picked = rows
      .map((row) =>
        [
          'Kind',
          'Level',
          'Order',
          'Rule',
          'Plan version',
          'Base',
          'Rate %',
          'Amount',
          'Currency',
          'Status',
        ].map((title) => column(row, title)),
      )
      .sort((a, b) => a[0]!.localeCompare(b[0]!));
    expect(picked).toEqual([
      ['basic', '0', 'DH-1', 'CK cơ bản 10%', '1', '300000', '10', '30000', 'VND', 'on_hold'],
      ['override', '1', 'DH-1', 'REF 5%', '1', '300000', '5', '15000', 'VND', 'on_hold'],
    ]);
    expect(rows.map((row) => column(row, 'Referral code')).sort()).toEqual(
      [seller.enrollment.referralCode, upline.enrollment.referralCode].sort(),
    );

    // the same filter on the ledger: one accrual per line, on hold
    const ledger = await accountant('GET', `/api/v1/ledger/export.xlsx?orderId=${orderId}`);
    expect(ledger.status).toBe(200);
    expect(ledger.headers.get('content-type')).toContain('spreadsheetml');
    const { readSheet } = await import('read-excel-file/node');
    const [titles, ...entries] = await readSheet(Buffer.from(await ledger.arrayBuffer()));
    const cell = (row: unknown[], title: string) => row[titles!.indexOf(title)];
    expect(
      entries
        .map((row) => [cell(row, 'Bucket'), cell(row, 'Kind'), cell(row, 'Amount'), cell(row, 'Order')])
        .sort(),
    ).toEqual([
      ['on_hold', 'accrual', '15000', 'DH-1'],
      ['on_hold', 'accrual', '30000', 'DH-1'],
    ]);

    // a filter matching nothing gives the header alone; a bad filter is refused
    const none = await (await accountant('GET', '/api/v1/commissions/export.csv?orderId=ord_none')).text();
    expect(parseCsv(none)).toHaveLength(1);
    expect((await accountant('GET', '/api/v1/commissions/export.csv?status=paid_twice')).status).toBe(400);
  });

  it('lets accountants approve by filter (payable at once) and refuses rejections without a reason', async () => {
    expect(
      (await care('POST', '/api/v1/commissions/decisions', { decision: 'approve', filter: { orderId } }))
        .status,
    ).toBe(403);
    const noReason = await accountant('POST', '/api/v1/commissions/decisions', {
      decision: 'reject',
      filter: { orderId },
    });
    expect(noReason.status).toBe(400);
    // what the decision would cover, shown before it is made: two undecided lines, 45.000 ₫
    const summary = async () =>
      (await accountant('GET', `/api/v1/commissions/undecided-summary?orderId=${orderId}`)).json();
    expect(await summary()).toEqual({
      lines: 2,
      totals: [{ currency: 'VND', amountMinor: '45000' }],
      maxPerDecision: 5000,
    });
    const approved = await accountant('POST', '/api/v1/commissions/decisions', {
      decision: 'approve',
      filter: { orderId, status: ['on_hold'] },
    });
    expect(await approved.json()).toEqual({ decided: 2, skipped: [] });
    expect(await summary()).toEqual({ lines: 0, totals: [], maxPerDecision: 5000 });
    const again = await (
      await accountant('POST', '/api/v1/commissions/decisions', { decision: 'approve', filter: { orderId } })
    ).json();
    expect(again.decided).toBe(0);
    expect(again.skipped.map((s: { reason: string }) => s.reason)).toEqual([
      'already_approved',
      'already_approved',
    ]);
    const balance = await (await accountant('GET', `/api/v1/partners/${seller.partner.id}/balance`)).json();
    expect(balance.items).toEqual([
      {
        enrollmentId: seller.enrollment.id,
        programId: program.id,
        currency: 'VND',
        balances: {
          pending: '0',
          on_hold: '0',
          payable: '30000',
          in_payment: '0',
          paid: '0',
          withheld: '0',
          store_credit: '0',
          deposit: '0',
        },
      },
    ]);
  });

  it('adds an incidental penalty that waits for approval, then nets off the payable balance', async () => {
    const created = await owner('POST', '/api/v1/commissions/incidental', {
      enrollmentId: seller.enrollment.id,
      amountMinor: '-5000',
      reason: 'Giao sai địa chỉ khách',
      reference: 'phat-2026-11-01',
    });
    expect(created.status).toBe(201);
    const line = await created.json();
    expect(line).toMatchObject({ kind: 'incidental', status: 'review', amountMinor: '-5000' });
    const repeat = await (
      await owner('POST', '/api/v1/commissions/incidental', {
        enrollmentId: seller.enrollment.id,
        amountMinor: '-5000',
        reason: 'Giao sai địa chỉ khách',
        reference: 'phat-2026-11-01',
      })
    ).json();
    expect(repeat.id).toBe(line.id);
    await accountant('POST', '/api/v1/commissions/decisions', { decision: 'approve', lineIds: [line.id] });
    const balance = await (await accountant('GET', `/api/v1/partners/${seller.partner.id}/balance`)).json();
    expect(balance.items[0].balances.payable).toBe('25000');
    const ledger = await (
      await accountant('GET', `/api/v1/ledger?enrollmentId=${seller.enrollment.id}&bucket=payable`)
    ).json();
    expect(ledger.items.map((e: { amountMinor: string }) => e.amountMinor).sort()).toEqual([
      '-5000',
      '30000',
    ]);
    // each entry names the partner, and its order by number
    for (const entry of ledger.items)
      expect(entry).toMatchObject({
        referralCode: seller.enrollment.referralCode,
        partnerName: expect.any(String),
      });
    expect(ledger.items.some((e: { orderNumber: string | null }) => e.orderNumber === 'DH-1')).toBe(true);
  });
});

describe('publishing a version in force from a moment already past', () => {
  it('queues the orders placed since for recomputation, which corrects their lines without editing them', async () => {
    const before = (await (await accountant('GET', `/api/v1/commissions?orderId=${orderId}`)).json())
      .items as {
      id: string;
    }[];
    const rules = RULES.map((rule) =>
      rule.id === 'base'
        ? { ...rule, name: 'CK cơ bản 12%', calc: { type: 'percent', ratePpm: '120000' } }
        : rule,
    );
    await owner('PUT', `/api/v1/commission-plans/${plan.id}/draft`, { plan: { settings: {}, rules } });
    const effectiveFrom = new Date(env.clock.now().getTime() - 3_600_000).toISOString();
    const published = await owner('POST', `/api/v1/commission-plans/${plan.id}/publish`, { effectiveFrom });
    expect(published.status).toBe(200);
    const version = await published.json();
    // DH-1, placed within the hour, was computed under version 1
    expect(version).toMatchObject({ version: 2, status: 'published', ordersToRecompute: 1 });
    await env.services.jobs.drain();

    const after = (await (await accountant('GET', `/api/v1/commissions?orderId=${orderId}&order=asc`)).json())
      .items as {
      id: string;
      kind: string;
      amountMinor: string;
      planVersionId: string;
      planVersion: number;
      enrollmentId: string;
    }[];
    // the lines already there are untouched; one correction brings the seller from 10% to 12% of 300.000 ₫
    for (const line of before) expect(after.some((l) => l.id === line.id)).toBe(true);
    const added = after.filter((line) => !before.some((b) => b.id === line.id));
    expect(added.map((line) => [line.kind, line.amountMinor, line.planVersionId, line.planVersion])).toEqual([
      ['correction', '6000', version.id, 2],
    ]);
    const sellerTotal = after
      .filter((line) => line.enrollmentId === seller.enrollment.id)
      .reduce((sum, line) => sum + BigInt(line.amountMinor), 0n);
    expect(sellerTotal).toBe(36_000n);

    // a version in force from now on leaves past orders alone
    await owner('PUT', `/api/v1/commission-plans/${plan.id}/draft`, { plan: { settings: {}, rules: RULES } });
    const later = await owner('POST', `/api/v1/commission-plans/${plan.id}/publish`, {
      effectiveFrom: new Date(env.clock.now().getTime() + 86_400_000).toISOString(),
    });
    expect((await later.json()).ordersToRecompute).toBe(0);
  });
});
