import { sql } from 'drizzle-orm';
import {
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

export const WEBHOOK_SOURCE_KINDS = ['shopify', 'woocommerce', 'postback'] as const;
export type WebhookSourceKind = (typeof WEBHOOK_SOURCE_KINDS)[number];

/**
 * A shop that sends orders to Kênh: a Shopify store, a WooCommerce site or the shop's own system
 * (postback). Deliveries arrive at `/hooks/{id}`; the signing secret is sealed with the server key.
 */
export const webhookSources = pgTable(
  'webhook_sources',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    id: text('id').notNull(),
    kind: text('kind', { enum: WEBHOOK_SOURCE_KINDS }).notNull(),
    name: text('name').notNull(),
    /** Orders without partner evidence of their own are offered to this program's partners. */
    programId: text('program_id'),
    secretEnc: text('secret_enc').notNull(),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    lastDeliveryAt: timestamp('last_delivery_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // the delivery URL names the source alone
    uniqueIndex('webhook_sources_id_uq').on(t.id),
  ],
);

export const DELIVERY_STATUSES = ['received', 'processed', 'failed', 'duplicate', 'rejected'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * Every delivery to a webhook source, stored before it is processed: raw body and headers,
 * whether its signature held, and what processing made of it. Deduplicated by the platform's id.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    orgId: text('org_id').notNull(),
    id: text('id').notNull(),
    sourceId: text('source_id').notNull(),
    topic: text('topic').notNull(),
    /** X-Shopify-Webhook-Id, X-WC-Webhook-Delivery-ID or the postback's event id. */
    platformEventId: text('platform_event_id'),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull(),
    error: text('error'),
    headers: jsonb('headers').$type<Record<string, string>>().notNull(),
    body: text('body').notNull(),
    attempts: integer('attempts').notNull().default(0),
    orderId: text('order_id'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // the same platform event delivered twice is stored once
    uniqueIndex('webhook_deliveries_event_uq')
      .on(t.orgId, t.sourceId, t.platformEventId)
      .where(sql`${t.platformEventId} is not null`),
    // a source's recent deliveries and failures
    index('webhook_deliveries_source_idx').on(t.orgId, t.sourceId, t.receivedAt),
  ],
);

/** A spreadsheet of orders being imported, with its row report (rows in order_import_rows). */
export const orderImports = pgTable(
  'order_imports',
  {
    orgId: text('org_id').notNull(),
    id: text('id').notNull(),
    fileName: text('file_name').notNull(),
    fileHash: text('file_hash').notNull(),
    status: text('status', { enum: ['running', 'done', 'failed'] }).notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    createdCount: integer('created_count').notNull().default(0),
    unchangedCount: integer('unchanged_count').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('order_imports_org_created_idx').on(t.orgId, t.createdAt),
  ],
);

export const orderImportRows = pgTable(
  'order_import_rows',
  {
    orgId: text('org_id').notNull(),
    importId: text('import_id').notNull(),
    rowNumber: integer('row_number').notNull(),
    data: jsonb('data').$type<Record<string, string>>().notNull(),
    outcome: text('outcome', { enum: ['created', 'unchanged', 'error'] }).notNull(),
    orderId: text('order_id'),
    errors: jsonb('errors').$type<{ field: string; message: string }[]>(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.importId, t.rowNumber] })],
);
