import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app';
import { json } from '../../platform/http/openapi';
import { pageQuerySchema } from '../../platform/http/paging';
import { defineRoute } from '../../platform/http/route';
import { createMyOrder } from './partner-orders-create';
import { findMyCustomers, findMyOrders, getMyOrder } from './partner-orders-find';
import { partnerOrderDetailSchema, partnerOrderSchema } from './partner-orders-view';
import { ORDER_STATUSES } from './schema';

const tags = ['Partner app'];
const access = { session: 'partner' } as const;
const id = z.string().trim().min(1).max(60);

/** A catalog line: a product by id (or SKU) and a quantity; the price always comes from the catalog. */
export const catalogLineSchema = z
  .object({
    productId: id.optional().openapi({ example: 'prd_01jc8x0000abcdefghjkmnpqrs' }),
    sku: z.string().trim().min(1).max(100).optional(),
    quantity: z.number().int().min(1).max(9999).openapi({ example: 2 }),
  })
  .strict()
  .refine((line) => Boolean(line.productId || line.sku), 'Name the product by productId or sku');

const newOrderSchema = z
  .object({
    enrollmentId: id.openapi({ example: 'enr_01jc8x0000abcdefghjkmnpqrs' }),
    clientOrderId: z.uuid().openapi({
      description: 'Made by the app once per order form: resubmitting it answers the same order',
      example: '1f0e6a52-7c1d-4c1e-9a55-3d1f0b0c2e11',
    }),
    customer: z
      .object({
        name: z.string().trim().min(1).max(120).openapi({ example: 'Phạm Thu Hà' }),
        phone: z.string().trim().min(6).max(30).openapi({ example: '0901234567' }),
        address: z.string().trim().min(5).max(500).openapi({ example: '12 Lê Lợi, Quận 1, TP. Hồ Chí Minh' }),
      })
      .strict(),
    items: z.array(catalogLineSchema).min(1).max(50),
    note: z.string().trim().max(1000).optional(),
    paymentMethod: z.enum(['cod', 'transfer']),
    storeCreditMinor: z
      .string()
      .regex(/^\d{1,18}$/, 'Minor units as a whole number')
      .optional()
      .openapi({ description: 'Store credit to spend on this order, at most its total', example: '100000' }),
  })
  .strict()
  .openapi('NewPartnerOrder');

const myOrdersQuery = pageQuerySchema.omit({ order: true }).extend({
  enrollmentId: id.optional().openapi({ description: 'One of my enrollments; all of them when left out' }),
  status: z.enum(ORDER_STATUSES).optional(),
});

const customerSchema = z
  .object({
    id: z.string(),
    enrollmentId: z.string(),
    name: z.string(),
    phone: z.string().nullable().openapi({ description: 'Masked', example: '+8490•••4567' }),
    since: z.string(),
    orderCount: z.number().int(),
    lastOrderAt: z.string().nullable(),
  })
  .openapi('MyCustomer');

const createRoute = defineRoute({
  method: 'post',
  path: '/api/me/orders',
  tags,
  summary: 'Enter an order for a customer',
  description:
    'Priced from the catalog (active products of the organisation only). Waits for care staff to confirm it. ' +
    'Sending the same clientOrderId again answers the order already made (200 instead of 201).',
  access,
  request: { body: { required: true, content: { 'application/json': { schema: newOrderSchema } } } },
  responses: {
    201: json(partnerOrderSchema, 'The order'),
    200: json(partnerOrderSchema, 'The order made by an earlier submission'),
  },
});

const listRoute = defineRoute({
  method: 'get',
  path: '/api/me/orders',
  tags,
  summary: 'My orders, newest first',
  description: 'Orders I entered and orders credited to me.',
  access,
  request: { query: myOrdersQuery },
  responses: {
    200: json(z.object({ items: z.array(partnerOrderSchema), nextCursor: z.string().nullable() }), 'A page'),
  },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/api/me/orders/{orderId}',
  tags,
  summary: 'One of my orders with its status timeline',
  access,
  request: {
    params: z.object({
      orderId: id.openapi({
        param: { name: 'orderId', in: 'path' },
        example: 'ord_01jc8x0000abcdefghjkmnpqrs',
      }),
    }),
  },
  responses: { 200: json(partnerOrderDetailSchema, 'The order') },
});

const customersRoute = defineRoute({
  method: 'get',
  path: '/api/me/customers',
  tags,
  summary: 'My customers',
  description: 'Customers I brought first and still own, with how many of their orders are mine.',
  access,
  request: {
    query: pageQuerySchema.omit({ order: true }).extend({
      enrollmentId: id.optional(),
      q: z.string().trim().min(1).max(100).optional().openapi({
        description: 'Name: its start or the start of any word, Vietnamese marks optional',
        example: 'nguyen',
      }),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(customerSchema), nextCursor: z.string().nullable() }), 'A page'),
  },
});

const identityOf = (c: { get: (key: 'session') => { identityId: string } | undefined }) =>
  c.get('session')!.identityId;

/** The partner app's orders: entering one, following them, and the customers they brought. */
export const selfOrderRoutes = createRouter()
  .openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    const result = await createMyOrder(c.get('services'), identityOf(c), {
      ...input,
      storeCreditMinor: input.storeCreditMinor ? BigInt(input.storeCreditMinor) : undefined,
    });
    return result.created ? c.json(result.order, 201) : c.json(result.order, 200);
  })
  .openapi(listRoute, async (c) =>
    c.json(await findMyOrders(c.get('services'), identityOf(c), c.req.valid('query')), 200),
  )
  .openapi(getRoute, async (c) =>
    c.json(await getMyOrder(c.get('services'), identityOf(c), c.req.valid('param').orderId), 200),
  )
  .openapi(customersRoute, async (c) =>
    c.json(await findMyCustomers(c.get('services'), identityOf(c), c.req.valid('query')), 200),
  );
