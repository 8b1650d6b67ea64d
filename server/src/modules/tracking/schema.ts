import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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

export const LINK_STATUSES = ['active', 'disabled'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

/** Up to five free sub-IDs a partner tags a link with (sub1…sub5), reported with its clicks. */
export type SubIds = Partial<Record<'sub1' | 'sub2' | 'sub3' | 'sub4' | 'sub5', string>>;
export type UtmTags = Partial<Record<'source' | 'medium' | 'campaign' | 'term' | 'content', string>>;

/**
 * A partner's referral link: `/r/{code}` redirects to `destinationUrl` (on one of the program's
 * allowed domains). Every approved enrollment has one default link.
 */
export const links = pgTable(
  'links',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    id: text('id').notNull(),
    programId: text('program_id').notNull(),
    enrollmentId: text('enrollment_id').notNull(),
    /** Short code of `/r/{code}`, unique across all organisations (the URL names no organisation). */
    code: text('code').notNull(),
    destinationUrl: text('destination_url').notNull(),
    productId: text('product_id'),
    title: text('title').notNull().default(''),
    subIds: jsonb('sub_ids').$type<SubIds>().notNull().default({}),
    utm: jsonb('utm').$type<UtmTags>().notNull().default({}),
    isDefault: boolean('is_default').notNull().default(false),
    status: text('status', { enum: LINK_STATUSES }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // the redirect's look-up, case-insensitive
    uniqueIndex('links_code_uq').on(sql`upper(${t.code})`),
    // one default link per enrollment
    uniqueIndex('links_default_uq').on(t.orgId, t.enrollmentId).where(sql`${t.isDefault}`),
    // a partner's links, newest first; staff link list by program
    index('links_enrollment_idx').on(t.orgId, t.enrollmentId, t.createdAt),
    index('links_org_program_idx').on(t.orgId, t.programId, t.createdAt),
  ],
);

export const DEVICE_TYPES = ['desktop', 'mobile', 'tablet', 'bot', 'other'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

/**
 * One visit through a link. `id` is the click id (`kclid`) handed to the destination. The IP is
 * kept only as a salted hash. Written in batches by the redirect's click writer.
 */
export const clicks = pgTable(
  'clicks',
  {
    orgId: text('org_id').notNull(),
    id: text('id').notNull(),
    linkId: text('link_id').notNull(),
    programId: text('program_id').notNull(),
    enrollmentId: text('enrollment_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    ipHash: text('ip_hash').notNull(),
    userAgent: text('user_agent').notNull().default(''),
    referrer: text('referrer'),
    deviceType: text('device_type', { enum: DEVICE_TYPES }).notNull(),
    isBot: boolean('is_bot').notNull().default(false),
    /** First click of this IP hash + user agent on this link within an hour. */
    isUnique: boolean('is_unique').notNull(),
  },
  (t) => [
    // the click id alone names the click (attribution looks it up from `kclid`)
    primaryKey({ columns: [t.id] }),
    // Reports read `click_stats`, not this table: besides its key, only a block-range index on the
    // time (for exports and purges by date), which costs almost nothing to keep up under load.
    index('clicks_created_brin').using('brin', t.createdAt),
  ],
);

/**
 * Clicks rolled up per link, hour (UTC) and device type, written in the same transaction as the
 * clicks themselves; every clicks report reads this. Days are counted in the organisation's time
 * zone from whole hours, exact for every zone on a whole-hour offset (Vietnam and Thailand: UTC+7).
 */
export const clickStats = pgTable(
  'click_stats',
  {
    orgId: text('org_id').notNull(),
    linkId: text('link_id').notNull(),
    hour: timestamp('hour', { withTimezone: true }).notNull(),
    deviceType: text('device_type', { enum: DEVICE_TYPES }).notNull(),
    programId: text('program_id').notNull(),
    enrollmentId: text('enrollment_id').notNull(),
    clicks: integer('clicks').notNull(),
    /** First clicks of a visitor on the link within an hour, bots excluded. */
    uniqueClicks: integer('unique_clicks').notNull(),
    botClicks: integer('bot_clicks').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.linkId, t.hour, t.deviceType] }),
    index('click_stats_org_hour_idx').on(t.orgId, t.hour),
    index('click_stats_enrollment_idx').on(t.orgId, t.enrollmentId, t.hour),
  ],
);

/** A coupon code that credits a partner when a customer uses it at checkout ("HOA10"). */
export const coupons = pgTable(
  'coupons',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    id: text('id').notNull(),
    programId: text('program_id').notNull(),
    enrollmentId: text('enrollment_id').notNull(),
    code: text('code').notNull(),
    description: text('description').notNull().default(''),
    status: text('status', { enum: LINK_STATUSES }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // coupon look-up at attribution, case-insensitive, unique in an organisation
    uniqueIndex('coupons_code_uq').on(t.orgId, sql`upper(${t.code})`),
    index('coupons_enrollment_idx').on(t.orgId, t.enrollmentId),
  ],
);

/**
 * Impressions (views of a partner's banner or link, for CPM) rolled up per link and hour (UTC), from
 * the impression pixel (`/i/{code}`) and from reports sent to `POST /api/v1/impressions`. Bots are
 * counted apart and never paid.
 */
export const impressionStats = pgTable(
  'impression_stats',
  {
    orgId: text('org_id').notNull(),
    linkId: text('link_id').notNull(),
    hour: timestamp('hour', { withTimezone: true }).notNull(),
    programId: text('program_id').notNull(),
    enrollmentId: text('enrollment_id').notNull(),
    impressions: bigint('impressions', { mode: 'number' }).notNull(),
    botImpressions: bigint('bot_impressions', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.linkId, t.hour] }),
    index('impression_stats_org_hour_idx').on(t.orgId, t.hour),
    index('impression_stats_enrollment_idx').on(t.orgId, t.enrollmentId, t.hour),
  ],
);

/**
 * An impression count reported through the API, kept once per organisation and external id: the
 * same report sent twice adds nothing.
 */
export const impressionReports = pgTable(
  'impression_reports',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    externalId: text('external_id').notNull(),
    linkId: text('link_id').notNull(),
    programId: text('program_id').notNull(),
    enrollmentId: text('enrollment_id').notNull(),
    hour: timestamp('hour', { withTimezone: true }).notNull(),
    impressions: integer('impressions').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.externalId] })],
);

/**
 * Batches of pixel impressions already added to the roll-up, so a batch written again after an
 * unclear failure (the commit may have gone through) adds nothing. Kept for a day.
 */
export const impressionFlushes = pgTable('impression_flushes', {
  id: text('id').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
