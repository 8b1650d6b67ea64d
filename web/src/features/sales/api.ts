import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';

export const ORDER_STATUSES = ['pending', 'confirmed', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type PaymentStatus = 'unpaid' | 'paid' | 'cod_pending' | 'failed';
export const OPPORTUNITY_STATUSES = ['new', 'contacted', 'won', 'lost'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];
export type AlertKind = 'confirmation_overdue' | 'payment_failed' | 'cod_uncollected';

/** An order as the partner app shows it. */
export type PartnerOrder = {
  id: string;
  number: string;
  programId: string | null;
  enrollmentId: string | null;
  enteredByMe: boolean;
  status: OrderStatus;
  statusReason: string | null;
  paymentStatus: PaymentStatus;
  paymentMethod: string | null;
  currency: string;
  subtotalMinor: string;
  totalMinor: string;
  customer: { name: string; phone: string | null };
  shippingAddress: string | null;
  note: string;
  placedAt: string;
  confirmedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
};

export type PartnerOrderDetail = PartnerOrder & {
  items: { sku: string; name: string; quantity: number; unitPriceMinor: string; lineTotalMinor: string }[];
  timeline: {
    type: 'created' | 'confirmed' | 'completed' | 'cancelled' | 'returned' | 'payment' | 'items_added';
    at: string;
    reason: string | null;
    paymentStatus: PaymentStatus | null;
  }[];
};

export type MyCustomer = {
  id: string;
  enrollmentId: string;
  name: string;
  phone: string | null;
  since: string;
  orderCount: number;
  lastOrderAt: string | null;
};

export type Opportunity = {
  id: string;
  programId: string;
  enrollmentId: string;
  customerName: string;
  customerPhone: string | null;
  customerEmail: string | null;
  need: string;
  currency: string;
  estimatedValueMinor: string | null;
  status: OpportunityStatus;
  statusReason: string | null;
  orderId: string | null;
  createdAt: string;
  updatedAt: string;
};

export type StaffOpportunity = Opportunity & {
  programName: string;
  partner: { partnerId: string; name: string; referralCode: string } | null;
};

export type QueueItem = {
  id: string;
  number: string;
  source: string;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  paymentMethod: string | null;
  currency: string;
  totalMinor: string;
  customer: { name: string; phone: string | null };
  shippingAddress: string | null;
  note: string;
  program: { id: string; name: string } | null;
  partner: { enrollmentId: string; partnerId: string; name: string; referralCode: string } | null;
  placedAt: string;
  confirmedAt: string | null;
  waitingMinutes: number;
  overdue: boolean;
  alerts: AlertKind[];
};

export type OrderAlert = {
  kind: AlertKind;
  raisedAt: string;
  order: {
    id: string;
    number: string;
    status: OrderStatus;
    paymentStatus: PaymentStatus;
    currency: string;
    totalMinor: string;
    customerName: string;
    placedAt: string;
  };
  program: { id: string; name: string } | null;
  partner: { enrollmentId: string; name: string; referralCode: string } | null;
};

/** A product the partner can sell (GET /api/me/catalog). */
export type MyProduct = {
  id: string;
  sku: string;
  name: string;
  currency: string;
  priceMinor: string;
  imageUrl: string | null;
  categoryPath: string | null;
};

export type MyEnrollmentOption = {
  id: string;
  status: string;
  organisation: { id: string; name: string };
  program: { id: string; name: string; currency: string };
};

export const SALES_KEYS = {
  myOrders: ['my-orders'],
  myOpportunities: ['my-opportunities'],
  myCustomers: ['my-customers'],
  queue: ['order-queue'],
  alerts: ['order-alerts'],
  opportunities: ['opportunities'],
};

/** The partner's enrollments; selling needs an approved one. */
export function useMyEnrollments() {
  return useQuery({
    queryKey: ['my-enrollments'],
    queryFn: () => api.get<{ items: MyEnrollmentOption[] }>('/api/me/enrollments'),
    select: (data) => data.items,
  });
}

export const fetchMyOrders = (query: { status?: string; cursor?: string }) =>
  api.get<Page<PartnerOrder>>('/api/me/orders', { ...query, limit: 20 });

export const fetchOpenAlerts = () =>
  api.get<Page<OrderAlert> & { openCount: number }>('/api/v1/order-alerts', { limit: 50 });

/** The staff action on an order (orders module): confirm, fulfil or cancel with a reason. */
export const postOrderEvent = (
  orderId: string,
  body: { type: 'confirmed' | 'completed' | 'cancelled'; reason?: string },
) =>
  // one decision of each kind per order from the queue: a double click records it once
  api.post(`/api/v1/orders/${orderId}/events`, { ...body, dedupeKey: `queue:${body.type}` });
