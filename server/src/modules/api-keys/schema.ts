import { index, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgs, ROLES } from '../orgs/schema';

/** API keys of an organisation. Only a hash of the secret is kept; the key is shown once. */
export const apiKeys = pgTable(
  'api_keys',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    id: text('id').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    /** First characters of the key, shown in lists so people can tell keys apart. */
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    createdBy: text('created_by'),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // authenticating a Bearer key: the hash is globally unique by construction
    uniqueIndex('api_keys_hash_uq').on(t.keyHash),
    // the key list of an organisation
    index('api_keys_org_created_idx').on(t.orgId, t.createdAt),
  ],
);
