/** The orders API's shapes, as the staff app reads them. Money is strings of minor units. */
export const ORDER_STATUSES = ['pending', 'confirmed', 'completed', 'cancelled'] as const;
export const PAYMENT_STATUSES = ['unpaid', 'paid', 'cod_pending', 'failed'] as const;
export const ATTRIBUTION_METHODS = [
  'partner_code',
  'coupon',
  'click',
  'customer',
  'entered_by',
  'none',
] as const;
export const ORDER_SOURCES = [
  'api',
  'shopify',
  'woocommerce',
  'postback',
  'import',
  'partner',
  'browser',
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export type AttributionMethod = (typeof ATTRIBUTION_METHODS)[number];

export type AttributionEvidence = {
  partnerCode?: string;
  couponCode?: string;
  clickId?: string;
  clickedAt?: string;
  linkId?: string;
  windowDays?: number;
  model?: 'last_click' | 'first_click';
  customerId?: string;
  ownedSince?: string;
  ownedUntil?: string | null;
  enteredByEnrollmentId?: string;
  currencyMismatch?: { orderCurrency: string; programCurrency: string };
  ignored?: Array<{ kind: string; value: string; reason: string }>;
};

export type PartnerRef = { enrollmentId: string; partnerId: string; name: string; referralCode: string };

export type OrderItem = {
  lineNo: number;
  externalLineId: string | null;
  productId: string | null;
  sku: string;
  name: string;
  quantity: number;
  unitPriceMinor: string;
  discountMinor: string;
  lineTotalMinor: string;
  netMinor: string;
  returnedQuantity: number;
  returnedMinor: string;
};

export type Order = {
  id: string;
  number: string;
  source: string;
  externalId: string;
  status: OrderStatus;
  statusReason: string | null;
  paymentStatus: PaymentStatus;
  paymentMethod: string | null;
  currency: string;
  subtotalMinor: string;
  discountMinor: string;
  shippingMinor: string;
  taxMinor: string;
  totalMinor: string;
  returnedMinor: string;
  items: OrderItem[];
  customer: { id: string | null; name: string; phone: string | null; email: string | null };
  shippingAddress: string | null;
  note: string;
  programId: string | null;
  enrollmentId: string | null;
  partner: PartnerRef | null;
  attributionMethod: AttributionMethod;
  attributionEvidence: AttributionEvidence;
  flags: Array<'self_referral' | 'own_device'>;
  placedAt: string;
  confirmedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  paidAt: string | null;
};

export type OrderEvent = {
  id: string;
  type: string;
  dedupeKey: string;
  occurredAt: string;
  data: {
    reason?: string;
    paymentStatus?: PaymentStatus;
    items?: Array<{ lineNo: number; quantity: number }>;
    status?: string;
    /** refund_reported: the platform's refund. */
    refundId?: string;
    amountMinor?: string;
    currency?: string;
  };
  actor: { type: string; id: string | null; label: string | null };
  effective: boolean;
};

export type OrderDetail = Order & { timeline: OrderEvent[] };

export type Customer = {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  partnerId: string | null;
  owner: PartnerRef | null;
  ownedSince: string | null;
  ownedUntil: string | null;
  firstOrderAt: string | null;
  createdAt: string;
};

export type CustomerDetail = Customer & { orderCount: number; orders: Order[] };

export const ORDERS_KEY = 'orders';
export const CUSTOMERS_KEY = 'customers';
