import { index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Who changed what, when. Append-only: the database refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  'audit_log',
  {
    orgId: text('org_id').notNull(),
    id: text('id').notNull(),
    actorType: text('actor_type', { enum: ['member', 'api_key', 'system', 'partner'] }).notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // the audit log page: newest first, filtered by entity type or actor
    index('audit_log_org_created_idx').on(t.orgId, t.createdAt, t.id),
    index('audit_log_org_entity_idx').on(t.orgId, t.entityType, t.entityId),
    index('audit_log_org_actor_idx').on(t.orgId, t.actorId),
  ],
);
