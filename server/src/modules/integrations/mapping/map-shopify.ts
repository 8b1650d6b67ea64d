import { z } from 'zod';
import type { OrderItemInput, PaymentStatus } from '../../orders';
import { amountMinor, currencyOf, timestampOf } from './amounts';
import {
  attributeValue,
  joinAddress,
  joinName,
  optionalText,
  parsePayload,
  paymentMethodOf,
  platformId,
  requireDate,
  trackingFromUrl,
} from './common';
import type { DeliveryPlan, OrderStates } from './plan';

const amount = z.union([z.string(), z.number()]).nullish();
const address = z
  .object({
    first_name: optionalText,
    last_name: optionalText,
    phone: optionalText,
    address1: optionalText,
    address2: optionalText,
    city: optionalText,
    province: optionalText,
    country: optionalText,
  })
  .nullish();

const orderSchema = z.object({
  id: platformId,
  name: optionalText,
  email: optionalText,
  phone: optionalText,
  currency: z.string().min(3),
  created_at: z.string(),
  updated_at: z.string().nullish(),
  cancelled_at: z.string().nullish(),
  cancel_reason: optionalText,
  confirmed: z.boolean().nullish(),
  financial_status: optionalText,
  fulfillment_status: optionalText,
  taxes_included: z.boolean().nullish(),
  total_discounts: amount,
  total_tax: amount,
  note: optionalText,
  landing_site: optionalText,
  browser_ip: optionalText,
  client_details: z.object({ browser_ip: optionalText, user_agent: optionalText }).nullish(),
  payment_gateway_names: z.array(z.string()).nullish(),
  note_attributes: z.array(z.object({ name: z.string(), value: z.unknown() })).nullish(),
  discount_codes: z.array(z.object({ code: z.string() })).nullish(),
  customer: z
    .object({
      id: platformId.nullish(),
      email: optionalText,
      phone: optionalText,
      first_name: optionalText,
      last_name: optionalText,
    })
    .nullish(),
  billing_address: address,
  shipping_address: address,
  shipping_lines: z.array(z.object({ price: amount })).nullish(),
  line_items: z
    .array(
      z.object({
        id: platformId,
        sku: optionalText,
        title: optionalText,
        name: optionalText,
        variant_id: platformId.nullish(),
        product_id: platformId.nullish(),
        quantity: z.number().int().min(1),
        /** Since API 2024-01: the quantity after order edits and refunds removed units. */
        current_quantity: z.number().int().min(0).nullish(),
        price: amount,
        total_discount: amount,
        discount_allocations: z.array(z.object({ amount })).nullish(),
      }),
    )
    .min(1),
});

const refundSchema = z.object({
  id: platformId,
  order_id: platformId,
  created_at: z.string().nullish(),
  processed_at: z.string().nullish(),
  note: optionalText,
  refund_line_items: z
    .array(
      z.object({
        line_item_id: platformId,
        quantity: z.number().int().min(0),
        line_item: z
          .object({ quantity: z.number().int().min(0), current_quantity: z.number().int().min(0).nullish() })
          .nullish(),
      }),
    )
    .nullish(),
});

/** Shopify's financial_status as Kênh's payment status (refunds come as refunds/create). */
function paymentStatusOf(financial: string | undefined, cod: boolean): PaymentStatus | undefined {
  switch (financial) {
    case 'paid':
    case 'partially_refunded':
    case 'refunded':
      return 'paid';
    case 'voided':
      return 'failed';
    case 'pending':
    case 'authorized':
    case 'partially_paid':
      return cod ? 'cod_pending' : 'unpaid';
    default:
      return undefined;
  }
}

/** orders/create, orders/updated (and orders/paid, /cancelled, /fulfilled: the same order payload). */
export function mapShopifyOrder(
  payload: unknown,
  context: { sourceId: string; programId?: string },
): DeliveryPlan {
  const order = parsePayload(orderSchema, payload, 'Shopify order');
  const currency = currencyOf(order.currency);
  const items: OrderItemInput[] = order.line_items.map((line, index) => {
    const allocations = line.discount_allocations ?? [];
    const discountMinor =
      allocations.length > 0
        ? allocations.reduce(
            (total, allocation, n) =>
              total +
              amountMinor(
                allocation.amount,
                currency,
                `line_items.${index}.discount_allocations.${n}.amount`,
              ),
            0n,
          )
        : amountMinor(line.total_discount, currency, `line_items.${index}.total_discount`);
    return {
      sku: line.sku ?? `shopify-${line.variant_id ?? line.product_id ?? line.id}`,
      name: line.name ?? line.title,
      quantity: line.quantity,
      unitPriceMinor: amountMinor(line.price, currency, `line_items.${index}.price`),
      discountMinor,
      externalLineId: line.id,
    };
  });
  const lineDiscounts = items.reduce((total, item) => total + (item.discountMinor ?? 0n), 0n);
  const orderDiscount = amountMinor(order.total_discounts, currency, 'total_discounts') - lineDiscounts;
  const shippingMinor = (order.shipping_lines ?? []).reduce(
    (total, line, index) => total + amountMinor(line.price, currency, `shipping_lines.${index}.price`),
    0n,
  );
  // with taxes included, the line prices already hold the tax
  const taxMinor = order.taxes_included ? 0n : amountMinor(order.total_tax, currency, 'total_tax');
  const landing = trackingFromUrl(order.landing_site);
  const attributes = order.note_attributes as { name: string; value: unknown }[] | undefined;
  const gateway = order.payment_gateway_names?.join(' ');
  const paymentMethod = paymentMethodOf(gateway);
  const placedAt = requireDate(timestampOf(order.created_at), 'created_at');
  const occurredAt = timestampOf(order.updated_at) ?? placedAt;
  const billing = order.billing_address;
  const shipping = order.shipping_address;
  const removed = order.line_items.flatMap((line) =>
    line.current_quantity != null && line.current_quantity < line.quantity
      ? [{ externalLineId: line.id, quantity: line.quantity - line.current_quantity }]
      : [],
  );
  const states: OrderStates = {
    removedUpTo: removed.length > 0 ? removed : undefined,
    confirmed: order.confirmed === true,
    completed: order.fulfillment_status === 'fulfilled',
    // a fixed wording the apps translate: "Cancelled in Shopify (customer)"
    cancelled: order.cancelled_at
      ? { reason: `Cancelled in Shopify (${order.cancel_reason ?? 'other'})` }
      : undefined,
    paymentStatus: paymentStatusOf(order.financial_status, paymentMethod === 'cod'),
  };
  return {
    kind: 'order',
    order: {
      source: 'shopify',
      sourceId: context.sourceId,
      externalId: order.id,
      number: order.name,
      programId: context.programId,
      currency,
      placedAt,
      paymentMethod,
      customer: {
        externalId: order.customer?.id ?? undefined,
        name:
          joinName(order.customer?.first_name, order.customer?.last_name) ??
          joinName(billing?.first_name, billing?.last_name),
        email: order.email ?? order.customer?.email,
        phone: order.phone ?? order.customer?.phone ?? billing?.phone ?? shipping?.phone,
      },
      shippingAddress: joinAddress([
        shipping?.address1,
        shipping?.address2,
        shipping?.city,
        shipping?.province,
        shipping?.country,
      ]),
      note: order.note,
      items,
      discountMinor: orderDiscount > 0n ? orderDiscount : 0n,
      shippingMinor,
      taxMinor,
      partnerCode: attributeValue(attributes, 'ref') ?? landing.ref,
      couponCode: order.discount_codes?.[0]?.code,
      clickId: attributeValue(attributes, 'kclid') ?? landing.kclid,
      clientIp: order.browser_ip ?? order.client_details?.browser_ip,
      userAgent: order.client_details?.user_agent,
    },
    states,
    occurredAt,
    eventKeyBase: `shopify:${order.id}:${occurredAt.toISOString()}`,
  };
}

/**
 * refunds/create: the refunded line items come back as a return; a refund of money alone is a note.
 * When the refunded lines carry their current quantity (API 2024-01 on), each line's returns are
 * raised to what left it in all, the same total orders/updated reports: a refund and the order
 * update it causes, in either order, return the units once.
 */
export function mapShopifyRefund(payload: unknown): DeliveryPlan {
  const refund = parsePayload(refundSchema, payload, 'Shopify refund');
  const refunded = (refund.refund_line_items ?? []).filter((line) => line.quantity > 0);
  const upTo = refunded.length > 0 && refunded.every((line) => line.line_item?.current_quantity != null);
  const returnItems = refunded.flatMap((line) => {
    const quantity = upTo ? line.line_item!.quantity - line.line_item!.current_quantity! : line.quantity;
    return quantity > 0 ? [{ externalLineId: line.line_item_id, quantity }] : [];
  });
  return {
    kind: 'return',
    order: { source: 'shopify', externalId: refund.order_id },
    returnItems,
    upTo,
    dedupeKey: `shopify:refund:${refund.id}`,
    occurredAt: timestampOf(refund.processed_at) ?? timestampOf(refund.created_at),
    note: refund.note ? `Shopify refund ${refund.id}: ${refund.note}` : `Shopify refund ${refund.id}`,
  };
}

/** Shopify topics Kênh acts on; the rest are stored and marked as not used. */
export function mapShopify(
  topic: string,
  payload: unknown,
  context: { sourceId: string; programId?: string },
): DeliveryPlan {
  if (topic === 'refunds/create') return mapShopifyRefund(payload);
  if (
    [
      'orders/create',
      'orders/updated',
      'orders/paid',
      'orders/cancelled',
      'orders/fulfilled',
      'orders/partially_fulfilled',
    ].includes(topic)
  ) {
    return mapShopifyOrder(payload, context);
  }
  return { kind: 'ignore', reason: `Topic ${topic || '(none)'} is not used by Kênh` };
}
