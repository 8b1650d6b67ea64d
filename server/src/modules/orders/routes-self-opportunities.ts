import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app';
import { json } from '../../platform/http/openapi';
import { pageQuerySchema } from '../../platform/http/paging';
import { defineRoute } from '../../platform/http/route';
import { createMyOpportunity } from './opportunity-create';
import { findMyOpportunities } from './opportunity-find';
import { opportunitySchema } from './opportunity-view';
import { OPPORTUNITY_STATUSES } from './schema';

const tags = ['Partner app'];
const access = { session: 'partner' } as const;
const id = z.string().trim().min(1).max(60);

export const minorAmount = z
  .string()
  .regex(/^\d{1,15}$/, 'A whole number of minor units, as a string')
  .openapi({ description: 'Integer minor units of the program currency', example: '1500000' });

const newOpportunitySchema = z
  .object({
    enrollmentId: id.openapi({ example: 'enr_01jc8x0000abcdefghjkmnpqrs' }),
    customerName: z.string().trim().min(1).max(120).openapi({ example: 'Võ Minh Tuấn' }),
    customerPhone: z.string().trim().min(6).max(30).nullable().optional().openapi({ example: '0912345678' }),
    customerEmail: z.email().max(254).nullable().optional(),
    need: z.string().trim().min(1).max(2000).openapi({ example: 'Cần 20 hộp trà làm quà Tết cho công ty' }),
    estimatedValueMinor: minorAmount.nullable().optional(),
  })
  .strict()
  .openapi('NewOpportunity');

const createRoute = defineRoute({
  method: 'post',
  path: '/api/me/opportunities',
  tags,
  summary: 'Record a sales opportunity',
  description: 'A customer and what they need; care staff contact them and may turn it into an order.',
  access,
  request: { body: { required: true, content: { 'application/json': { schema: newOpportunitySchema } } } },
  responses: { 201: json(opportunitySchema, 'The opportunity') },
});

const listRoute = defineRoute({
  method: 'get',
  path: '/api/me/opportunities',
  tags,
  summary: 'My opportunities, newest first',
  access,
  request: {
    query: pageQuerySchema
      .omit({ order: true })
      .extend({ enrollmentId: id.optional(), status: z.enum(OPPORTUNITY_STATUSES).optional() }),
  },
  responses: {
    200: json(z.object({ items: z.array(opportunitySchema), nextCursor: z.string().nullable() }), 'A page'),
  },
});

const identityOf = (c: { get: (key: 'session') => { identityId: string } | undefined }) =>
  c.get('session')!.identityId;

/** The partner app's opportunities. */
export const selfOpportunityRoutes = createRouter()
  .openapi(createRoute, async (c) => {
    const body = c.req.valid('json');
    const opportunity = await createMyOpportunity(c.get('services'), identityOf(c), {
      ...body,
      estimatedValueMinor: body.estimatedValueMinor ? BigInt(body.estimatedValueMinor) : null,
    });
    return c.json(opportunity, 201);
  })
  .openapi(listRoute, async (c) =>
    c.json(await findMyOpportunities(c.get('services'), identityOf(c), c.req.valid('query')), 200),
  );
