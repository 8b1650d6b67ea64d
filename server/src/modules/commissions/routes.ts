import { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { notFound } from '../../platform/errors';
import { createRouter } from '../../platform/http/app';
import { exportResponse } from '../../platform/http/export-response';
import { body, json, pathId } from '../../platform/http/openapi';
import { pageQuerySchema } from '../../platform/http/paging';
import { defineRoute } from '../../platform/http/route';
import { XLSX_MAX_ROWS, XLSX_TYPE } from '../../platform/table-export';
import { enrollments } from '../partners';
import { programs } from '../programs/schema';
import { addIncidental } from './add-incidental';
import { decideCommissionLines, undecidedSummary } from './decide-lines';
import { exportEntries, exportLines } from './export-lines';
import { findCommissionLines, findLedgerEntries } from './find-lines';
import { incidentalTemplateCsv } from './incidental-import/columns';
import { importIncidentals } from './incidental-import/import-incidentals';
import {
  incidentalImportRoute,
  incidentalTemplateRoute,
  incidentalUploadOf,
} from './incidental-import/import-routes';
import { balancesOf } from './ledger';
import { toLineView } from './line-view';
import { findPlans, getPlan, replayOrders, simulateOrder, toVersionView } from './plan-queries';
import { ensurePlan, publishDraftVersion, saveDraftVersion } from './plans';
import {
  COMMISSION_LINE_KINDS,
  COMMISSION_LINE_STATUSES,
  commissionLines,
  LEDGER_BUCKETS,
  LEDGER_KINDS,
} from './schema';
import { nameParties, nameScopes, nameVersions } from './scope-names';

const minor = z
  .string()
  .regex(/^-?\d{1,18}$/, 'Minor units as a whole number')
  .openapi({ example: '45000' });
const list = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
    z.array(item).optional(),
  );

const planTags = ['Commission plans'];
const lineTags = ['Commissions'];

const planParams = z.object({ planId: pathId('planId', 'cpl_01jc8x0000abcdefghjkmnpqrs') });
const lineParams = z.object({
  commissionLineId: pathId('commissionLineId', 'cml_01jc8x0000abcdefghjkmnpqrs'),
});
const partnerParams = z.object({ partnerId: pathId('partnerId', 'ptr_01jc8x0000abcdefghjkmnpqrs') });

const versionSchema = z
  .object({
    id: z.string(),
    version: z.number(),
    status: z.enum(['draft', 'published']),
    effectiveFrom: z.string().nullable(),
    settings: z.record(z.string(), z.unknown()),
    rules: z.array(z.record(z.string(), z.unknown())),
    note: z.string(),
    createdAt: z.string(),
    publishedAt: z.string().nullable(),
  })
  .openapi('CommissionPlanVersion');

const planSchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    programName: z.string(),
    currency: z.string(),
    name: z.string(),
    currentVersionId: z.string().nullable(),
    versions: z.array(versionSchema),
  })
  .openapi('CommissionPlan');

const lineSchema = z
  .object({
    id: z.string(),
    enrollmentId: z.string(),
    programId: z.string(),
    planVersionId: z.string().nullable(),
    ruleId: z.string().nullable(),
    kind: z.enum(COMMISSION_LINE_KINDS),
    orderId: z.string().nullable(),
    lineNo: z.number().nullable(),
    conversionId: z.string().nullable(),
    reversesLineId: z.string().nullable(),
    level: z.number(),
    currency: z.string(),
    baseMinor: z.string(),
    ratePpm: z.string().nullable(),
    amountMinor: z.string(),
    rounding: z.enum(['half_up', 'half_even']),
    status: z.enum(COMMISSION_LINE_STATUSES),
    explanation: z.record(z.string(), z.unknown()),
    holdUntil: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionReason: z.string().nullable(),
    earnedAt: z.string(),
    createdAt: z.string(),
    partnerName: z.string().nullable().openapi({ description: 'The partner earning the line' }),
    referralCode: z.string().nullable(),
    orderNumber: z.string().nullable().openapi({ description: 'The number of the order it was earned on' }),
    planVersion: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'The number of the plan version that produced the line' }),
  })
  .openapi('CommissionLine');

const lineFilterSchema = z.object({
  status: list(z.enum(COMMISSION_LINE_STATUSES)),
  kind: list(z.enum(COMMISSION_LINE_KINDS)),
  enrollmentId: z.string().max(60).optional(),
  programId: z.string().max(60).optional(),
  orderId: z.string().max(60).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

const ledgerFilterSchema = z.object({
  enrollmentId: z.string().max(60).optional(),
  bucket: list(z.enum(LEDGER_BUCKETS)),
  kind: list(z.enum(LEDGER_KINDS)),
  orderId: z.string().max(60).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

const XLSX_DESCRIPTION = `XLSX workbook, at most ${XLSX_MAX_ROWS.toLocaleString('en')} rows (export CSV beyond)`;

/** A spreadsheet export of a list: the list's filters, every page, CSV (streamed) or XLSX. */
const exportRoute = <Shape extends z.ZodRawShape>(
  path: string,
  what: string,
  filters: z.ZodObject<Shape>,
  format: 'csv' | 'xlsx',
) =>
  defineRoute({
    method: 'get',
    path: `${path}/export.${format}`,
    tags: lineTags,
    summary: `Export ${what} as ${format.toUpperCase()}`,
    description:
      'Same filters as the list, every matching row. Amounts are in the currency’s units without separators (VND "42000", THB "102.50"); rates are percents.',
    access: { permission: 'commissions.read' },
    request: { query: filters.extend({ order: z.enum(['asc', 'desc']).default('desc') }) },
    responses: {
      200:
        format === 'csv'
          ? { description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: z.string() } } }
          : { description: XLSX_DESCRIPTION, content: { [XLSX_TYPE]: { schema: z.string() } } },
    },
  });

const exports = {
  linesCsv: exportRoute('/api/v1/commissions', 'commission lines', lineFilterSchema, 'csv'),
  linesXlsx: exportRoute('/api/v1/commissions', 'commission lines', lineFilterSchema, 'xlsx'),
  ledgerCsv: exportRoute('/api/v1/ledger', 'ledger entries', ledgerFilterSchema, 'csv'),
  ledgerXlsx: exportRoute('/api/v1/ledger', 'ledger entries', ledgerFilterSchema, 'xlsx'),
};

const planInputSchema = z.object({
  settings: z.record(z.string(), z.unknown()).default({}),
  rules: z.array(z.record(z.string(), z.unknown())).max(200),
});

const simulationItem = z.object({
  productId: z.string().max(60).nullable().default(null),
  categoryPath: z.array(z.string().max(60)).max(20).default([]),
  quantity: z.number().int().min(1).max(1_000_000),
  unitPriceMinor: minor,
  discountMinor: minor.default('0'),
  unitCostMinor: minor.nullable().default(null),
  unitCtvPriceMinor: minor.nullable().default(null),
});

const routes = {
  listPlans: defineRoute({
    method: 'get',
    path: '/api/v1/commission-plans',
    tags: planTags,
    summary: 'Commission plans, one per program, with the version in force',
    access: { permission: 'commissions.read' },
    responses: {
      200: json(
        z.object({
          items: z.array(
            z.object({
              id: z.string(),
              programId: z.string(),
              programName: z.string(),
              currency: z.string(),
              name: z.string(),
              currentVersion: versionSchema.nullable(),
            }),
          ),
        }),
        'Plans',
      ),
    },
  }),
  createPlan: defineRoute({
    method: 'post',
    path: '/api/v1/commission-plans',
    tags: planTags,
    summary: 'The plan of a program (created on first call, answered as it is after)',
    access: { permission: 'commissions.manage' },
    request: { body: body(z.object({ programId: z.string().min(1).max(60) }).strict()) },
    responses: { 200: json(planSchema, 'The plan') },
  }),
  getPlan: defineRoute({
    method: 'get',
    path: '/api/v1/commission-plans/{planId}',
    tags: planTags,
    summary: 'A plan with all its versions, newest first',
    access: { permission: 'commissions.read' },
    request: { params: planParams },
    responses: { 200: json(planSchema, 'The plan') },
  }),
  saveDraft: defineRoute({
    method: 'put',
    path: '/api/v1/commission-plans/{planId}/draft',
    tags: planTags,
    summary:
      'Save the draft version: rules and settings, validated (rates in millionths, amounts in minor units)',
    access: { permission: 'commissions.manage' },
    request: {
      params: planParams,
      body: body(z.object({ plan: planInputSchema, note: z.string().max(500).optional() }).strict()),
    },
    responses: { 200: json(versionSchema, 'The draft') },
  }),
  publish: defineRoute({
    method: 'post',
    path: '/api/v1/commission-plans/{planId}/publish',
    tags: planTags,
    summary: 'Publish the draft, in force for orders placed from effectiveFrom',
    description:
      'Orders of the program placed since effectiveFrom (computed under the version before) are queued for recomputation: differences are settled with correcting lines, history is not edited.',
    access: { permission: 'commissions.manage' },
    request: { params: planParams, body: body(z.object({ effectiveFrom: z.coerce.date() }).strict()) },
    responses: {
      200: json(
        versionSchema.extend({
          ordersToRecompute: z
            .number()
            .int()
            .openapi({ description: 'Orders placed since effectiveFrom, queued for recomputation' }),
        }),
        'The published version',
      ),
    },
  }),
  simulate: defineRoute({
    method: 'post',
    path: '/api/v1/commission-plans/{planId}/simulate',
    tags: planTags,
    summary:
      'The lines a hypothetical order would produce under a version, the draft or a typed plan; writes nothing',
    access: { permission: 'commissions.read' },
    request: {
      params: planParams,
      body: body(
        z
          .object({
            versionId: z.string().max(60).optional(),
            plan: planInputSchema.optional(),
            items: z.array(simulationItem).min(1).max(100),
            orderDiscountMinor: minor.default('0'),
            repurchase: z.boolean().default(false),
            renewalMonth: z.number().int().min(1).max(1200).nullable().default(null),
            partnerGroupId: z.string().max(60).nullable().default(null),
            uplineGroupIds: z.array(z.string().max(60).nullable()).max(3).default([]),
            tierProgress: z
              .record(z.string(), z.object({ measureBefore: minor, baseBefore: minor }))
              .optional(),
          })
          .strict(),
      ),
    },
    responses: {
      200: json(
        z.object({
          lines: z.array(z.record(z.string(), z.unknown())),
          totalMinor: z.string(),
          guard: z.object({
            state: z.string(),
            marginMinor: z.string().nullable(),
            capMinor: z.string().nullable(),
          }),
        }),
        'The lines',
      ),
    },
  }),
  replay: defineRoute({
    method: 'post',
    path: '/api/v1/commission-plans/{planId}/replay',
    tags: planTags,
    summary:
      'Replay the program’s orders of a period on a version (the draft by default) and compare the cost',
    access: { permission: 'commissions.read' },
    request: {
      params: planParams,
      body: body(
        z
          .object({ versionId: z.string().max(60).optional(), from: z.coerce.date(), to: z.coerce.date() })
          .strict(),
      ),
    },
    responses: {
      200: json(
        z.object({
          orders: z.number(),
          currency: z.string(),
          currentTotalMinor: z.string(),
          proposedTotalMinor: z.string(),
          differenceMinor: z.string(),
          versionId: z.string(),
        }),
        'The comparison',
      ),
    },
  }),
  listLines: defineRoute({
    method: 'get',
    path: '/api/v1/commissions',
    tags: lineTags,
    summary: 'Commission lines, newest first, with filters',
    access: { permission: 'commissions.read' },
    request: { query: pageQuerySchema.extend(lineFilterSchema.shape) },
    responses: {
      200: json(
        z.object({ items: z.array(lineSchema), nextCursor: z.string().nullable() }),
        'A page of lines',
      ),
    },
  }),
  getLine: defineRoute({
    method: 'get',
    path: '/api/v1/commissions/{commissionLineId}',
    tags: lineTags,
    summary: 'One line with its explanation: rule, base, rate, tier reached, rounding, cap',
    access: { permission: 'commissions.read' },
    request: { params: lineParams },
    responses: { 200: json(lineSchema, 'The line') },
  }),
  undecided: defineRoute({
    method: 'get',
    path: '/api/v1/commissions/undecided-summary',
    tags: lineTags,
    summary: 'What a decision by this filter would cover: undecided lines and their amount per currency',
    access: { permission: 'commissions.read' },
    request: { query: lineFilterSchema },
    responses: {
      200: json(
        z.object({
          lines: z.number().int(),
          totals: z.array(z.object({ currency: z.string(), amountMinor: z.string() })),
          maxPerDecision: z.number().int(),
        }),
        'The count and totals',
      ),
    },
  }),
  decide: defineRoute({
    method: 'post',
    path: '/api/v1/commissions/decisions',
    tags: lineTags,
    summary: 'Approve or reject lines in bulk, by ids or by a filter (rejections need a reason)',
    access: { permission: 'commissions.approve' },
    request: {
      body: body(
        z
          .object({
            decision: z.enum(['approve', 'reject']),
            reason: z.string().trim().max(500).optional(),
            lineIds: z.array(z.string().max(60)).max(5000).optional(),
            filter: lineFilterSchema.optional(),
          })
          .strict(),
      ),
    },
    responses: {
      200: json(
        z.object({ decided: z.number(), skipped: z.array(z.object({ id: z.string(), reason: z.string() })) }),
        'What was decided',
      ),
    },
  }),
  incidental: defineRoute({
    method: 'post',
    path: '/api/v1/commissions/incidental',
    tags: lineTags,
    summary: 'A one-off bonus or penalty (CK phát sinh) with a reason; waits for an accountant’s approval',
    access: { permission: 'commissions.manage' },
    request: {
      body: body(
        z
          .object({
            enrollmentId: z.string().min(1).max(60),
            amountMinor: minor,
            reason: z.string().trim().min(1).max(500),
            reference: z.string().trim().max(100).optional(),
          })
          .strict(),
      ),
    },
    responses: { 201: json(lineSchema, 'The line, in review') },
  }),
  balance: defineRoute({
    method: 'get',
    path: '/api/v1/partners/{partnerId}/balance',
    tags: lineTags,
    summary:
      'A partner’s balances per program and currency: pending, on hold, payable, paid (sums of the ledger)',
    access: { permission: 'commissions.read' },
    request: { params: partnerParams },
    responses: {
      200: json(
        z.object({
          items: z.array(
            z.object({
              enrollmentId: z.string(),
              programId: z.string(),
              currency: z.string(),
              balances: z.record(z.enum(LEDGER_BUCKETS), z.string()),
            }),
          ),
        }),
        'Balances',
      ),
    },
  }),
  ledger: defineRoute({
    method: 'get',
    path: '/api/v1/ledger',
    tags: lineTags,
    summary: 'Ledger entries, newest first, with filters',
    access: { permission: 'commissions.read' },
    request: {
      query: pageQuerySchema.extend(ledgerFilterSchema.shape),
    },
    responses: {
      200: json(
        z.object({
          items: z.array(
            z.object({
              id: z.string(),
              enrollmentId: z.string(),
              currency: z.string(),
              bucket: z.enum(LEDGER_BUCKETS),
              amountMinor: z.string(),
              kind: z.enum(LEDGER_KINDS),
              commissionLineId: z.string().nullable(),
              orderId: z.string().nullable(),
              payoutId: z.string().nullable(),
              memo: z.string(),
              createdAt: z.string(),
              partnerName: z.string().nullable(),
              referralCode: z.string().nullable(),
              orderNumber: z.string().nullable(),
            }),
          ),
          nextCursor: z.string().nullable(),
        }),
        'A page of entries',
      ),
    },
  }),
};

const big = (value: string | null) => (value === null ? null : BigInt(value));

export const commissionRoutes = createRouter()
  .openapi(routes.listPlans, async (c) =>
    c.json(await findPlans(c.get('tenant')!, c.get('services').db), 200),
  )
  .openapi(routes.createPlan, async (c) => {
    const ctx = c.get('tenant')!;
    const { db } = c.get('services');
    const plan = await db.transaction((tx) => ensurePlan(ctx, tx, c.req.valid('json').programId));
    return c.json(await getPlan(ctx, db, plan.id), 200);
  })
  .openapi(routes.getPlan, async (c) =>
    c.json(await getPlan(c.get('tenant')!, c.get('services').db, c.req.valid('param').planId), 200),
  )
  .openapi(routes.saveDraft, async (c) => {
    const ctx = c.get('tenant')!;
    const { db } = c.get('services');
    const plan = await getPlan(ctx, db, c.req.valid('param').planId);
    const input = c.req.valid('json');
    const draft = await db.transaction((tx) =>
      saveDraftVersion(ctx, tx, { programId: plan.programId, plan: input.plan, note: input.note }),
    );
    return c.json(toVersionView(draft), 200);
  })
  .openapi(routes.publish, async (c) => {
    const ctx = c.get('tenant')!;
    const { db } = c.get('services');
    const plan = await getPlan(ctx, db, c.req.valid('param').planId);
    const published = await db.transaction((tx) =>
      publishDraftVersion(ctx, tx, {
        programId: plan.programId,
        effectiveFrom: c.req.valid('json').effectiveFrom,
      }),
    );
    return c.json({ ...toVersionView(published), ordersToRecompute: published.ordersToRecompute }, 200);
  })
  .openapi(routes.simulate, async (c) => {
    const ctx = c.get('tenant')!;
    const plan = await getPlan(ctx, c.get('services').db, c.req.valid('param').planId);
    const input = c.req.valid('json');
    const result = await simulateOrder(ctx, c.get('services').db, plan.id, {
      versionId: input.versionId,
      plan: input.plan,
      currency: plan.currency,
      items: input.items.map((item) => ({
        productId: item.productId,
        categoryPath: item.categoryPath,
        quantity: item.quantity,
        unitPriceMinor: BigInt(item.unitPriceMinor),
        discountMinor: BigInt(item.discountMinor),
        unitCostMinor: big(item.unitCostMinor),
        unitCtvPriceMinor: big(item.unitCtvPriceMinor),
      })),
      orderDiscountMinor: BigInt(input.orderDiscountMinor),
      repurchase: input.repurchase,
      renewalMonth: input.renewalMonth,
      partnerGroupId: input.partnerGroupId,
      uplineGroupIds: input.uplineGroupIds,
      tierProgress: input.tierProgress
        ? Object.fromEntries(
            Object.entries(input.tierProgress).map(([ruleId, progress]) => [
              ruleId,
              {
                measureBefore: BigInt(progress.measureBefore),
                baseBefore: BigInt(progress.baseBefore),
                adjustedToTier: -1,
              },
            ]),
          )
        : undefined,
    });
    return c.json(result, 200);
  })
  .openapi(routes.replay, async (c) =>
    c.json(
      await replayOrders(
        c.get('tenant')!,
        c.get('services').db,
        c.req.valid('param').planId,
        c.req.valid('json'),
      ),
      200,
    ),
  )
  // before the line by id, whose path would take "export.csv" for an id
  .openapi(exports.linesCsv, async (c) =>
    exportResponse(c, 'commissions', 'csv', await exportLines(c.get('tenant')!, c.req.valid('query'), 'csv')),
  )
  .openapi(exports.linesXlsx, async (c) =>
    exportResponse(
      c,
      'commissions',
      'xlsx',
      await exportLines(c.get('tenant')!, c.req.valid('query'), 'xlsx'),
    ),
  )
  .openapi(exports.ledgerCsv, async (c) =>
    exportResponse(c, 'ledger', 'csv', await exportEntries(c.get('tenant')!, c.req.valid('query'), 'csv')),
  )
  .openapi(exports.ledgerXlsx, async (c) =>
    exportResponse(c, 'ledger', 'xlsx', await exportEntries(c.get('tenant')!, c.req.valid('query'), 'xlsx')),
  )
  .openapi(routes.undecided, async (c) =>
    c.json(await undecidedSummary(c.get('tenant')!, c.get('services').db, c.req.valid('query')), 200),
  )
  .openapi(routes.listLines, async (c) =>
    c.json(await findCommissionLines(c.get('tenant')!, c.get('services').db, c.req.valid('query')), 200),
  )
  .openapi(routes.getLine, async (c) => {
    const ctx = c.get('tenant')!;
    const [line] = await c
      .get('services')
      .db.select()
      .from(commissionLines)
      .where(
        and(
          eq(commissionLines.orgId, ctx.orgId),
          eq(commissionLines.id, c.req.valid('param').commissionLineId),
        ),
      );
    if (!line) throw notFound('Commission line');
    const db = c.get('services').db;
    const [named] = await nameVersions(
      ctx,
      db,
      await nameParties(ctx, db, await nameScopes(ctx, db, [toLineView(line)])),
    );
    return c.json(named!, 200);
  })
  .openapi(routes.decide, async (c) => {
    const ctx = c.get('tenant')!;
    const input = c.req.valid('json');
    const result = await c
      .get('services')
      .db.transaction((tx) =>
        decideCommissionLines(
          ctx,
          tx,
          input.decision === 'reject'
            ? { decision: 'reject', reason: input.reason ?? '', lineIds: input.lineIds, filter: input.filter }
            : { decision: 'approve', reason: input.reason, lineIds: input.lineIds, filter: input.filter },
        ),
      );
    return c.json(result, 200);
  })
  .openapi(routes.incidental, async (c) => {
    const ctx = c.get('tenant')!;
    const input = c.req.valid('json');
    const line = await c
      .get('services')
      .db.transaction((tx) => addIncidental(ctx, tx, { ...input, amountMinor: BigInt(input.amountMinor) }));
    const [named] = await nameVersions(
      ctx,
      c.get('services').db,
      await nameParties(ctx, c.get('services').db, [line]),
    );
    return c.json(named!, 201);
  })
  .openapi(incidentalImportRoute, async (c) =>
    c.json(await importIncidentals(c.get('tenant')!, await incidentalUploadOf(c as never)), 200),
  )
  .openapi(incidentalTemplateRoute, (c) =>
    c.body(incidentalTemplateCsv(), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="kenh-ck-phat-sinh-mau.csv"',
    }),
  )
  .openapi(routes.balance, async (c) => {
    const ctx = c.get('tenant')!;
    const { db } = c.get('services');
    const rows = await db
      .select({ id: enrollments.id, programId: enrollments.programId, currency: programs.currency })
      .from(enrollments)
      .innerJoin(programs, and(eq(programs.orgId, enrollments.orgId), eq(programs.id, enrollments.programId)))
      .where(
        and(eq(enrollments.orgId, ctx.orgId), eq(enrollments.partnerId, c.req.valid('param').partnerId)),
      );
    if (rows.length === 0) throw notFound('Partner');
    const items = [];
    for (const row of rows) {
      const balances = await balancesOf(ctx, db, row.id);
      const currencies = balances.size > 0 ? [...balances.keys()] : [row.currency];
      for (const currency of currencies) {
        const buckets = balances.get(currency);
        items.push({
          enrollmentId: row.id,
          programId: row.programId,
          currency,
          balances: Object.fromEntries(
            LEDGER_BUCKETS.map((bucket) => [bucket, (buckets?.[bucket] ?? 0n).toString()]),
          ) as Record<(typeof LEDGER_BUCKETS)[number], string>,
        });
      }
    }
    return c.json({ items }, 200);
  })
  .openapi(routes.ledger, async (c) =>
    c.json(await findLedgerEntries(c.get('tenant')!, c.get('services').db, c.req.valid('query')), 200),
  );
