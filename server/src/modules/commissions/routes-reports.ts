import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app';
import { json } from '../../platform/http/openapi';
import { defineRoute } from '../../platform/http/route';
import { DEFAULT_GUARD_LIMITS, getGuardReport } from './guard-report';

const ppm = (description: string, fallback: bigint) =>
  z
    .string()
    .regex(/^\d{1,7}$/, 'Millionths as a whole number')
    .refine((value) => BigInt(value) <= 1_000_000n, 'At most 1000000 (100 %)')
    .optional()
    .transform((value) => (value === undefined ? undefined : BigInt(value)))
    .openapi({
      type: 'string',
      description: `${description}. Without it: the limit set in the program’s plan, else ${fallback}.`,
      example: fallback.toString(),
    });

const sharePpm = z
  .string()
  .nullable()
  .openapi({ description: 'Millionths of revenue; null without revenue' });

const sumsSchema = z.object({
  orders: z.number(),
  revenueMinor: z.string(),
  commissionMinor: z.string(),
  overrideMinor: z.string(),
  nonPartnerRevenueMinor: z.string(),
  partnerRevenueMinor: z.string(),
  commissionSharePpm: sharePpm,
  overrideSharePpm: sharePpm,
  nonPartnerSharePpm: sharePpm,
});

const warningSchema = z.discriminatedUnion('code', [
  z.object({
    code: z.enum(['payouts_at_limit', 'overrides_at_limit']),
    sharePpm: z.string().nullable(),
    limitPpm: z.string(),
  }),
  z.object({ code: z.literal('non_partner_below_limit'), sharePpm: z.string(), limitPpm: z.string() }),
  z.object({ code: z.literal('multi_level'), overrideDepth: z.number(), acknowledged: z.boolean() }),
]);

const limitsSchema = z.object({
  payoutLimitPpm: z.string(),
  overrideLimitPpm: z.string(),
  nonPartnerMinPpm: z.string(),
});

const guardReportSchema = z
  .object({
    timeZone: z.string(),
    from: z.string(),
    to: z.string(),
    months: z.number(),
    limits: limitsSchema.openapi({ description: 'The defaults with the request’s limits' }),
    items: z.array(
      z.object({
        programId: z.string(),
        programName: z.string(),
        currency: z.string(),
        planVersionId: z.string().nullable(),
        overrideDepth: z.number(),
        multiLevelAcknowledged: z.boolean(),
        limits: limitsSchema,
        limitsFrom: z.enum(['request', 'plan', 'default']),
        ordersInOtherCurrencies: z.number(),
        totals: sumsSchema,
        monthly: z.array(sumsSchema.extend({ month: z.string(), payoutsAtLimit: z.boolean() })),
        warnings: z.array(warningSchema),
      }),
    ),
  })
  .openapi('CommissionGuardReport');

const guardReport = defineRoute({
  method: 'get',
  path: '/api/v1/commissions/guard-report',
  tags: ['Commissions'],
  summary: 'Multi-level guard: payouts and overrides as shares of revenue, and revenue from non-partners',
  description:
    'Per program over the last `months` calendar months in the organisation’s time zone. Vietnam caps the total paid to multi-level participants at 40 % of revenue; each program’s limits are those set in its plan (settings.guardLimits), else 40 % (payouts), 10 % (overrides) and 50 % (non-partner revenue, a minimum); a limit given in the request applies to every program (what-if).',
  access: { permission: 'commissions.read' },
  request: {
    query: z.object({
      programId: z.string().min(1).max(60).optional(),
      months: z.coerce.number().int().min(1).max(36).default(12),
      payoutLimitPpm: ppm(
        'Warn when total commission reaches this share of revenue',
        DEFAULT_GUARD_LIMITS.payoutLimitPpm,
      ),
      overrideLimitPpm: ppm(
        'Warn when overrides reach this share of revenue',
        DEFAULT_GUARD_LIMITS.overrideLimitPpm,
      ),
      nonPartnerMinPpm: ppm(
        'Warn when revenue from customers who are not partners is below this share',
        DEFAULT_GUARD_LIMITS.nonPartnerMinPpm,
      ),
    }),
  },
  responses: { 200: json(guardReportSchema, 'The report') },
});

/** Commission reports for staff: the multi-level guard. */
export const commissionReportRoutes = createRouter().openapi(guardReport, async (c) => {
  const query = c.req.valid('query');
  const report = await getGuardReport(c.get('tenant')!, c.get('services').db, {
    programId: query.programId,
    months: query.months,
    limits: {
      payoutLimitPpm: query.payoutLimitPpm,
      overrideLimitPpm: query.overrideLimitPpm,
      nonPartnerMinPpm: query.nonPartnerMinPpm,
    },
  });
  return c.json(report, 200);
});
