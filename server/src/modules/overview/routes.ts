import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app';
import { json } from '../../platform/http/openapi';
import { defineRoute } from '../../platform/http/route';
import { getOverview } from './get-overview';

const minor = z.string().openapi({ description: 'Money in minor units, in the organisation’s currency' });

const overviewSchema = z
  .object({
    currency: z.string(),
    timeZone: z.string(),
    from: z.string().openapi({ description: 'First day of the last 30 days (organisation’s time zone)' }),
    to: z.string().openapi({ description: 'Today' }),
    partners: z
      .object({
        approved: z.number().int(),
        pending: z.number().int().openapi({ description: 'Waiting for approval' }),
        joined: z.number().int().openapi({ description: 'Approved in the last 30 days' }),
      })
      .nullable()
      .openapi({ description: 'Null when the role may not read partners' }),
    orders: z
      .object({
        count: z.number().int(),
        revenueMinor: minor.openapi({ description: 'Orders not cancelled, net of returns, last 30 days' }),
        toConfirm: z.number().int(),
        openAlerts: z.number().int(),
        openOpportunities: z.number().int(),
        byDay: z.array(z.object({ day: z.string(), orders: z.number().int(), revenueMinor: minor })),
      })
      .nullable()
      .openapi({ description: 'Null when the role may not read orders' }),
    commissions: z
      .object({
        pendingMinor: minor,
        onHoldMinor: minor,
        payableMinor: minor,
        inReview: z.number().int().openapi({ description: 'Lines of flagged orders waiting for a decision' }),
      })
      .nullable()
      .openapi({
        description: 'Ledger balances of all partners; null when the role may not read commissions',
      }),
    clicks: z
      .object({ days: z.number().int(), total: z.number().int(), unique: z.number().int() })
      .nullable()
      .openapi({ description: 'Null when the role may not read tracking' }),
  })
  .openapi('Overview');

const overviewRoute = defineRoute({
  method: 'get',
  path: '/api/v1/overview',
  tags: ['Organisation'],
  summary: 'The organisation at a glance',
  description:
    'Partners, orders of the last 30 days by day, what waits for people (orders to confirm, open alerts, approvals, flagged lines), commission balances and clicks of the last 7 days. Parts the caller’s role may not read are null.',
  access: { permission: 'org.read' },
  responses: { 200: json(overviewSchema, 'The overview') },
});

/** The home page's figures. */
export const overviewRoutes = createRouter().openapi(overviewRoute, async (c) =>
  c.json(await getOverview(c.get('tenant')!), 200),
);
