import { z } from 'zod';
import type { OrderItemInput, PaymentMethod, PaymentStatus } from '../../orders';
import { amountMinor, currencyOf, timestampOf } from './amounts';
import { optionalText, parsePayload, platformId } from './common';
import { type DeliveryPlan, MalformedPayload, type OrderStates } from './plan';

const amount = z.union([z.string(), z.number()]).nullish();

/** The postback's fields: JSON body, form body or query string; see the module README. */
export const postbackSchema = z.object({
  event_id: optionalText,
  order_id: platformId,
  number: optionalText,
  amount,
  currency: optionalText,
  kclid: optionalText,
  ref: optionalText,
  coupon: optionalText,
  status: z
    .enum(['pending', 'confirmed', 'completed', 'cancelled', 'refunded'])
    .nullish()
    .transform((value) => value ?? undefined),
  payment: z
    .enum(['unpaid', 'paid', 'failed', 'cod'])
    .nullish()
    .transform((value) => value ?? undefined),
  customer_id: optionalText,
  customer_name: optionalText,
  customer_email: optionalText,
  customer_phone: optionalText,
  discount: amount,
  shipping: amount,
  tax: amount,
  placed_at: optionalText,
  occurred_at: optionalText,
  items: z
    .array(
      z.object({
        sku: z.union([z.string().min(1), z.number()]).transform(String),
        name: optionalText,
        quantity: z.coerce.number().int().min(1).default(1),
        price: amount,
        discount: amount,
      }),
    )
    .nullish(),
});

/** The postback's own event id, used to refuse a second delivery of the same notice. */
export function postbackEventId(payload: unknown): string | undefined {
  if (!payload || typeof payload !== 'object') return undefined;
  const value = (payload as Record<string, unknown>).event_id;
  return typeof value === 'string' || typeof value === 'number'
    ? String(value).slice(0, 200) || undefined
    : undefined;
}

/** A server-to-server postback: one order, its items or just its amount, and its state. */
export function mapPostback(
  payload: unknown,
  context: { sourceId: string; programId?: string; defaultCurrency: string; receivedAt: Date },
): DeliveryPlan {
  const notice = parsePayload(postbackSchema, payload, 'Postback');
  const currency = currencyOf(notice.currency ?? context.defaultCurrency);
  let items: OrderItemInput[];
  if (notice.items && notice.items.length > 0) {
    items = notice.items.map((item, index) => ({
      sku: item.sku,
      name: item.name,
      quantity: item.quantity,
      unitPriceMinor: amountMinor(item.price, currency, `items.${index}.price`),
      discountMinor: amountMinor(item.discount, currency, `items.${index}.discount`),
    }));
  } else {
    if (notice.amount === undefined || notice.amount === null || notice.amount === '') {
      throw new MalformedPayload('Postback: send amount or items');
    }
    items = [
      {
        sku: 'postback',
        name: `Order ${notice.number ?? notice.order_id}`,
        quantity: 1,
        unitPriceMinor: amountMinor(notice.amount, currency, 'amount'),
      },
    ];
  }
  const paymentMethod: PaymentMethod | undefined = notice.payment === 'cod' ? 'cod' : undefined;
  const paymentStatus: PaymentStatus | undefined =
    notice.payment === 'cod' ? undefined : notice.payment === undefined ? undefined : notice.payment;
  const status = notice.status;
  const states: OrderStates = {
    confirmed: status === 'confirmed' || status === 'completed',
    completed: status === 'completed',
    cancelled: status === 'cancelled' ? { reason: 'Cancelled by the shop’s postback' } : undefined,
    returnedInFull: status === 'refunded',
    paymentStatus,
  };
  const occurredAt = timestampOf(notice.occurred_at) ?? context.receivedAt;
  return {
    kind: 'order',
    order: {
      source: 'postback',
      sourceId: context.sourceId,
      externalId: notice.order_id,
      number: notice.number,
      programId: context.programId,
      currency,
      placedAt: timestampOf(notice.placed_at) ?? occurredAt,
      paymentMethod,
      customer: {
        externalId: notice.customer_id,
        name: notice.customer_name,
        email: notice.customer_email,
        phone: notice.customer_phone,
      },
      items,
      discountMinor: amountMinor(notice.discount, currency, 'discount'),
      shippingMinor: amountMinor(notice.shipping, currency, 'shipping'),
      taxMinor: amountMinor(notice.tax, currency, 'tax'),
      partnerCode: notice.ref,
      couponCode: notice.coupon,
      clickId: notice.kclid,
    },
    states,
    occurredAt,
    // a postback has no update time of its own: its states are keyed by value
    eventKeyBase: `postback:${notice.order_id}`,
  };
}
