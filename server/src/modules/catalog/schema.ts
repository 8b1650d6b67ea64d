import { sql } from 'drizzle-orm';
import { bigint, index, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/schema';

export const PRODUCT_STATUSES = ['active', 'draft', 'archived'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** The category tree of an organisation's catalog ("Mỹ phẩm" › "Chăm sóc da"). */
export const productCategories = pgTable(
  'product_categories',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    id: text('id').notNull(),
    parentId: text('parent_id'),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // sibling names are unique, case-insensitive (the root level has parent '')
    uniqueIndex('product_categories_name_uq').on(
      t.orgId,
      sql`coalesce(${t.parentId}, '')`,
      sql`lower(${t.name})`,
    ),
  ],
);

/**
 * A product or service partners sell. Money is in minor units of `currency`: price to customers,
 * cost (for margin and the profitability guard) and the CTV price of discount programs.
 */
export const products = pgTable(
  'products',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    id: text('id').notNull(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    categoryId: text('category_id'),
    currency: text('currency').notNull(),
    priceMinor: bigint('price_minor', { mode: 'bigint' }).notNull(),
    costMinor: bigint('cost_minor', { mode: 'bigint' }),
    ctvPriceMinor: bigint('ctv_price_minor', { mode: 'bigint' }),
    status: text('status', { enum: PRODUCT_STATUSES }).notNull().default('active'),
    imageUrl: text('image_url'),
    /** The product's page on the shop's site: the destination of partners' product links. */
    url: text('url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // one product per SKU in an organisation, case-insensitive (imports and orders match on it)
    uniqueIndex('products_sku_uq').on(t.orgId, sql`upper(${t.sku})`),
    // catalog lists by status and category, newest first
    index('products_org_status_idx').on(t.orgId, t.status, t.createdAt),
    index('products_org_category_idx').on(t.orgId, t.categoryId),
  ],
);
