import { z } from '@hono/zod-openapi';
import { pageQuerySchema } from '../../platform/http/paging';
import { SUPPORTED_CURRENCIES } from '../../platform/money';
import type { OrderInput } from './ingest-order';
import {
  ATTRIBUTION_FLAGS,
  ATTRIBUTION_METHODS,
  CONVERSION_KINDS,
  ORDER_EVENT_TYPES,
  ORDER_SOURCES,
  ORDER_STATUSES,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
} from './schema';

const id = z.string().trim().min(1).max(60);
/** Money in JSON: a string of minor units ("250000" đồng, "9950" satang = 99.50 ฿). */
const minorInput = (description: string) =>
  z
    .union([
      z.string().regex(/^\d{1,18}$/, 'A whole number of minor units, as a string'),
      z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    ])
    .transform((value) => BigInt(value))
    .openapi({ type: 'string', example: '250000', description });
const minor = z.string().openapi({ example: '250000', description: 'Minor units of the currency' });
const text = (max: number) => z.string().trim().max(max);

export const customerInputSchema = z.object({
  externalId: text(100).min(1).optional().openapi({ description: "The shop's own customer id" }),
  name: text(200).optional(),
  phone: text(40)
    .optional()
    .openapi({ example: '0901234567', description: 'Normalised to E.164 (default region VN)' }),
  email: text(200).optional(),
});

export const orderItemInputSchema = z.object({
  sku: text(100).min(1).openapi({ example: 'SRM-50ML' }),
  name: text(300).optional(),
  quantity: z.number().int().min(1).max(1_000_000),
  unitPriceMinor: minorInput('Unit price'),
  discountMinor: minorInput('Discount on the whole line').optional(),
  externalLineId: text(100).min(1).optional(),
});

export const orderInputSchema = z
  .object({
    source: z.enum(ORDER_SOURCES).default('api'),
    externalId: text(200).min(1).openapi({
      example: 'SHOP-10001',
      description: 'Your id of the order: (source, externalId) is stored once',
    }),
    number: text(100).min(1).optional(),
    programId: id.optional(),
    currency: z.enum(SUPPORTED_CURRENCIES as [string, ...string[]]).openapi({ example: 'VND' }),
    placedAt: z.iso.datetime({ offset: true }).optional(),
    status: z.enum(ORDER_STATUSES).optional(),
    paymentStatus: z.enum(PAYMENT_STATUSES).optional(),
    paymentMethod: z.enum(PAYMENT_METHODS).optional(),
    customer: customerInputSchema.optional(),
    shippingAddress: text(500).optional(),
    note: text(2000).optional(),
    items: z.array(orderItemInputSchema).min(1).max(500),
    discountMinor: minorInput('Order discount on top of line discounts').optional(),
    shippingMinor: minorInput('Shipping charged').optional(),
    taxMinor: minorInput('Tax charged').optional(),
    partnerCode: text(40)
      .min(1)
      .optional()
      .openapi({ description: "A partner's referral code given with the order" }),
    couponCode: text(60).min(1).optional(),
    clickId: text(60).min(1).optional().openapi({ description: 'The kclid the shop received' }),
    clientIp: text(64)
      .min(1)
      .optional()
      .openapi({ description: "The buyer's IP; only a salted hash is kept" }),
    userAgent: text(500).optional(),
    enteredByEnrollmentId: id.optional(),
    subscriptionId: text(100).min(1).optional(),
  })
  .openapi('OrderInput');

/** The JSON body of an order → the use case's input (dates parsed). */
export function toOrderInput(body: z.infer<typeof orderInputSchema>): OrderInput {
  return { ...body, placedAt: body.placedAt ? new Date(body.placedAt) : undefined };
}

const evidenceSchema = z
  .object({
    partnerCode: z.string().optional(),
    couponCode: z.string().optional(),
    clickId: z.string().optional(),
    clickedAt: z.string().optional(),
    linkId: z.string().optional(),
    windowDays: z.number().optional(),
    model: z.enum(['last_click', 'first_click']).optional(),
    customerId: z.string().optional(),
    ownedSince: z.string().optional(),
    ownedUntil: z.string().nullable().optional(),
    enteredByEnrollmentId: z.string().optional(),
    currencyMismatch: z.object({ orderCurrency: z.string(), programCurrency: z.string() }).optional(),
    ignored: z.array(z.object({ kind: z.string(), value: z.string(), reason: z.string() })).optional(),
  })
  .openapi('AttributionEvidence');

const partnerRefSchema = z
  .object({ enrollmentId: z.string(), partnerId: z.string(), name: z.string(), referralCode: z.string() })
  .nullable();

export const orderSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    source: z.enum(ORDER_SOURCES),
    sourceId: z.string().nullable(),
    externalId: z.string(),
    status: z.enum(ORDER_STATUSES),
    statusReason: z.string().nullable(),
    paymentStatus: z.enum(PAYMENT_STATUSES),
    paymentMethod: z.string().nullable(),
    currency: z.string(),
    subtotalMinor: minor,
    discountMinor: minor,
    shippingMinor: minor,
    taxMinor: minor,
    totalMinor: minor,
    returnedMinor: minor,
    items: z.array(
      z.object({
        lineNo: z.number(),
        externalLineId: z.string().nullable(),
        productId: z.string().nullable(),
        categoryId: z.string().nullable(),
        sku: z.string(),
        name: z.string(),
        quantity: z.number(),
        unitPriceMinor: minor,
        discountMinor: minor,
        lineTotalMinor: minor,
        netMinor: minor,
        unitCostMinor: minor.nullable(),
        unitCtvPriceMinor: minor.nullable(),
        returnedQuantity: z.number(),
        returnedMinor: minor,
      }),
    ),
    customer: z.object({
      id: z.string().nullable(),
      name: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
    shippingAddress: z.string().nullable(),
    note: z.string(),
    programId: z.string().nullable(),
    enrollmentId: z.string().nullable(),
    partner: partnerRefSchema,
    attributionMethod: z.enum(ATTRIBUTION_METHODS),
    attributionEvidence: evidenceSchema,
    flags: z.array(z.enum(ATTRIBUTION_FLAGS)),
    partnerCode: z.string().nullable(),
    couponCode: z.string().nullable(),
    clickId: z.string().nullable(),
    enteredByEnrollmentId: z.string().nullable(),
    subscriptionId: z.string().nullable(),
    placedAt: z.string(),
    confirmedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    paidAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Order');

export const orderEventSchema = z
  .object({
    id: z.string(),
    type: z.enum(ORDER_EVENT_TYPES),
    dedupeKey: z.string(),
    occurredAt: z.string(),
    data: z.record(z.string(), z.unknown()),
    actor: z.object({ type: z.string(), id: z.string().nullable(), label: z.string().nullable() }),
    /** False for events kept in the history that changed nothing (a cancellation after completion). */
    effective: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('OrderEvent');

export const orderDetailSchema = orderSchema
  .extend({ timeline: z.array(orderEventSchema) })
  .openapi('OrderDetail');

export const batchBodySchema = z
  .object({ orders: z.array(orderInputSchema).min(1).max(1000) })
  .openapi('OrderBatch');

export const orderSummarySchema = orderSchema
  .pick({
    id: true,
    number: true,
    source: true,
    externalId: true,
    status: true,
    paymentStatus: true,
    currency: true,
    totalMinor: true,
    enrollmentId: true,
    attributionMethod: true,
    flags: true,
  })
  .openapi('OrderSummary');

export const batchResultSchema = z
  .object({
    created: z.number(),
    existing: z.number(),
    failed: z.number(),
    results: z.array(
      z.object({
        index: z.number(),
        ok: z.boolean(),
        created: z.boolean().optional(),
        order: orderSummarySchema
          .optional()
          .openapi({ description: 'The stored order in short; GET /api/v1/orders/{orderId} has all of it' }),
        error: z.object({ code: z.string(), message: z.string() }).optional(),
      }),
    ),
  })
  .openapi('OrderBatchResult');

const booleanFlag = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .optional();

export const orderListQuerySchema = pageQuerySchema.extend({
  status: z.enum(ORDER_STATUSES).optional(),
  paymentStatus: z.enum(PAYMENT_STATUSES).optional(),
  programId: id.optional(),
  enrollmentId: id.optional(),
  customerId: id.optional(),
  source: z.enum(ORDER_SOURCES).optional(),
  attributionMethod: z.enum(ATTRIBUTION_METHODS).optional(),
  flagged: booleanFlag.openapi({ description: 'Only orders with (true) or without (false) a flag' }),
  placedFrom: z.iso.datetime({ offset: true }).optional(),
  placedTo: z.iso.datetime({ offset: true }).optional(),
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'Order number (prefix) or customer phone' }),
});
export type OrderListQuery = z.infer<typeof orderListQuerySchema>;

export const orderPageSchema = z
  .object({ items: z.array(orderSchema), nextCursor: z.string().nullable() })
  .openapi('OrderPage');

export const orderParams = z.object({ orderId: id.openapi({ param: { name: 'orderId', in: 'path' } }) });

export const orderEventBodySchema = z
  .object({
    type: z.enum(['confirmed', 'completed', 'cancelled', 'returned', 'payment', 'note']),
    reason: text(1000).optional().openapi({ description: 'Needed to cancel; the text of a note' }),
    paymentStatus: z.enum(PAYMENT_STATUSES).optional(),
    returnItems: z
      .array(
        z.object({
          lineNo: z.number().int().min(1).optional(),
          externalLineId: text(100).min(1).optional(),
          sku: text(100).min(1).optional(),
          quantity: z.number().int().min(1),
        }),
      )
      .max(500)
      .optional(),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    dedupeKey: text(255).min(1).optional().openapi({
      description:
        'The same key on the same order is applied once (defaults to the Idempotency-Key header, else a new key)',
    }),
  })
  .superRefine((body, context) => {
    if (body.type === 'cancelled' && !body.reason) {
      context.addIssue({ code: 'custom', path: ['reason'], message: 'Give a reason to cancel' });
    }
    if (body.type === 'note' && !body.reason)
      context.addIssue({ code: 'custom', path: ['reason'], message: 'Write the note' });
    if (body.type === 'payment' && !body.paymentStatus) {
      context.addIssue({ code: 'custom', path: ['paymentStatus'], message: 'Give the payment status' });
    }
    if (body.type === 'returned' && !body.returnItems?.length) {
      context.addIssue({
        code: 'custom',
        path: ['returnItems'],
        message: 'Name at least one line and quantity',
      });
    }
  })
  .openapi('OrderEventInput');

export const orderEventResultSchema = z
  .object({ applied: z.boolean(), order: orderSchema })
  .openapi('OrderEventResult');

export const customerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    partnerId: z.string().nullable(),
    owner: partnerRefSchema,
    ownedSince: z.string().nullable(),
    ownedUntil: z.string().nullable(),
    firstOrderAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Customer');

export const customerListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().min(1).max(100).optional().openapi({ description: 'Name, phone or email (prefix)' }),
  ownerEnrollmentId: id.optional(),
  owned: booleanFlag.openapi({
    description: 'Only customers with (true) or without (false) an owner partner',
  }),
  sort: z.enum(['createdAt', 'name']).default('createdAt').openapi({
    description:
      'createdAt (when Kênh first saw the customer) or name (Vietnamese marks ignored first); the direction is `order`',
  }),
});
export type CustomerListQuery = z.infer<typeof customerListQuerySchema>;

export const customerPageSchema = z
  .object({ items: z.array(customerSchema), nextCursor: z.string().nullable() })
  .openapi('CustomerPage');

export const customerDetailSchema = customerSchema
  .extend({
    orderCount: z.number(),
    orders: z.array(orderSchema).openapi({ description: 'The 50 latest orders' }),
  })
  .openapi('CustomerDetail');

export const customerParams = z.object({
  customerId: id.openapi({ param: { name: 'customerId', in: 'path' } }),
});

export const conversionInputSchema = z
  .object({
    kind: z.enum(CONVERSION_KINDS),
    name: text(100).min(1).optional().openapi({ example: 'trial_started' }),
    source: text(50).min(1).default('api'),
    externalId: text(200).min(1),
    programId: id.optional(),
    customer: customerInputSchema.optional(),
    partnerCode: text(40).min(1).optional(),
    couponCode: text(60).min(1).optional(),
    clickId: text(60).min(1).optional(),
    clientIp: text(64).min(1).optional(),
    currency: z.enum(SUPPORTED_CURRENCIES as [string, ...string[]]).optional(),
    valueMinor: minorInput('Value of the conversion').optional(),
    metadata: z.record(z.string().max(100), z.string().max(500)).optional(),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
  })
  .openapi('ConversionInput');

export const conversionSchema = z
  .object({
    id: z.string(),
    kind: z.enum(CONVERSION_KINDS),
    name: z.string(),
    source: z.string(),
    externalId: z.string(),
    programId: z.string().nullable(),
    enrollmentId: z.string().nullable(),
    partner: partnerRefSchema,
    attributionMethod: z.enum(ATTRIBUTION_METHODS),
    attributionEvidence: evidenceSchema,
    flags: z.array(z.enum(ATTRIBUTION_FLAGS)),
    customerId: z.string().nullable(),
    partnerCode: z.string().nullable(),
    couponCode: z.string().nullable(),
    clickId: z.string().nullable(),
    currency: z.string().nullable(),
    valueMinor: z.string().nullable(),
    metadata: z.record(z.string(), z.string()),
    occurredAt: z.string(),
    createdAt: z.string(),
  })
  .openapi('Conversion');

export const conversionListQuerySchema = pageQuerySchema.extend({
  kind: z.enum(CONVERSION_KINDS).optional(),
  programId: id.optional(),
  enrollmentId: id.optional(),
  source: text(50).min(1).optional(),
  attributionMethod: z.enum(ATTRIBUTION_METHODS).optional(),
});
export type ConversionListQuery = z.infer<typeof conversionListQuerySchema>;

export const conversionPageSchema = z
  .object({ items: z.array(conversionSchema), nextCursor: z.string().nullable() })
  .openapi('ConversionPage');
