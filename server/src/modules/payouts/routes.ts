import { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { AppError, notFound } from '../../platform/errors';
import { createRouter } from '../../platform/http/app';
import { body, json, pathId } from '../../platform/http/openapi';
import { defineRoute } from '../../platform/http/route';
import { parseSpreadsheet } from '../../platform/spreadsheet';
import { enrollments } from '../partners';
import { getProgramById } from '../programs';
import { programs } from '../programs/schema';
import { approvePayoutBatch, cancelPayoutBatch } from './approve-batch';
import { buildPayoutBatch } from './build-batch';
import { batchBankFile, payoutVietQr } from './documents';
import { vietQrPng } from './formats';
import { listDeposits, recordDeposit } from './order-funds';
import { getPayout, getPayoutBatch, listPayoutBatches, toPayoutView, toWithdrawalView } from './queries';
import { PAYOUT_METHODS, PAYOUT_SCHEDULES, WITHDRAWAL_STATUSES } from './schema';
import { importBankStatement, markPayoutFailed, markPayoutsPaid } from './settle-payouts';
import { statementView } from './statement-view';
import { saveTaxRule, taxRuleOf } from './tax';
import { yearlyTaxReport } from './tax-report';
import { closeWithdrawal, listWithdrawals, payoutSettingsOf, savePayoutSettings } from './withdrawals';

const tags = ['Payouts'];
const minor = z
  .string()
  .regex(/^\d{1,18}$/, 'Minor units as a whole number')
  .openapi({ example: '2450000' });
const currency = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .openapi({ example: 'VND' });

const batchParams = z.object({ batchId: pathId('batchId', 'pbt_01jc8x0000abcdefghjkmnpqrs') });
const payoutParams = z.object({ payoutId: pathId('payoutId', 'pay_01jc8x0000abcdefghjkmnpqrs') });
const requestParams = z.object({
  withdrawalRequestId: pathId('withdrawalRequestId', 'wdr_01jc8x0000abcdefghjkmnpqrs'),
});

const totalsSchema = z.object({
  count: z.number().int(),
  grossMinor: minor,
  taxMinor: minor,
  netMinor: minor,
});
const payoutSchema = z
  .object({
    id: z.string(),
    batchId: z.string(),
    enrollmentId: z.string(),
    partnerId: z.string(),
    programId: z.string(),
    withdrawalRequestId: z.string().nullable(),
    payeeName: z.string(),
    currency: z.string(),
    grossMinor: minor,
    taxMinor: minor,
    netMinor: minor,
    taxReason: z
      .string()
      .openapi({ description: 'withheld, below_threshold, commitment, company or not_taxed' }),
    method: z.enum(PAYOUT_METHODS),
    status: z.enum(['draft', 'approved', 'paid', 'failed', 'cancelled']),
    reference: z.string().openapi({ description: 'The memo the transfer carries', example: 'KENH B7 P12' }),
    bank: z
      .object({ bin: z.string(), shortName: z.string().nullable(), accountLast4: z.string().nullable() })
      .nullable(),
    failureReason: z.string().nullable(),
    paidAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Payout');
const batchSchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    currency: z.string(),
    status: z.enum(['draft', 'approved', 'completed', 'cancelled']),
    filters: z.record(z.string(), z.unknown()),
    createdBy: z.string().nullable(),
    approvedBy: z.string().nullable(),
    approvedAt: z.string().nullable(),
    createdAt: z.string(),
    totals: totalsSchema,
  })
  .openapi('PayoutBatch');
const batchDetailSchema = batchSchema
  .extend({ byStatus: z.record(z.string(), z.number()), payouts: z.array(payoutSchema) })
  .openapi('PayoutBatchDetail');
export const withdrawalSchema = z
  .object({
    partner: z
      .object({ id: z.string(), fullName: z.string(), referralCode: z.string() })
      .optional()
      .openapi({ description: 'In staff lists' }),
    programName: z.string().optional(),
    id: z.string(),
    enrollmentId: z.string(),
    programId: z.string(),
    currency: z.string(),
    amountMinor: minor,
    method: z.enum(PAYOUT_METHODS),
    status: z.enum(WITHDRAWAL_STATUSES),
    payoutId: z.string().nullable(),
    reason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('WithdrawalRequest');
export const statementSchema = z
  .object({
    enrollmentId: z.string(),
    month: z.string(),
    period: z.object({ from: z.string(), to: z.string() }),
    currency: z.string(),
    openingMinor: z.string(),
    closingMinor: z.string(),
    totals: z.object({
      earnings: z.string(),
      reversals: z.string(),
      adjustments: z.string(),
      payouts: z.string(),
      taxWithheld: z.string(),
      netPaid: z.string(),
      storeCredit: z.string(),
    }),
    entries: z.array(
      z.object({
        at: z.string(),
        kind: z.enum(['earning', 'reversal', 'adjustment', 'payout', 'store_credit', 'other']),
        memo: z.string(),
        amountMinor: z.string(),
        taxMinor: z.string(),
      }),
    ),
  })
  .openapi('Statement');
const taxRuleSchema = z
  .object({
    enabled: z.boolean(),
    currency,
    ratePpm: z.number().int().min(0).max(1_000_000).openapi({ example: 100000, description: '100000 = 10%' }),
    thresholdMinor: minor.openapi({ example: '2000000' }),
  })
  .openapi('TaxRule');
const settleResultSchema = z.object({
  settled: z.array(z.string()),
  skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
  unknown: z.number().int().openapi({ description: 'Ids that name no payout of the organisation' }),
});
const fileBody = z
  .object({
    fileName: z.string().trim().min(1).max(200),
    contentBase64: z.string().min(1).max(14_000_000),
  })
  .strict();

const binary = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } },
});

const programParams = z.object({ programId: pathId('programId', 'prg_01jc8x0000abcdefghjkmnpqrs') });
const payoutSettingsSchema = z
  .object({
    schedule: z.enum(PAYOUT_SCHEDULES),
    methods: z.array(z.enum(PAYOUT_METHODS)).min(1).max(PAYOUT_METHODS.length),
    storeCreditBonusPpm: z
      .number()
      .int()
      .min(0)
      .max(500_000)
      .openapi({ description: 'Extra store credit in millionths: 50000 = 5%' }),
    depositAlertMinor: minor.nullable(),
    depositBlocksOrders: z.boolean(),
    bankFileTemplate: z
      .record(z.string(), z.unknown())
      .nullable()
      .openapi({ description: 'Columns of the bank file; null for the ready Vietnamese template' }),
  })
  .openapi('PayoutSettings');

const depositSchema = z
  .object({
    enrollmentId: z.string(),
    programId: z.string(),
    partner: z.object({ fullName: z.string(), referralCode: z.string() }),
    currency: z.string(),
    balanceMinor: z.string().openapi({ description: 'What is left of the deposit (negative: owed)' }),
    alertMinor: z.string().nullable(),
    belowAlert: z.boolean(),
    blocksOrders: z.boolean(),
  })
  .openapi('Deposit');

const routes = {
  listDeposits: defineRoute({
    method: 'get',
    path: '/api/v1/deposits',
    tags,
    summary:
      'Deposit (ký quỹ) balances of partners, lowest first, flagged below the program’s alert threshold',
    access: { permission: 'payouts.read' },
    request: { query: z.object({ programId: z.string().max(60).optional() }) },
    responses: { 200: json(z.object({ items: z.array(depositSchema) }), 'The deposits') },
  }),
  recordDeposit: defineRoute({
    method: 'post',
    path: '/api/v1/deposits',
    tags,
    summary: 'Record a deposit received from a partner (positive) or refunded (negative)',
    access: { permission: 'payouts.manage' },
    request: {
      body: body(
        z
          .object({
            enrollmentId: z.string().min(1).max(60),
            amountMinor: z
              .string()
              .regex(/^-?\d{1,18}$/, 'Minor units as a whole number')
              .openapi({ example: '5000000' }),
            memo: z.string().trim().min(1).max(300),
            reference: z.string().trim().min(1).max(100).openapi({
              description: 'Names the deposit (e.g. the bank transfer id): sent twice, recorded once',
            }),
          })
          .strict(),
      ),
    },
    responses: { 200: json(z.object({ balanceMinor: z.string() }), 'The deposit balance after it') },
  }),
  getSettings: defineRoute({
    method: 'get',
    path: '/api/v1/programs/{programId}/payout-settings',
    tags,
    summary: 'How a program pays: schedule, methods, store credit bonus, deposits, bank file template',
    access: { permission: 'payouts.read' },
    request: { params: programParams },
    responses: { 200: json(payoutSettingsSchema, 'The settings') },
  }),
  saveSettings: defineRoute({
    method: 'put',
    path: '/api/v1/programs/{programId}/payout-settings',
    tags,
    summary: 'Change how a program pays',
    access: { permission: 'payouts.manage' },
    request: { params: programParams, body: body(payoutSettingsSchema.strict()) },
    responses: { 200: json(payoutSettingsSchema, 'The settings') },
  }),
  listBatches: defineRoute({
    method: 'get',
    path: '/api/v1/payout-batches',
    tags,
    summary: 'Payout batches, newest first, with totals',
    access: { permission: 'payouts.read' },
    responses: { 200: json(z.object({ items: z.array(batchSchema) }), 'The batches') },
  }),
  buildBatch: defineRoute({
    method: 'post',
    path: '/api/v1/payout-batches',
    tags,
    summary: 'Build a draft batch from payable balances or withdrawal requests (nothing is paid yet)',
    access: { permission: 'payouts.manage' },
    request: {
      body: body(
        z
          .object({
            currency,
            source: z.enum(['requests', 'balances']),
            programId: z.string().max(60).optional(),
            enrollmentIds: z.array(z.string().min(1).max(60)).min(1).max(5000).optional(),
            cutOff: z.iso.datetime({ offset: true }).optional(),
            minimumMinor: minor.optional(),
            method: z.enum(['vietqr', 'bank_file', 'ewallet', 'cash']).optional(),
          })
          .strict(),
      ),
    },
    responses: {
      201: json(
        z.object({
          batch: batchDetailSchema,
          skipped: z.array(z.object({ enrollmentId: z.string(), reason: z.string() })),
        }),
        'The draft batch (the preview) and who was left out, with why',
      ),
    },
  }),
  getBatch: defineRoute({
    method: 'get',
    path: '/api/v1/payout-batches/{batchId}',
    tags,
    summary: 'One batch with its payouts: gross, tax and net per partner and in total',
    access: { permission: 'payouts.read' },
    request: { params: batchParams },
    responses: { 200: json(batchDetailSchema, 'The batch') },
  }),
  approveBatch: defineRoute({
    method: 'post',
    path: '/api/v1/payout-batches/{batchId}/approve',
    tags,
    summary: 'Approve a draft batch, exactly once (approving again changes nothing)',
    access: { permission: 'payouts.approve' },
    request: { params: batchParams },
    responses: {
      200: json(
        z.object({ batch: batchDetailSchema, alreadyApproved: z.boolean(), cancelled: z.number().int() }),
        'The approved batch',
      ),
    },
  }),
  cancelBatch: defineRoute({
    method: 'post',
    path: '/api/v1/payout-batches/{batchId}/cancel',
    tags,
    summary: 'Cancel a draft batch; its withdrawal requests wait for the next one',
    access: { permission: 'payouts.manage' },
    request: { params: batchParams },
    responses: { 200: json(batchDetailSchema, 'The cancelled batch') },
  }),
  bankFile: defineRoute({
    method: 'get',
    path: '/api/v1/payout-batches/{batchId}/bank-file',
    tags,
    summary: 'The bank batch file of a batch (CSV or XLSX), in the program’s template or the ready one',
    access: { permission: 'payouts.manage' },
    request: { params: batchParams, query: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }) },
    responses: {
      200: binary('application/octet-stream', 'The file'),
    },
  }),
  getPayout: defineRoute({
    method: 'get',
    path: '/api/v1/payouts/{payoutId}',
    tags,
    summary: 'One payout',
    access: { permission: 'payouts.read' },
    request: { params: payoutParams },
    responses: { 200: json(payoutSchema, 'The payout') },
  }),
  vietQr: defineRoute({
    method: 'get',
    path: '/api/v1/payouts/{payoutId}/vietqr',
    tags,
    summary: 'The VietQR payload (NAPAS EMVCo) of a payout, to pay it from any Vietnamese banking app',
    access: { permission: 'payouts.manage' },
    request: { params: payoutParams },
    responses: { 200: json(z.object({ payload: z.string(), reference: z.string() }), 'The payload text') },
  }),
  vietQrPng: defineRoute({
    method: 'get',
    path: '/api/v1/payouts/{payoutId}/vietqr.png',
    tags,
    summary: 'The VietQR code of a payout as a PNG image',
    access: { permission: 'payouts.manage' },
    request: { params: payoutParams },
    responses: { 200: binary('image/png', 'The QR code') },
  }),
  markPaid: defineRoute({
    method: 'post',
    path: '/api/v1/payouts/mark-paid',
    tags,
    summary: 'Mark approved payouts paid (one or many); marking again changes nothing',
    access: { permission: 'payouts.approve' },
    request: {
      body: body(
        z
          .object({
            payoutIds: z.array(z.string().min(1).max(60)).min(1).max(50_000),
            paidAt: z.iso.datetime({ offset: true }).optional(),
          })
          .strict(),
      ),
    },
    responses: { 200: json(settleResultSchema, 'What was marked, and what was not with why') },
  }),
  markFailed: defineRoute({
    method: 'post',
    path: '/api/v1/payouts/{payoutId}/fail',
    tags,
    summary: 'A payout the bank could not make: its amount goes back to the partner’s balance',
    access: { permission: 'payouts.approve' },
    request: {
      params: payoutParams,
      body: body(z.object({ reason: z.string().trim().min(1).max(500) }).strict()),
    },
    responses: { 200: json(settleResultSchema, 'The result') },
  }),
  importStatement: defineRoute({
    method: 'post',
    path: '/api/v1/payouts/statement-import',
    tags,
    summary: 'Mark payouts paid from the bank’s statement (CSV/XLSX), matched by the reference in the memo',
    description:
      'The file needs a memo column (Nội dung / Description / Memo) and may have an amount column (Số tiền / Amount); a row with an amount other than the payout’s net amount is reported, not applied.',
    access: { permission: 'payouts.approve' },
    request: { body: body(fileBody) },
    responses: {
      200: json(
        z.object({
          rows: z.array(
            z.object({ line: z.number().int(), reference: z.string().nullable(), outcome: z.string() }),
          ),
        }),
        'One outcome per row: paid, no_match, amount_mismatch, already_…',
      ),
    },
  }),
  listWithdrawals: defineRoute({
    method: 'get',
    path: '/api/v1/withdrawal-requests',
    tags,
    summary: 'Partners’ withdrawal requests, newest first',
    access: { permission: 'payouts.read' },
    request: {
      query: z.object({
        status: z.enum(WITHDRAWAL_STATUSES).optional(),
        enrollmentId: z.string().max(60).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
    },
    responses: { 200: json(z.object({ items: z.array(withdrawalSchema) }), 'The requests') },
  }),
  rejectWithdrawal: defineRoute({
    method: 'post',
    path: '/api/v1/withdrawal-requests/{withdrawalRequestId}/reject',
    tags,
    summary: 'Reject a withdrawal request not yet in a batch, with a reason',
    access: { permission: 'payouts.manage' },
    request: {
      params: requestParams,
      body: body(z.object({ reason: z.string().trim().min(1).max(500) }).strict()),
    },
    responses: { 200: json(withdrawalSchema, 'The rejected request') },
  }),
  getTaxRule: defineRoute({
    method: 'get',
    path: '/api/v1/tax-rules',
    tags,
    summary: 'The organisation’s personal income tax withholding rule (Vietnam: 10% from 2,000,000 ₫)',
    access: { permission: 'payouts.read' },
    responses: { 200: json(taxRuleSchema, 'The rule') },
  }),
  saveTaxRule: defineRoute({
    method: 'put',
    path: '/api/v1/tax-rules',
    tags,
    summary: 'Change the tax withholding rule',
    access: { permission: 'payouts.manage' },
    request: { body: body(taxRuleSchema.strict()) },
    responses: { 200: json(taxRuleSchema, 'The rule') },
  }),
  taxReport: defineRoute({
    method: 'get',
    path: '/api/v1/tax-report',
    tags,
    summary: 'Income paid and tax withheld per partner in a year (for withholding certificates)',
    access: { permission: 'payouts.read' },
    request: {
      query: z.object({
        year: z.coerce.number().int().min(2000).max(2100),
        format: z.enum(['json', 'csv', 'xlsx']).default('json'),
      }),
    },
    responses: {
      200: {
        description: 'The report',
        content: {
          'application/json': {
            schema: z.object({
              year: z.number().int(),
              rows: z.array(
                z.object({
                  partnerId: z.string(),
                  fullName: z.string(),
                  currency: z.string(),
                  payouts: z.number().int(),
                  grossMinor: z.string(),
                  taxMinor: z.string(),
                  netMinor: z.string(),
                }),
              ),
            }),
          },
          'text/csv': { schema: z.string() },
        },
      },
    },
  }),
  statement: defineRoute({
    method: 'get',
    path: '/api/v1/statements',
    tags,
    summary: 'A partner’s monthly statement (JSON or PDF)',
    access: { permission: 'payouts.read' },
    request: {
      query: z.object({
        enrollmentId: z.string().min(1).max(60),
        month: z.string().regex(/^\d{4}-\d{2}$/),
        currency: currency.optional(),
        format: z.enum(['json', 'pdf']).default('json'),
        locale: z.enum(['vi', 'en', 'th']).default('vi'),
      }),
    },
    responses: {
      200: {
        description: 'The statement',
        content: {
          'application/json': { schema: statementSchema },
          'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
        },
      },
    },
  }),
};

const STATEMENT_MEMO = [
  'nội dung',
  'noi dung',
  'mô tả',
  'diễn giải',
  'description',
  'memo',
  'details',
  'รายละเอียด',
];
const STATEMENT_AMOUNT = ['số tiền', 'so tien', 'ghi có', 'amount', 'credit', 'debit', 'จำนวนเงิน'];

const settingsView = (settings: Awaited<ReturnType<typeof payoutSettingsOf>>) => ({
  ...settings,
  depositAlertMinor: settings.depositAlertMinor?.toString() ?? null,
});

export const payoutRoutes = createRouter()
  .openapi(routes.listDeposits, async (c) =>
    c.json(
      { items: await listDeposits(c.get('tenant')!, c.get('services').db, c.req.valid('query').programId) },
      200,
    ),
  )
  .openapi(routes.recordDeposit, async (c) => {
    const ctx = c.get('tenant')!;
    const input = c.req.valid('json');
    const { db } = c.get('services');
    const [enrollment] = await db
      .select({ id: enrollments.id, currency: programs.currency })
      .from(enrollments)
      .innerJoin(programs, and(eq(programs.orgId, enrollments.orgId), eq(programs.id, enrollments.programId)))
      .where(and(eq(enrollments.orgId, ctx.orgId), eq(enrollments.id, input.enrollmentId)));
    if (!enrollment) throw notFound('Enrollment');
    const balance = await db.transaction((tx) =>
      recordDeposit(ctx, tx, {
        enrollmentId: enrollment.id,
        currency: enrollment.currency,
        amountMinor: BigInt(input.amountMinor),
        memo: input.memo,
        reference: input.reference,
      }),
    );
    return c.json({ balanceMinor: balance.toString() }, 200);
  })
  .openapi(routes.getSettings, async (c) => {
    const ctx = c.get('tenant')!;
    const { programId } = c.req.valid('param');
    await getProgramById(ctx, c.get('services').db, programId);
    return c.json(settingsView(await payoutSettingsOf(ctx, c.get('services').db, programId)), 200);
  })
  .openapi(routes.saveSettings, async (c) => {
    const ctx = c.get('tenant')!;
    const input = c.req.valid('json');
    const saved = await c.get('services').db.transaction((tx) =>
      savePayoutSettings(ctx, tx, c.req.valid('param').programId, {
        ...input,
        depositAlertMinor: input.depositAlertMinor === null ? null : BigInt(input.depositAlertMinor),
      }),
    );
    return c.json(settingsView(saved), 200);
  })
  .openapi(routes.listBatches, async (c) =>
    c.json({ items: await listPayoutBatches(c.get('tenant')!, c.get('services').db) }, 200),
  )
  .openapi(routes.buildBatch, async (c) => {
    const ctx = c.get('tenant')!;
    const { db } = c.get('services');
    const input = c.req.valid('json');
    const built = await db.transaction((tx) =>
      buildPayoutBatch(ctx, tx, {
        currency: input.currency,
        source: input.source,
        programId: input.programId,
        enrollmentIds: input.enrollmentIds,
        cutOff: input.cutOff ? new Date(input.cutOff) : undefined,
        minimumMinor: input.minimumMinor ? BigInt(input.minimumMinor) : undefined,
        method: input.method,
      }),
    );
    return c.json({ batch: await getPayoutBatch(ctx, db, built.batchId), skipped: built.skipped }, 201);
  })
  .openapi(routes.getBatch, async (c) =>
    c.json(await getPayoutBatch(c.get('tenant')!, c.get('services').db, c.req.valid('param').batchId), 200),
  )
  .openapi(routes.approveBatch, async (c) => {
    const ctx = c.get('tenant')!;
    const { db } = c.get('services');
    const { batchId } = c.req.valid('param');
    const result = await db.transaction((tx) => approvePayoutBatch(ctx, tx, batchId));
    return c.json({ batch: await getPayoutBatch(ctx, db, batchId), ...result }, 200);
  })
  .openapi(routes.cancelBatch, async (c) => {
    const ctx = c.get('tenant')!;
    const { db } = c.get('services');
    const { batchId } = c.req.valid('param');
    await db.transaction((tx) => cancelPayoutBatch(ctx, tx, batchId));
    return c.json(await getPayoutBatch(ctx, db, batchId), 200);
  })
  .openapi(routes.bankFile, async (c) => {
    const ctx = c.get('tenant')!;
    const { format } = c.req.valid('query');
    const file = await batchBankFile(ctx, c.get('services').db, c.req.valid('param').batchId, format);
    return c.body(new Uint8Array(file.bytes), 200, {
      'content-type':
        format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'cache-control': 'no-store',
    });
  })
  .openapi(routes.getPayout, async (c) =>
    c.json(
      toPayoutView(await getPayout(c.get('tenant')!, c.get('services').db, c.req.valid('param').payoutId)),
      200,
    ),
  )
  .openapi(routes.vietQr, async (c) => {
    const ctx = c.get('tenant')!;
    const payout = await getPayout(ctx, c.get('services').db, c.req.valid('param').payoutId);
    return c.json({ payload: await payoutVietQr(ctx, payout), reference: payout.reference }, 200);
  })
  .openapi(routes.vietQrPng, async (c) => {
    const ctx = c.get('tenant')!;
    const payout = await getPayout(ctx, c.get('services').db, c.req.valid('param').payoutId);
    const png = await vietQrPng(await payoutVietQr(ctx, payout));
    return c.body(new Uint8Array(png), 200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
  })
  .openapi(routes.markPaid, async (c) => {
    const ctx = c.get('tenant')!;
    const input = c.req.valid('json');
    const result = await c
      .get('services')
      .db.transaction((tx) =>
        markPayoutsPaid(ctx, tx, input.payoutIds, input.paidAt ? new Date(input.paidAt) : undefined),
      );
    return c.json(result, 200);
  })
  .openapi(routes.markFailed, async (c) => {
    const ctx = c.get('tenant')!;
    const { payoutId } = c.req.valid('param');
    const { db } = c.get('services');
    await getPayout(ctx, db, payoutId);
    const result = await db.transaction((tx) =>
      markPayoutFailed(ctx, tx, payoutId, c.req.valid('json').reason),
    );
    return c.json(result, 200);
  })
  .openapi(routes.importStatement, async (c) => {
    const ctx = c.get('tenant')!;
    const input = c.req.valid('json');
    const bytes = Buffer.from(input.contentBase64, 'base64');
    const sheet = await parseSpreadsheet(input.fileName, bytes);
    const find = (names: string[]) =>
      sheet.columns.find((column) => names.some((name) => column.trim().toLowerCase().includes(name)));
    const memoColumn = find(STATEMENT_MEMO);
    if (!memoColumn)
      throw new AppError('validation_failed', 'The file has no memo column (Nội dung / Description)', {
        details: [{ path: 'file', message: 'Add a column named Nội dung, Description or Memo' }],
      });
    const amountColumn = find(STATEMENT_AMOUNT);
    const rows = sheet.rows.map((row) => ({
      line: row.rowNumber,
      memo: row.data[memoColumn] ?? '',
      amountText: amountColumn ? (row.data[amountColumn] ?? '').trim() || null : null,
    }));
    const report = await c.get('services').db.transaction((tx) => importBankStatement(ctx, tx, rows));
    return c.json({ rows: report }, 200);
  })
  .openapi(routes.listWithdrawals, async (c) => {
    const items = await listWithdrawals(c.get('tenant')!, c.get('services').db, c.req.valid('query'));
    return c.json({ items: items.map(toWithdrawalView) }, 200);
  })
  .openapi(routes.rejectWithdrawal, async (c) => {
    const ctx = c.get('tenant')!;
    const closed = await c.get('services').db.transaction((tx) =>
      closeWithdrawal(ctx, tx, c.req.valid('param').withdrawalRequestId, {
        status: 'rejected',
        reason: c.req.valid('json').reason,
      }),
    );
    return c.json(toWithdrawalView(closed), 200);
  })
  .openapi(routes.getTaxRule, async (c) => {
    const rule = await taxRuleOf(c.get('tenant')!, c.get('services').db);
    return c.json({ ...rule, thresholdMinor: rule.thresholdMinor.toString() }, 200);
  })
  .openapi(routes.saveTaxRule, async (c) => {
    const input = c.req.valid('json');
    const rule = await saveTaxRule(c.get('tenant')!, c.get('services').db, {
      ...input,
      thresholdMinor: BigInt(input.thresholdMinor),
    });
    return c.json({ ...rule, thresholdMinor: rule.thresholdMinor.toString() }, 200);
  })
  .openapi(routes.taxReport, async (c) => {
    const ctx = c.get('tenant')!;
    const { year, format } = c.req.valid('query');
    const report = await yearlyTaxReport(ctx, c.get('services').db, year, format);
    if (report.kind === 'json') return c.json(report.body, 200);
    return c.body(new Uint8Array(report.bytes), 200, {
      'content-type': report.contentType,
      'content-disposition': `attachment; filename="${report.fileName}"`,
    });
  })
  .openapi(routes.statement, async (c) => {
    const ctx = c.get('tenant')!;
    const query = c.req.valid('query');
    const { db } = c.get('services');
    const view = await statementView(ctx, db, query);
    if (view.kind === 'json') return c.json(view.body, 200);
    return c.body(new Uint8Array(view.bytes), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${view.fileName}"`,
    });
  });
