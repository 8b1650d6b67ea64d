import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app';
import { body, json } from '../../platform/http/openapi';
import { pageQuerySchema } from '../../platform/http/paging';
import { defineRoute } from '../../platform/http/route';
import { convertOpportunityToOrder } from './opportunity-convert';
import { findOpportunities, getOpportunityRow, toStaffOpportunity } from './opportunity-find';
import { updateOpportunity } from './opportunity-update';
import { staffOpportunitySchema } from './opportunity-view';
import { minorAmount } from './routes-self-opportunities';
import { catalogLineSchema } from './routes-self-orders';
import { OPPORTUNITY_STATUSES, ORDER_STATUSES } from './schema';

const tags = ['Opportunities'];
const id = z.string().trim().min(1).max(60);
const params = z.object({
  opportunityId: id.openapi({
    param: { name: 'opportunityId', in: 'path' },
    example: 'opp_01jc8x0000abcdefghjkmnpqrs',
  }),
});

const listRoute = defineRoute({
  method: 'get',
  path: '/api/v1/opportunities',
  tags,
  summary: 'Sales opportunities recorded by partners',
  description: 'Filter by status for one column of the pipeline board.',
  access: { permission: 'orders.read' },
  request: {
    query: pageQuerySchema.extend({
      status: z.enum(OPPORTUNITY_STATUSES).optional(),
      programId: id.optional(),
      enrollmentId: id.optional(),
    }),
  },
  responses: {
    200: json(
      z.object({ items: z.array(staffOpportunitySchema), nextCursor: z.string().nullable() }),
      'A page',
    ),
  },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/api/v1/opportunities/{opportunityId}',
  tags,
  summary: 'One opportunity',
  access: { permission: 'orders.read' },
  request: { params },
  responses: { 200: json(staffOpportunitySchema, 'The opportunity') },
});

const patchSchema = z
  .object({
    status: z.enum(OPPORTUNITY_STATUSES).optional(),
    reason: z
      .string()
      .trim()
      .max(500)
      .nullable()
      .optional()
      .openapi({ description: 'Required to mark it lost' }),
    need: z.string().trim().min(1).max(2000).optional(),
    estimatedValueMinor: minorAmount.nullable().optional(),
  })
  .strict();

const patchRoute = defineRoute({
  method: 'patch',
  path: '/api/v1/opportunities/{opportunityId}',
  tags,
  summary: 'Move an opportunity through the pipeline',
  description:
    'new → contacted → won or lost (a reason is needed); lost ones can be reopened; won is final. The partner is notified.',
  access: { permission: 'orders.manage' },
  request: { params, body: body(patchSchema) },
  responses: { 200: json(staffOpportunitySchema, 'The opportunity') },
});

const convertSchema = z
  .object({
    items: z.array(catalogLineSchema).min(1).max(50),
    paymentMethod: z.enum(['cod', 'transfer']),
    shippingAddress: z.string().trim().min(5).max(500).optional(),
    note: z.string().trim().max(1000).optional(),
    customerPhone: z.string().trim().min(6).max(30).optional(),
  })
  .strict()
  .openapi('OpportunityOrder');

const convertRoute = defineRoute({
  method: 'post',
  path: '/api/v1/opportunities/{opportunityId}/order',
  tags,
  summary: 'Turn an opportunity into an order (it becomes won)',
  description:
    'Items are priced from the catalog; the order is credited like one the partner entered. Done once: asking again answers the same order (200).',
  access: { permission: 'orders.manage' },
  request: { params, body: body(convertSchema) },
  responses: {
    201: json(
      z.object({
        opportunity: staffOpportunitySchema,
        order: z.object({
          id: z.string(),
          number: z.string(),
          status: z.enum(ORDER_STATUSES),
          currency: z.string(),
          totalMinor: z.string(),
        }),
        created: z.boolean(),
      }),
      'The order and the won opportunity',
    ),
    200: json(
      z.object({
        opportunity: staffOpportunitySchema,
        order: z.object({
          id: z.string(),
          number: z.string(),
          status: z.enum(ORDER_STATUSES),
          currency: z.string(),
          totalMinor: z.string(),
        }),
        created: z.boolean(),
      }),
      'The order made earlier',
    ),
  },
});

/** Staff's pipeline of partners' sales opportunities. */
export const routes = createRouter()
  .openapi(listRoute, async (c) =>
    c.json(await findOpportunities(c.get('tenant')!, c.req.valid('query')), 200),
  )
  .openapi(getRoute, async (c) => {
    const ctx = c.get('tenant')!;
    const row = await getOpportunityRow(ctx, ctx.services.db, c.req.valid('param').opportunityId);
    return c.json(await toStaffOpportunity(ctx, ctx.services.db, row), 200);
  })
  .openapi(patchRoute, async (c) => {
    const patch = c.req.valid('json');
    const result = await updateOpportunity(c.get('tenant')!, c.req.valid('param').opportunityId, {
      ...patch,
      estimatedValueMinor:
        patch.estimatedValueMinor === undefined
          ? undefined
          : patch.estimatedValueMinor === null
            ? null
            : BigInt(patch.estimatedValueMinor),
    });
    return c.json(result, 200);
  })
  .openapi(convertRoute, async (c) => {
    const result = await convertOpportunityToOrder(
      c.get('tenant')!,
      c.req.valid('param').opportunityId,
      c.req.valid('json'),
    );
    return result.created ? c.json(result, 201) : c.json(result, 200);
  });
