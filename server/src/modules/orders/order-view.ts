import type {
  AttributionEvidence,
  AttributionFlag,
  AttributionMethod,
  OrderSource,
  OrderStatus,
  PaymentStatus,
} from './schema';

/** A line of an order as the API shows it. Money travels as strings of minor units. */
export type OrderItemView = {
  lineNo: number;
  externalLineId: string | null;
  productId: string | null;
  categoryId: string | null;
  sku: string;
  name: string;
  quantity: number;
  unitPriceMinor: string;
  /** Discount on the whole line. */
  discountMinor: string;
  /** quantity × unit price − line discount. */
  lineTotalMinor: string;
  /** The line total less its share of the order discount (shared in proportion to line totals). */
  netMinor: string;
  unitCostMinor: string | null;
  unitCtvPriceMinor: string | null;
  returnedQuantity: number;
  /** Value of the returned units of this line, at their net unit price. */
  returnedMinor: string;
};

/** The partner credited with an order or conversion, as staff read it. */
export type CreditedPartnerView = {
  enrollmentId: string;
  partnerId: string;
  name: string;
  referralCode: string;
};

/** An order as the API shows it. */
export type OrderView = {
  id: string;
  number: string;
  source: OrderSource;
  sourceId: string | null;
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
  items: OrderItemView[];
  customer: { id: string | null; name: string; phone: string | null; email: string | null };
  shippingAddress: string | null;
  note: string;
  programId: string | null;
  enrollmentId: string | null;
  /** Present when the order is credited and the partner could be read. */
  partner: CreditedPartnerView | null;
  attributionMethod: AttributionMethod;
  attributionEvidence: AttributionEvidence;
  flags: AttributionFlag[];
  partnerCode: string | null;
  couponCode: string | null;
  clickId: string | null;
  enteredByEnrollmentId: string | null;
  subscriptionId: string | null;
  placedAt: string;
  confirmedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  paidAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** A lead, sign-up or custom conversion as the API shows it. */
export type ConversionView = {
  id: string;
  kind: 'lead' | 'signup' | 'custom';
  name: string;
  source: string;
  externalId: string;
  programId: string | null;
  enrollmentId: string | null;
  partner: CreditedPartnerView | null;
  attributionMethod: AttributionMethod;
  attributionEvidence: AttributionEvidence;
  flags: AttributionFlag[];
  customerId: string | null;
  partnerCode: string | null;
  couponCode: string | null;
  clickId: string | null;
  currency: string | null;
  valueMinor: string | null;
  metadata: Record<string, string>;
  occurredAt: string;
  createdAt: string;
};
