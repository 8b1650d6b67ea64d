import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every email Kênh sends, kept as a record. Without SMTP_URL (development) this is the outbox a
 * page shows; with it, rows are sent and marked.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: text('id').primaryKey(),
    /** The organisation the mail was sent for, if any (sign-in mail belongs to none). */
    orgId: text('org_id'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    template: text('template').notNull(),
    status: text('status', { enum: ['queued', 'sent', 'kept', 'failed'] })
      .notNull()
      .default('queued'),
    error: text('error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // the dev outbox page: newest first, optionally one recipient
    index('mail_outbox_created_idx').on(t.createdAt),
    index('mail_outbox_to_idx').on(t.toAddress),
  ],
);
