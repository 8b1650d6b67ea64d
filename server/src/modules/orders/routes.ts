import { createRouter } from '../../platform/http/app';
import { body, json } from '../../platform/http/openapi';
import { defineRoute } from '../../platform/http/route';
import { newId } from '../../platform/ids';
import { findOrders } from './find-orders';
import { getOrderById } from './get-order';
import { ingestOrder, ingestOrders } from './ingest-order';
import type { OrderView } from './order-view';
import { recordOrderEvent } from './record-order-event';
import {
  batchBodySchema,
  batchResultSchema,
  orderDetailSchema,
  orderEventBodySchema,
  orderEventResultSchema,
  orderInputSchema,
  orderListQuerySchema,
  orderPageSchema,
  orderParams,
  orderSchema,
  toOrderInput,
} from './schemas';

const tags = ['Orders'];

const createRoute = defineRoute({
  method: 'post',
  path: '/api/v1/orders',
  tags,
  summary: 'Send one order (stored once per source and external id)',
  description:
    'Items are matched to the catalog by SKU; the order is attributed (partner code, coupon, click in its cookie window, customer ownership, the partner who entered it) and keeps its evidence. ' +
    'A second delivery of the same (source, externalId) changes nothing and answers the stored order with 200.',
  access: { permission: 'orders.manage' },
  request: { body: body(orderInputSchema) },
  responses: {
    201: json(orderSchema, 'The order, created'),
    200: json(orderSchema, 'The order already stored for this source and external id'),
  },
});

const batchRoute = defineRoute({
  method: 'post',
  path: '/api/v1/orders/batch',
  tags,
  summary: 'Send up to 1,000 orders at once',
  description:
    'Each order is handled like POST /api/v1/orders and answered in `results` (same index as sent): created, already stored, or the error of that order alone.',
  access: { permission: 'orders.import' },
  request: { body: body(batchBodySchema) },
  responses: { 200: json(batchResultSchema, 'One result per order') },
});

const listRoute = defineRoute({
  method: 'get',
  path: '/api/v1/orders',
  tags,
  summary: 'List orders, newest first, with filters',
  access: { permission: 'orders.read' },
  request: { query: orderListQuerySchema },
  responses: { 200: json(orderPageSchema, 'A page of orders') },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/api/v1/orders/{orderId}',
  tags,
  summary: 'An order with its items, timeline and attribution evidence',
  access: { permission: 'orders.read' },
  request: { params: orderParams },
  responses: { 200: json(orderDetailSchema, 'The order') },
});

const eventRoute = defineRoute({
  method: 'post',
  path: '/api/v1/orders/{orderId}/events',
  tags,
  summary: 'Confirm, complete, cancel, return items, set the payment status or add a note',
  description:
    'Events are kept in an append-only history; the order is the fold of its events by time, so events sent late or twice give the same result. ' +
    'Completed and cancelled are final: whichever happened first stands (undo delivered goods with a return). ' +
    'A return above what was sold answers 422 naming the line.',
  access: { permission: 'orders.manage' },
  request: { params: orderParams, body: body(orderEventBodySchema) },
  responses: {
    200: json(orderEventResultSchema, 'The order after the event; applied=false for a repeated dedupeKey'),
  },
});

const summaryOf = (order: OrderView) => ({
  id: order.id,
  number: order.number,
  source: order.source,
  externalId: order.externalId,
  status: order.status,
  paymentStatus: order.paymentStatus,
  currency: order.currency,
  totalMinor: order.totalMinor,
  enrollmentId: order.enrollmentId,
  attributionMethod: order.attributionMethod,
  flags: order.flags,
});

export const orderRoutes = createRouter()
  .openapi(createRoute, async (c) => {
    const tenant = c.get('tenant')!;
    const { order, created } = await ingestOrder(
      tenant,
      tenant.services.db,
      toOrderInput(c.req.valid('json')),
    );
    return created ? c.json(order, 201) : c.json(order, 200);
  })
  .openapi(batchRoute, async (c) => {
    const tenant = c.get('tenant')!;
    const results = await ingestOrders(
      tenant,
      tenant.services.db,
      c.req.valid('json').orders.map(toOrderInput),
    );
    let created = 0;
    let failed = 0;
    for (const result of results) {
      if (!result.ok) failed++;
      else if (result.created) created++;
    }
    return c.json(
      {
        created,
        existing: results.length - created - failed,
        failed,
        results: results.map((result, index) =>
          result.ok
            ? { index, ok: true, created: result.created, order: summaryOf(result.order) }
            : { index, ok: false, error: result.error },
        ),
      },
      200,
    );
  })
  .openapi(listRoute, async (c) => c.json(await findOrders(c.get('tenant')!, c.req.valid('query')), 200))
  .openapi(getRoute, async (c) =>
    c.json(await getOrderById(c.get('tenant')!, c.req.valid('param').orderId), 200),
  )
  .openapi(eventRoute, async (c) => {
    const tenant = c.get('tenant')!;
    const input = c.req.valid('json');
    const dedupeKey =
      input.dedupeKey ??
      (c.req.header('idempotency-key')
        ? `idem:${c.req.header('idempotency-key')}`
        : `${tenant.actor.type}:${newId('orderEvent')}`);
    const result = await recordOrderEvent(tenant, tenant.services.db, {
      order: { id: c.req.valid('param').orderId },
      type: input.type,
      dedupeKey,
      occurredAt: input.occurredAt ? new Date(input.occurredAt) : undefined,
      reason: input.reason,
      paymentStatus: input.paymentStatus,
      returnItems: input.returnItems,
    });
    return c.json(result, 200);
  });
