import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app';
import { json } from '../../platform/http/openapi';
import { pageQuerySchema } from '../../platform/http/paging';
import { defineRoute } from '../../platform/http/route';
import { COMMISSION_LINE_KINDS, COMMISSION_LINE_STATUSES } from './schema';
import { findMyCatalogCommission } from './self/catalog-commission';
import { findMyCommissions } from './self/my-commissions';
import { getMyEarnings } from './self/my-earnings';

const tags = ['Partner app'];
const access = { session: 'partner' } as const;
const minor = z.string().openapi({ example: '45000' });
const list = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
    z.array(item).max(100).optional(),
  );
const enrollmentId = z
  .string()
  .min(1)
  .max(60)
  .openapi({ example: 'enr_01jc8x0000abcdefghjkmnpqrs', description: 'One of my enrollments' });

const tierProgressSchema = z
  .object({
    ruleId: z.string(),
    name: z.string(),
    period: z.enum(['month', 'quarter']),
    periodLabel: z.string().openapi({ example: '2026-11' }),
    periodStart: z.string(),
    periodEnd: z.string(),
    measure: z.enum(['amount', 'quantity', 'orders']),
    mode: z.enum(['retroactive', 'marginal']),
    includeDownline: z.boolean(),
    volume: z.string().openapi({ description: 'Minor units, units or orders, by `measure`' }),
    tiers: z.array(z.object({ number: z.number().int(), threshold: z.string(), ratePpm: z.string() })),
    reached: z.number().int().openapi({ description: 'The tier reached (1 = first), 0 below the first' }),
    next: z
      .object({
        number: z.number().int(),
        threshold: z.string(),
        ratePpm: z.string(),
        remaining: z.string().openapi({ description: 'What is left to reach it, in `measure`' }),
      })
      .nullable(),
  })
  .openapi('MyTierProgress');

const earningsSchema = z
  .object({
    enrollmentId: z.string(),
    currency: z.string(),
    balances: z.array(
      z.object({
        currency: z.string(),
        pendingMinor: minor,
        onHoldMinor: minor,
        payableMinor: minor,
        paidMinor: minor,
      }),
    ),
    planVersion: z.object({ id: z.string(), version: z.number().int() }).nullable(),
    tiers: z.array(tierProgressSchema),
  })
  .openapi('MyEarnings');

const myLineSchema = z
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
    baseMinor: minor,
    ratePpm: z.string().nullable(),
    amountMinor: minor,
    rounding: z.enum(['half_up', 'half_even']),
    status: z.enum(COMMISSION_LINE_STATUSES),
    explanation: z.record(z.string(), z.unknown()),
    holdUntil: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionReason: z.string().nullable(),
    earnedAt: z.string(),
    createdAt: z.string(),
  })
  .openapi('MyCommissionLine');

const catalogCommissionSchema = z
  .object({
    productId: z.string(),
    currency: z.string(),
    priceMinor: minor,
    amountMinor: minor.nullable(),
    lines: z.array(
      z.object({
        kind: z.string(),
        ruleId: z.string().nullable(),
        ratePpm: z.string().nullable(),
        amountMinor: minor,
        explanation: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .openapi('MyProductCommission');

const identityOf = (c: { get: (key: 'session') => { identityId: string } | undefined }) =>
  c.get('session')!.identityId;

/** The partner app's earnings: balances, tier progress, own commission lines, and per-product commission. */
export const commissionSelfRoutes = createRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/api/me/earnings',
      tags,
      summary: 'My earnings in one program',
      description:
        'Balances by status (pending, on hold, payable, paid) from the ledger, and progress in each tier rule of the plan in force now.',
      access,
      request: { query: z.object({ enrollmentId }) },
      responses: { 200: json(earningsSchema, 'Earnings') },
    }),
    async (c) =>
      c.json(await getMyEarnings(c.get('services'), identityOf(c), c.req.valid('query').enrollmentId), 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/api/me/commissions',
      tags,
      summary: 'My commission lines in one program',
      description:
        'Newest earned first, each with the explanation of its amount; `orderId` keeps the lines of one order (what this order earned me, reversals included).',
      access,
      request: {
        query: pageQuerySchema.extend({
          enrollmentId,
          status: list(z.enum(COMMISSION_LINE_STATUSES)),
          orderId: z.string().min(1).max(60).optional(),
        }),
      },
      responses: {
        200: json(
          z.object({ items: z.array(myLineSchema), nextCursor: z.string().nullable() }),
          'My commission lines',
        ),
      },
    }),
    async (c) => c.json(await findMyCommissions(c.get('services'), identityOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/api/me/catalog-commission',
      tags,
      summary: 'What I earn on each product',
      description:
        'The commission on one unit of each active product sold now, under the plan version in force, my group and my current tier.',
      access,
      request: {
        query: pageQuerySchema.extend({ enrollmentId, productIds: list(z.string().min(1).max(60)) }),
      },
      responses: {
        200: json(
          z.object({
            planVersion: z.object({ id: z.string(), version: z.number().int() }).nullable(),
            items: z.array(catalogCommissionSchema),
            nextCursor: z.string().nullable(),
          }),
          'Commission per product',
        ),
      },
    }),
    async (c) =>
      c.json(await findMyCatalogCommission(c.get('services'), identityOf(c), c.req.valid('query')), 200),
  );
