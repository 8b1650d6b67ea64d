import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app';
import { json } from '../../platform/http/openapi';
import { pageQuerySchema } from '../../platform/http/paging';
import { defineRoute } from '../../platform/http/route';
import { findOrderAlerts } from './alerts-find';
import { findOrderQueue } from './partner-orders-queue';
import { ORDER_ALERT_KINDS, ORDER_SOURCES, ORDER_STATUSES, PAYMENT_STATUSES } from './schema';

const id = z.string().trim().min(1).max(60);
const mine = z
  .enum(['true', 'false'])
  .optional()
  .transform((value) => value === 'true')
  .openapi({ description: 'Only orders of partners I care for' });

const queueItemSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    source: z.enum(ORDER_SOURCES),
    status: z.enum(ORDER_STATUSES),
    paymentStatus: z.enum(PAYMENT_STATUSES),
    paymentMethod: z.string().nullable(),
    currency: z.string(),
    totalMinor: z.string(),
    customer: z.object({ name: z.string(), phone: z.string().nullable() }),
    shippingAddress: z.string().nullable(),
    note: z.string(),
    program: z.object({ id: z.string(), name: z.string() }).nullable(),
    partner: z
      .object({
        enrollmentId: z.string(),
        partnerId: z.string(),
        name: z.string(),
        referralCode: z.string(),
        careMemberId: z.string().nullable(),
        enteredTheOrder: z.boolean(),
      })
      .nullable(),
    placedAt: z.string(),
    confirmedAt: z.string().nullable(),
    waitingMinutes: z
      .number()
      .int()
      .openapi({ description: 'Since placed (to confirm) or confirmed (to fulfil)' }),
    overdue: z.boolean().openapi({ description: 'Waiting longer than the program’s confirmation alert' }),
    alerts: z.array(z.enum(ORDER_ALERT_KINDS)),
  })
  .openapi('OrderQueueItem');

const queueRoute = defineRoute({
  method: 'get',
  path: '/api/v1/order-queue',
  tags: ['Orders'],
  summary: 'The confirmation queue: orders waiting for care staff, oldest first',
  description:
    'Pending orders to confirm (or confirmed ones to fulfil). Act on them with POST /api/v1/orders/{orderId}/events.',
  access: { permission: 'orders.read' },
  request: {
    query: pageQuerySchema.omit({ order: true }).extend({
      status: z.enum(['pending', 'confirmed']).default('pending'),
      programId: id.optional(),
      source: z.enum(ORDER_SOURCES).optional(),
      mine,
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(queueItemSchema), nextCursor: z.string().nullable() }), 'A page'),
  },
});

const alertSchema = z
  .object({
    kind: z.enum(ORDER_ALERT_KINDS),
    raisedAt: z.string(),
    order: z.object({
      id: z.string(),
      number: z.string(),
      status: z.enum(ORDER_STATUSES),
      paymentStatus: z.enum(PAYMENT_STATUSES),
      paymentMethod: z.string().nullable(),
      currency: z.string(),
      totalMinor: z.string(),
      customerName: z.string(),
      placedAt: z.string(),
    }),
    program: z.object({ id: z.string(), name: z.string() }).nullable(),
    partner: z.object({ enrollmentId: z.string(), name: z.string(), referralCode: z.string() }).nullable(),
  })
  .openapi('OrderAlert');

const alertsRoute = defineRoute({
  method: 'get',
  path: '/api/v1/order-alerts',
  tags: ['Orders'],
  summary: 'Open order alerts, newest first',
  description:
    'Waiting for confirmation too long, payment failed, cash on delivery not collected (thresholds per program). ' +
    'An alert closes by itself when its cause goes away.',
  access: { permission: 'orders.read' },
  request: {
    query: pageQuerySchema.omit({ order: true }).extend({
      kind: z.enum(ORDER_ALERT_KINDS).optional(),
      programId: id.optional(),
      mine,
    }),
  },
  responses: {
    200: json(
      z.object({
        items: z.array(alertSchema),
        nextCursor: z.string().nullable(),
        openCount: z.number().int().openapi({ description: 'Open alerts matching the filters, all pages' }),
      }),
      'A page',
    ),
  },
});

/** Care staff's confirmation queue and order alerts. */
export const orderQueueRoutes = createRouter()
  .openapi(queueRoute, async (c) => c.json(await findOrderQueue(c.get('tenant')!, c.req.valid('query')), 200))
  .openapi(alertsRoute, async (c) =>
    c.json(await findOrderAlerts(c.get('tenant')!, c.req.valid('query')), 200),
  );
