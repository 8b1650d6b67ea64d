import { pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { identities } from '../auth/schema';

/**
 * The global partner record of a person: one per identity, whatever organisations and programs
 * they enroll in. Enrollments (per organisation) build on it.
 */
export const partners = pgTable(
  'partners',
  {
    id: text('id').primaryKey(),
    identityId: text('identity_id')
      .notNull()
      .references(() => identities.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // partner sign-in: identity → partner
    uniqueIndex('partners_identity_uq').on(t.identityId),
  ],
);
