import { AppError } from '../../platform/errors';
import { SUPPORTED_CURRENCIES } from '../../platform/money';
import type { Services } from '../../platform/services';
import { hashClientIp } from '../tracking';
import { normaliseCode, normaliseCustomerEmail, normaliseCustomerPhone } from './contact';
import type { OrderInput, OrderItemInput } from './ingest-order';
import { computeTotals } from './order-totals';
import { ORDER_SOURCES, type OrderStatus, type PaymentStatus } from './schema';

/** An order input checked and normalised: totals computed, codes upper case, contacts normalised. */
export type PreparedOrder = {
  input: OrderInput;
  key: string;
  placedAt: Date;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  phone: string | null;
  email: string | null;
  partnerCode: string | null;
  couponCode: string | null;
  clickId: string | null;
  clientIpHash: string | null;
  discountMinor: bigint;
  shippingMinor: bigint;
  taxMinor: bigint;
  subtotalMinor: bigint;
  totalMinor: bigint;
};

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', `${path}: ${message}`, { details: [{ path, message }] });

/** An order's (or an edit's) lines: one to 500, each with a SKU; amounts are checked with the totals. */
export function checkItemList(items: OrderItemInput[]): void {
  if (!Array.isArray(items) || items.length === 0) throw invalid('items', 'At least one item');
  if (items.length > 500) throw invalid('items', 'At most 500 items');
  items.forEach((item, index) => {
    if (!item.sku?.trim()) throw invalid(`items.${index}.sku`, 'Required');
  });
}

/** Checks one order input (the use case's own boundary: imports and webhooks call it without HTTP). */
export function prepareOrderInput(services: Services, input: OrderInput, now: Date): PreparedOrder {
  if (!ORDER_SOURCES.includes(input.source)) throw invalid('source', `One of ${ORDER_SOURCES.join(', ')}`);
  const externalId = input.externalId?.trim();
  if (!externalId || externalId.length > 200) throw invalid('externalId', 'Required, at most 200 characters');
  if (!SUPPORTED_CURRENCIES.includes(input.currency)) {
    throw invalid('currency', `Not a supported currency (${SUPPORTED_CURRENCIES.join(', ')})`);
  }
  checkItemList(input.items);
  if (input.placedAt && Number.isNaN(input.placedAt.getTime())) throw invalid('placedAt', 'Not a date');
  const discountMinor = input.discountMinor ?? 0n;
  const shippingMinor = input.shippingMinor ?? 0n;
  const taxMinor = input.taxMinor ?? 0n;
  const totals = computeTotals({
    items: input.items.map((item) => ({ ...item, discountMinor: item.discountMinor ?? 0n })),
    discountMinor,
    shippingMinor,
    taxMinor,
  });
  return {
    input: { ...input, externalId },
    key: `${input.source}\u001f${externalId}`,
    placedAt: input.placedAt ?? now,
    status: input.status ?? 'pending',
    paymentStatus: input.paymentStatus ?? (input.paymentMethod === 'cod' ? 'cod_pending' : 'unpaid'),
    phone: normaliseCustomerPhone(input.customer?.phone),
    email: normaliseCustomerEmail(input.customer?.email),
    partnerCode: normaliseCode(input.partnerCode),
    couponCode: normaliseCode(input.couponCode),
    clickId: input.clickId?.trim() || null,
    clientIpHash: input.clientIp?.trim() ? hashClientIp(services, input.clientIp) : null,
    discountMinor,
    shippingMinor,
    taxMinor,
    ...totals,
  };
}
