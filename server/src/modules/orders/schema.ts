import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/schema';

/**
 * A customer of an organisation, matched by the shop's customer id (customer_refs), normalised
 * phone or email. The partner who first brought them owns them for the program's ownership window,
 * so repeat purchases are credited to that partner.
 */
export const customers = pgTable(
  'customers',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    id: text('id').notNull(),
    name: text('name').notNull().default(''),
    /** E.164. */
    phone: text('phone'),
    /** Lower case. */
    email: text('email'),
    /** Set when the customer is one of the organisation's partners (self-referral, MLM guard). */
    partnerId: text('partner_id'),
    ownerEnrollmentId: text('owner_enrollment_id'),
    ownedSince: timestamp('owned_since', { withTimezone: true }),
    /** End of the ownership window; null while ownership is for life. */
    ownedUntil: timestamp('owned_until', { withTimezone: true }),
    firstOrderAt: timestamp('first_order_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The name as a sort key, kept by the database: without Vietnamese marks, then as written, in
     * the "C" collation (the same key and order as the partner directory's).
     */
    sortName: text('sort_name').notNull().generatedAlwaysAs(sql`kenh_sort_key(name)`),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // the list by name
    index('customers_org_name_idx').on(t.orgId, t.sortName, t.id),
    // matching by phone and email
    uniqueIndex('customers_phone_uq').on(t.orgId, t.phone).where(sql`${t.phone} is not null`),
    uniqueIndex('customers_email_uq').on(t.orgId, t.email).where(sql`${t.email} is not null`),
    // "my customers" of a partner
    index('customers_owner_idx').on(t.orgId, t.ownerEnrollmentId, t.ownedSince),
  ],
);

/** The shop's own customer ids (Shopify customer id, WooCommerce customer id …) of a customer. */
export const customerRefs = pgTable(
  'customer_refs',
  {
    orgId: text('org_id').notNull(),
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    customerId: text('customer_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.source, t.externalId] })],
);

export const ORDER_SOURCES = [
  'api',
  'shopify',
  'woocommerce',
  'postback',
  'import',
  'partner',
  'browser',
] as const;
export type OrderSource = (typeof ORDER_SOURCES)[number];
export const ORDER_STATUSES = ['pending', 'confirmed', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const PAYMENT_STATUSES = ['unpaid', 'paid', 'cod_pending', 'failed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const PAYMENT_METHODS = ['cod', 'transfer', 'card', 'wallet', 'store_credit', 'other'] as const;

/** How an order or conversion was credited to a partner, strongest evidence first. */
export const ATTRIBUTION_METHODS = [
  'partner_code',
  'coupon',
  'click',
  'customer',
  'entered_by',
  'none',
] as const;
export type AttributionMethod = (typeof ATTRIBUTION_METHODS)[number];
export const ATTRIBUTION_FLAGS = ['self_referral', 'own_device'] as const;
export type AttributionFlag = (typeof ATTRIBUTION_FLAGS)[number];

/** The evidence behind an attribution, kept as found so staff can read why. */
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
  /** Evidence that was present but not used, and why (expired click, unknown code …). */
  ignored?: { kind: string; value: string; reason: string }[];
};

/**
 * An order from any source. Money is in minor units of `currency`. `(org, source, external_id)`
 * names a delivery: a second delivery of the same order changes nothing. Status and payment status
 * are folded from order_events, so events arriving out of order or twice give the same result.
 */
export const orders = pgTable(
  'orders',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    id: text('id').notNull(),
    source: text('source', { enum: ORDER_SOURCES }).notNull(),
    /** The webhook source (integrations) that delivered it, when one did. */
    sourceId: text('source_id'),
    externalId: text('external_id').notNull(),
    /** The number people read ("#1001", "DH-2611-0042"). */
    number: text('number').notNull(),
    programId: text('program_id'),
    enrollmentId: text('enrollment_id'),
    attributionMethod: text('attribution_method', { enum: ATTRIBUTION_METHODS }).notNull(),
    attributionEvidence: jsonb('attribution_evidence').$type<AttributionEvidence>().notNull(),
    flags: jsonb('flags').$type<AttributionFlag[]>().notNull().default([]),
    customerId: text('customer_id'),
    customerName: text('customer_name').notNull().default(''),
    customerPhone: text('customer_phone'),
    customerEmail: text('customer_email'),
    shippingAddress: text('shipping_address'),
    note: text('note').notNull().default(''),
    /** Evidence given with the order, as given. */
    partnerCode: text('partner_code'),
    couponCode: text('coupon_code'),
    clickId: text('click_id'),
    clientIpHash: text('client_ip_hash'),
    enteredByEnrollmentId: text('entered_by_enrollment_id'),
    /** Renewal of a subscription (recurring commission). */
    subscriptionId: text('subscription_id'),
    currency: text('currency').notNull(),
    /** Sum of item lines after their discounts. */
    subtotalMinor: bigint('subtotal_minor', { mode: 'bigint' }).notNull(),
    /** Order-level discount, on top of item discounts. */
    discountMinor: bigint('discount_minor', { mode: 'bigint' }).notNull().default(sql`0`),
    shippingMinor: bigint('shipping_minor', { mode: 'bigint' }).notNull().default(sql`0`),
    taxMinor: bigint('tax_minor', { mode: 'bigint' }).notNull().default(sql`0`),
    totalMinor: bigint('total_minor', { mode: 'bigint' }).notNull(),
    /** Value of returned items (at their net unit price). */
    returnedMinor: bigint('returned_minor', { mode: 'bigint' }).notNull().default(sql`0`),
    status: text('status', { enum: ORDER_STATUSES }).notNull(),
    statusReason: text('status_reason'),
    paymentStatus: text('payment_status', { enum: PAYMENT_STATUSES }).notNull(),
    paymentMethod: text('payment_method', { enum: PAYMENT_METHODS }),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // idempotent ingestion: one order per source and external id
    uniqueIndex('orders_source_external_uq').on(t.orgId, t.source, t.externalId),
    // order list (newest first) and its filters; the confirmation queue
    index('orders_org_placed_idx').on(t.orgId, t.placedAt, t.id),
    index('orders_org_status_idx').on(t.orgId, t.status, t.placedAt),
    // a partner's orders
    index('orders_enrollment_idx').on(t.orgId, t.enrollmentId, t.placedAt),
    // a customer's orders
    index('orders_customer_idx').on(t.orgId, t.customerId),
  ],
);

/** A line of an order, with the catalog facts commissions need, copied at order time. */
export const orderItems = pgTable(
  'order_items',
  {
    orgId: text('org_id').notNull(),
    orderId: text('order_id').notNull(),
    lineNo: integer('line_no').notNull(),
    /** The platform's own line id (Shopify line_items[].id), matched by refunds. */
    externalLineId: text('external_line_id'),
    productId: text('product_id'),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    categoryId: text('category_id'),
    quantity: integer('quantity').notNull(),
    unitPriceMinor: bigint('unit_price_minor', { mode: 'bigint' }).notNull(),
    /** Discount on the whole line (not per unit). */
    discountMinor: bigint('discount_minor', { mode: 'bigint' }).notNull().default(sql`0`),
    unitCostMinor: bigint('unit_cost_minor', { mode: 'bigint' }),
    unitCtvPriceMinor: bigint('unit_ctv_price_minor', { mode: 'bigint' }),
    returnedQuantity: integer('returned_quantity').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.orderId, t.lineNo] })],
);

export const ORDER_EVENT_TYPES = [
  'created',
  'updated',
  'confirmed',
  'completed',
  'cancelled',
  'returned',
  'payment',
  'attributed',
  'note',
  /** Lines added after the order was placed (an order edited on the shop's platform). */
  'items_added',
  /**
   * The platform refunded money without saying which items came back (WooCommerce's webhook lists
   * no items): nothing changes until staff record the return; care staff are told.
   */
  'refund_reported',
] as const;
export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];

/**
 * The history of an order, append-only (the database refuses UPDATE and DELETE). `dedupeKey`
 * makes each delivered event count once; the order's state is the fold of its events by
 * `occurredAt`.
 */
export const orderEvents = pgTable(
  'order_events',
  {
    orgId: text('org_id').notNull(),
    id: text('id').notNull(),
    orderId: text('order_id').notNull(),
    type: text('type', { enum: ORDER_EVENT_TYPES }).notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    actorType: text('actor_type', { enum: ['member', 'api_key', 'system', 'partner', 'webhook'] }).notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // an event delivered twice is stored once
    uniqueIndex('order_events_dedupe_uq').on(t.orgId, t.orderId, t.dedupeKey),
  ],
);

export const CONVERSION_KINDS = ['lead', 'signup', 'custom'] as const;

/** A lead, sign-up or custom conversion (CPL/CPA), attributed like an order. */
export const conversions = pgTable(
  'conversions',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    id: text('id').notNull(),
    kind: text('kind', { enum: CONVERSION_KINDS }).notNull(),
    /** The custom conversion's name ("trial_started"); the kind for leads and sign-ups. */
    name: text('name').notNull(),
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    programId: text('program_id'),
    enrollmentId: text('enrollment_id'),
    attributionMethod: text('attribution_method', { enum: ATTRIBUTION_METHODS }).notNull(),
    attributionEvidence: jsonb('attribution_evidence').$type<AttributionEvidence>().notNull(),
    flags: jsonb('flags').$type<AttributionFlag[]>().notNull().default([]),
    customerId: text('customer_id'),
    partnerCode: text('partner_code'),
    couponCode: text('coupon_code'),
    clickId: text('click_id'),
    currency: text('currency'),
    valueMinor: bigint('value_minor', { mode: 'bigint' }),
    metadata: jsonb('metadata').$type<Record<string, string>>().notNull().default({}),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // idempotent on the sender's id
    uniqueIndex('conversions_source_external_uq').on(t.orgId, t.source, t.externalId),
    index('conversions_org_occurred_idx').on(t.orgId, t.occurredAt),
    index('conversions_enrollment_idx').on(t.orgId, t.enrollmentId, t.occurredAt),
  ],
);

export const OPPORTUNITY_STATUSES = ['new', 'contacted', 'won', 'lost'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

/** A sales opportunity a CTV records: a customer and what they need. Won ones become orders. */
export const opportunities = pgTable(
  'opportunities',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    id: text('id').notNull(),
    programId: text('program_id').notNull(),
    enrollmentId: text('enrollment_id').notNull(),
    customerName: text('customer_name').notNull(),
    customerPhone: text('customer_phone'),
    customerEmail: text('customer_email'),
    need: text('need').notNull(),
    currency: text('currency').notNull(),
    estimatedValueMinor: bigint('estimated_value_minor', { mode: 'bigint' }),
    status: text('status', { enum: OPPORTUNITY_STATUSES }).notNull().default('new'),
    statusReason: text('status_reason'),
    orderId: text('order_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // the pipeline board by status; a partner's opportunities
    index('opportunities_org_status_idx').on(t.orgId, t.status, t.updatedAt),
    index('opportunities_enrollment_idx').on(t.orgId, t.enrollmentId, t.createdAt),
  ],
);

export const ORDER_ALERT_KINDS = ['confirmation_overdue', 'payment_failed', 'cod_uncollected'] as const;

/** Alerts raised on an order, once per kind (the alert job is idempotent). */
export const orderAlerts = pgTable(
  'order_alerts',
  {
    orgId: text('org_id').notNull(),
    orderId: text('order_id').notNull(),
    kind: text('kind', { enum: ORDER_ALERT_KINDS }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.orderId, t.kind] }),
    // open alerts of an organisation
    index('order_alerts_open_idx').on(t.orgId, t.createdAt).where(sql`${t.resolvedAt} is null`),
  ],
);
