import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { afterCursor, decodeCursor, type Page, toPage } from '../../platform/http/paging';
import type { TenantContext } from '../../platform/services';
import { auditLog } from './schema';
import type { AuditQuery } from './schemas';

export type AuditEntryView = {
  id: string;
  actorType: 'member' | 'api_key' | 'system' | 'partner';
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  createdAt: string;
};

/** The organisation's audit log, newest first, filtered by record, actor, action and time (`to` excluded). */
export async function findAuditEntries(ctx: TenantContext, query: AuditQuery): Promise<Page<AuditEntryView>> {
  const cursor = decodeCursor(query.cursor);
  const conditions: (SQL | undefined)[] = [
    eq(auditLog.orgId, ctx.orgId),
    query.entityType ? eq(auditLog.entityType, query.entityType) : undefined,
    query.entityId ? eq(auditLog.entityId, query.entityId) : undefined,
    query.actorId ? eq(auditLog.actorId, query.actorId) : undefined,
    query.actorType ? eq(auditLog.actorType, query.actorType) : undefined,
    query.action ? eq(auditLog.action, query.action) : undefined,
    query.from ? gte(auditLog.createdAt, query.from) : undefined,
    query.to ? lt(auditLog.createdAt, query.to) : undefined,
    afterCursor({
      sortColumn: auditLog.createdAt,
      idColumn: auditLog.id,
      cursor,
      order: 'desc',
      cast: 'timestamptz',
    }),
  ];
  const rows = await ctx.services.db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    (row) => ({
      id: row.id,
      actorType: row.actorType,
      actorId: row.actorId,
      actorLabel: row.actorLabel,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      before: row.before,
      after: row.after,
      requestId: row.requestId,
      createdAt: row.createdAt.toISOString(),
    }),
  );
}
