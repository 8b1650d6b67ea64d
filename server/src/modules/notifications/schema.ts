import { index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { identities } from '../auth/schema';

/** What a notification is about; the apps translate each kind with its params. */
export const NOTIFICATION_KINDS = [
  'enrollment_approved',
  'enrollment_rejected',
  // sales: order alerts (to care staff and the CTV) and the CTV's opportunities
  'order_confirmation_overdue',
  'order_payment_failed',
  'order_cod_uncollected',
  /** A platform refunded money without listing the items (staff record the return). */
  'order_refund_reported',
  'opportunity_contacted',
  'opportunity_won',
  'opportunity_lost',
  // payouts
  'payout_paid',
  'payout_failed',
  'deposit_low',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Who a notification speaks to: a partner in the partner app, or staff in the staff app. */
export const NOTIFICATION_AUDIENCES = ['partner', 'staff'] as const;
export type NotificationAudience = (typeof NOTIFICATION_AUDIENCES)[number];

/**
 * In-app notifications to a person, from one organisation each, for one app: partners read theirs
 * in the partner app, staff (care staff, managers) theirs in the staff app.
 */
export const notifications = pgTable(
  'notifications',
  {
    orgId: text('org_id').notNull(),
    id: text('id').notNull(),
    identityId: text('identity_id')
      .notNull()
      .references(() => identities.id),
    audience: text('audience', { enum: NOTIFICATION_AUDIENCES }).notNull().default('partner'),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull().default({}),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // GET /api/me/notifications: a person's notifications for one app, newest first (keyset on
    // created_at, id), and their unread count
    index('notifications_identity_audience_created_idx').on(t.identityId, t.audience, t.createdAt, t.id),
  ],
);
