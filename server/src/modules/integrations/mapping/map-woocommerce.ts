import { z } from 'zod';
import type { OrderItemInput, PaymentStatus } from '../../orders';
import { amountMinor, currencyOf, divideUp, timestampOf } from './amounts';
import {
  attributeValue,
  joinAddress,
  joinName,
  optionalText,
  parsePayload,
  paymentMethodOf,
  platformId,
  requireDate,
} from './common';
import type { DeliveryPlan, OrderStates } from './plan';

const amount = z.union([z.string(), z.number()]).nullish();
const contact = z
  .object({
    first_name: optionalText,
    last_name: optionalText,
    email: optionalText,
    phone: optionalText,
    address_1: optionalText,
    address_2: optionalText,
    city: optionalText,
    state: optionalText,
    country: optionalText,
  })
  .nullish();

const orderSchema = z.object({
  id: platformId,
  number: optionalText,
  status: z.string(),
  currency: z.string().min(3),
  date_created_gmt: z.string().nullish(),
  date_created: z.string().nullish(),
  date_modified_gmt: z.string().nullish(),
  date_paid_gmt: z.string().nullish(),
  discount_total: amount,
  shipping_total: amount,
  total_tax: amount,
  customer_id: platformId.nullish(),
  customer_ip_address: optionalText,
  customer_user_agent: optionalText,
  customer_note: optionalText,
  payment_method: optionalText,
  billing: contact,
  shipping: contact,
  meta_data: z.array(z.object({ key: z.string(), value: z.unknown() })).nullish(),
  coupon_lines: z.array(z.object({ code: z.string() })).nullish(),
  // refunds as amounts (negative decimal strings); the webhook does not say which items came back
  refunds: z.array(z.object({ id: platformId, reason: optionalText, total: amount })).nullish(),
  line_items: z
    .array(
      z.object({
        id: platformId,
        name: optionalText,
        sku: optionalText,
        product_id: platformId.nullish(),
        variation_id: platformId.nullish(),
        quantity: z.number().int().min(1),
        subtotal: amount,
        total: amount,
      }),
    )
    .min(1),
});

/**
 * WooCommerce's order status as Kênh's lifecycle and payment. "processing" means paid and awaiting
 * fulfilment, except cash on delivery, which is collected at completion.
 */
function statesOf(status: string, cod: boolean, paid: boolean): OrderStates | 'not_an_order' {
  const payment: PaymentStatus | undefined = paid ? 'paid' : undefined;
  switch (status) {
    case 'pending':
    case 'on-hold':
      return { paymentStatus: payment };
    case 'processing':
      return { confirmed: true, paymentStatus: cod ? payment : 'paid' };
    case 'completed':
      return { confirmed: true, completed: true, paymentStatus: 'paid' };
    case 'cancelled':
      return { cancelled: { reason: 'Cancelled in WooCommerce' }, paymentStatus: payment };
    case 'refunded':
      return { returnedInFull: true, paymentStatus: 'paid' };
    case 'failed':
      return { paymentStatus: 'failed' };
    case 'checkout-draft':
    case 'draft':
    case 'trash':
      return 'not_an_order';
    default:
      return { paymentStatus: payment };
  }
}

/** order.created and order.updated: the order as WooCommerce's REST API shows it. */
export function mapWooCommerceOrder(
  payload: unknown,
  context: { sourceId: string; programId?: string },
): DeliveryPlan {
  const order = parsePayload(orderSchema, payload, 'WooCommerce order');
  const currency = currencyOf(order.currency);
  const paymentMethod = paymentMethodOf(order.payment_method);
  const states = statesOf(order.status, paymentMethod === 'cod', Boolean(order.date_paid_gmt));
  if (states === 'not_an_order') {
    return { kind: 'ignore', reason: `WooCommerce order ${order.id} is a ${order.status}, not an order yet` };
  }
  let lineDiscounts = 0n;
  const items: OrderItemInput[] = order.line_items.map((line, index) => {
    const subtotal = amountMinor(line.subtotal, currency, `line_items.${index}.subtotal`);
    const total = amountMinor(line.total ?? line.subtotal, currency, `line_items.${index}.total`);
    const quantity = BigInt(line.quantity);
    // WooCommerce gives line sums, not unit prices: round the unit up and let the line discount
    // absorb the difference so that quantity × unit − discount is the line's total exactly
    const unitPriceMinor = divideUp(subtotal, quantity);
    lineDiscounts += subtotal - total;
    return {
      sku:
        line.sku ??
        `woocommerce-${line.variation_id && line.variation_id !== '0' ? line.variation_id : (line.product_id ?? line.id)}`,
      name: line.name,
      quantity: line.quantity,
      unitPriceMinor,
      discountMinor: unitPriceMinor * quantity - total,
      externalLineId: line.id,
    };
  });
  const orderDiscount = amountMinor(order.discount_total, currency, 'discount_total') - lineDiscounts;
  const placedAt = requireDate(
    timestampOf(order.date_created_gmt, { assumeUtc: true }) ?? timestampOf(order.date_created),
    'date_created_gmt',
  );
  const occurredAt = timestampOf(order.date_modified_gmt, { assumeUtc: true }) ?? placedAt;
  // a full refund returns every item (states.returnedInFull); a partial one is left to staff
  if (order.status !== 'refunded' && order.refunds?.length) {
    states.refundsWithoutItems = order.refunds.flatMap((refund, index) => {
      const total = amountMinor(refund.total, currency, `refunds.${index}.total`);
      const refunded = total < 0n ? -total : total;
      return refunded === 0n ? [] : [{ id: refund.id, amountMinor: refunded, reason: refund.reason }];
    });
  }
  const billing = order.billing;
  const shipping = order.shipping;
  const meta = order.meta_data as { key: string; value: unknown }[] | undefined;
  return {
    kind: 'order',
    order: {
      source: 'woocommerce',
      sourceId: context.sourceId,
      externalId: order.id,
      number: order.number,
      programId: context.programId,
      currency,
      placedAt,
      paymentMethod,
      customer: {
        externalId: order.customer_id && order.customer_id !== '0' ? order.customer_id : undefined,
        name: joinName(billing?.first_name, billing?.last_name),
        email: billing?.email,
        phone: billing?.phone ?? shipping?.phone,
      },
      shippingAddress: joinAddress([
        shipping?.address_1 ?? billing?.address_1,
        shipping?.address_2 ?? billing?.address_2,
        shipping?.city ?? billing?.city,
        shipping?.state ?? billing?.state,
        shipping?.country ?? billing?.country,
      ]),
      note: order.customer_note,
      items,
      discountMinor: orderDiscount > 0n ? orderDiscount : 0n,
      shippingMinor: amountMinor(order.shipping_total, currency, 'shipping_total'),
      // WooCommerce line totals exclude tax even when prices are entered with tax
      taxMinor: amountMinor(order.total_tax, currency, 'total_tax'),
      partnerCode: attributeValue(meta, 'ref'),
      couponCode: order.coupon_lines?.[0]?.code,
      clickId: attributeValue(meta, 'kclid'),
      clientIp: order.customer_ip_address,
      userAgent: order.customer_user_agent,
    },
    states,
    occurredAt,
    eventKeyBase: `woocommerce:${order.id}:${occurredAt.toISOString()}`,
  };
}

/** WooCommerce topics Kênh acts on (`order.created`, `order.updated`); others are stored as not used. */
export function mapWooCommerce(
  topic: string,
  payload: unknown,
  context: { sourceId: string; programId?: string },
): DeliveryPlan {
  if (topic === 'order.created' || topic === 'order.updated' || topic === 'order.restored') {
    return mapWooCommerceOrder(payload, context);
  }
  return { kind: 'ignore', reason: `Topic ${topic || '(none)'} is not used by Kênh` };
}
