import { createRouter } from '../../platform/http/app';
import { json } from '../../platform/http/openapi';
import { defineRoute } from '../../platform/http/route';
import { findCustomers, getCustomerById } from './customers/find-customers';
import { findConversions } from './find-conversions';
import { recordConversion } from './record-conversion';
import {
  conversionInputSchema,
  conversionListQuerySchema,
  conversionPageSchema,
  conversionSchema,
  customerDetailSchema,
  customerListQuerySchema,
  customerPageSchema,
  customerParams,
} from './schemas';

const listCustomersRoute = defineRoute({
  method: 'get',
  path: '/api/v1/customers',
  tags: ['Customers'],
  summary: 'List customers with the partner who owns them',
  access: { permission: 'orders.read' },
  request: { query: customerListQuerySchema },
  responses: { 200: json(customerPageSchema, 'A page of customers') },
});

const getCustomerRoute = defineRoute({
  method: 'get',
  path: '/api/v1/customers/{customerId}',
  tags: ['Customers'],
  summary: 'A customer: owner partner, since when, and their orders',
  access: { permission: 'orders.read' },
  request: { params: customerParams },
  responses: { 200: json(customerDetailSchema, 'The customer') },
});

const recordEventRoute = defineRoute({
  method: 'post',
  path: '/api/v1/events',
  tags: ['Conversions'],
  summary: 'Report a lead, sign-up or custom conversion (stored once per source and external id)',
  description:
    'Attributed like orders (partner code, coupon, click in its cookie window, customer ownership). A second delivery answers the stored conversion with 200.',
  access: { permission: 'orders.manage' },
  request: { body: { required: true, content: { 'application/json': { schema: conversionInputSchema } } } },
  responses: {
    201: json(conversionSchema, 'The conversion, created'),
    200: json(conversionSchema, 'The conversion already stored for this source and external id'),
  },
});

const listConversionsRoute = defineRoute({
  method: 'get',
  path: '/api/v1/conversions',
  tags: ['Conversions'],
  summary: 'List leads, sign-ups and custom conversions, newest first',
  access: { permission: 'orders.read' },
  request: { query: conversionListQuerySchema },
  responses: { 200: json(conversionPageSchema, 'A page of conversions') },
});

export const customerRoutes = createRouter()
  .openapi(listCustomersRoute, async (c) =>
    c.json(await findCustomers(c.get('tenant')!, c.req.valid('query')), 200),
  )
  .openapi(getCustomerRoute, async (c) =>
    c.json(await getCustomerById(c.get('tenant')!, c.req.valid('param').customerId), 200),
  )
  .openapi(recordEventRoute, async (c) => {
    const tenant = c.get('tenant')!;
    const body = c.req.valid('json');
    const { conversion, created } = await recordConversion(tenant, tenant.services.db, {
      ...body,
      occurredAt: body.occurredAt ? new Date(body.occurredAt) : undefined,
    });
    return created ? c.json(conversion, 201) : c.json(conversion, 200);
  })
  .openapi(listConversionsRoute, async (c) =>
    c.json(await findConversions(c.get('tenant')!, c.req.valid('query')), 200),
  );
