import { z } from '@hono/zod-openapi';
import { ORDER_STATUSES, type orderItems, type orders, PAYMENT_STATUSES } from './schema';

const DOT = '•';

/** "+84901234567" → "+8490•••4567": enough to recognise a customer, not to call them. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  if (phone.length <= 7) return DOT.repeat(phone.length);
  return `${phone.slice(0, 5)}${DOT.repeat(Math.max(phone.length - 9, 3))}${phone.slice(-4)}`;
}

const minor = z.string().openapi({ description: 'Integer minor units of `currency`', example: '350000' });

export const partnerOrderSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    programId: z.string().nullable(),
    enrollmentId: z.string().nullable().openapi({ description: 'The enrollment credited with the order' }),
    enteredByMe: z.boolean(),
    status: z.enum(ORDER_STATUSES),
    statusReason: z.string().nullable(),
    paymentStatus: z.enum(PAYMENT_STATUSES),
    paymentMethod: z.string().nullable(),
    currency: z.string(),
    subtotalMinor: minor,
    discountMinor: minor,
    shippingMinor: minor,
    totalMinor: minor,
    returnedMinor: minor,
    customer: z.object({
      name: z.string(),
      phone: z.string().nullable().openapi({ description: 'Masked unless I entered the order' }),
    }),
    shippingAddress: z.string().nullable(),
    note: z.string(),
    placedAt: z.string(),
    confirmedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    paidAt: z.string().nullable(),
  })
  .openapi('PartnerOrder');

export const partnerOrderItemSchema = z.object({
  sku: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  unitPriceMinor: minor,
  discountMinor: minor,
  lineTotalMinor: minor,
  returnedQuantity: z.number().int(),
});

export const partnerTimelineEntrySchema = z.object({
  type: z.enum(['created', 'confirmed', 'completed', 'cancelled', 'returned', 'payment', 'items_added']),
  at: z.string(),
  reason: z.string().nullable(),
  paymentStatus: z.enum(PAYMENT_STATUSES).nullable(),
});

export const partnerOrderDetailSchema = partnerOrderSchema
  .extend({
    items: z.array(partnerOrderItemSchema),
    timeline: z.array(partnerTimelineEntrySchema),
  })
  .openapi('PartnerOrderDetail');

export type PartnerOrderView = z.infer<typeof partnerOrderSchema>;

/**
 * An order as the partner who entered it or is credited with it sees it: no attribution evidence,
 * costs or staff notes; the customer's contact in full only on orders they entered themselves.
 */
export function toPartnerOrderView(
  row: typeof orders.$inferSelect,
  myEnrollmentIds: string[],
): PartnerOrderView {
  const enteredByMe =
    row.enteredByEnrollmentId !== null && myEnrollmentIds.includes(row.enteredByEnrollmentId);
  return {
    id: row.id,
    number: row.number,
    programId: row.programId,
    enrollmentId: row.enrollmentId,
    enteredByMe,
    status: row.status,
    statusReason: row.status === 'cancelled' ? row.statusReason : null,
    paymentStatus: row.paymentStatus,
    paymentMethod: row.paymentMethod,
    currency: row.currency,
    subtotalMinor: row.subtotalMinor.toString(),
    discountMinor: row.discountMinor.toString(),
    shippingMinor: row.shippingMinor.toString(),
    totalMinor: row.totalMinor.toString(),
    returnedMinor: row.returnedMinor.toString(),
    customer: {
      name: row.customerName,
      phone: enteredByMe ? row.customerPhone : maskPhone(row.customerPhone),
    },
    shippingAddress: enteredByMe ? row.shippingAddress : null,
    note: enteredByMe ? row.note : '',
    placedAt: row.placedAt.toISOString(),
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    paidAt: row.paidAt?.toISOString() ?? null,
  };
}

export function toPartnerOrderItem(item: typeof orderItems.$inferSelect) {
  const lineTotal = item.unitPriceMinor * BigInt(item.quantity) - item.discountMinor;
  return {
    sku: item.sku,
    name: item.name,
    quantity: item.quantity,
    unitPriceMinor: item.unitPriceMinor.toString(),
    discountMinor: item.discountMinor.toString(),
    lineTotalMinor: lineTotal.toString(),
    returnedQuantity: item.returnedQuantity,
  };
}
