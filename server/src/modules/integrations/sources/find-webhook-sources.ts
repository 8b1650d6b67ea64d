import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { afterCursor, decodeCursor, type Page, toPage } from '../../../platform/http/paging';
import type { TenantContext } from '../../../platform/services';
import { webhookSources } from '../schema';
import type { SourceQuery } from '../schemas';
import { deliveryStats, toSourceView, type WebhookSourceView } from './source-view';

/** The organisation's webhook sources with their last 24 hours of deliveries, newest first. */
export async function findWebhookSources(
  ctx: TenantContext,
  query: SourceQuery,
): Promise<Page<WebhookSourceView>> {
  const { db, config } = ctx.services;
  const conditions: (SQL | undefined)[] = [
    eq(webhookSources.orgId, ctx.orgId),
    query.kind ? eq(webhookSources.kind, query.kind) : undefined,
    query.status ? eq(webhookSources.status, query.status) : undefined,
    afterCursor({
      sortColumn: webhookSources.createdAt,
      idColumn: webhookSources.id,
      cursor: decodeCursor(query.cursor),
      order: query.order,
      cast: 'timestamptz',
    }),
  ];
  const direction = query.order === 'asc' ? asc : desc;
  const rows = await db
    .select()
    .from(webhookSources)
    .where(and(...conditions))
    .orderBy(direction(webhookSources.createdAt), direction(webhookSources.id))
    .limit(query.limit + 1);
  const stats = await deliveryStats(
    ctx,
    db,
    rows.map((row) => row.id),
  );
  return toPage(
    rows,
    query.limit,
    (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    (row) => toSourceView(row, config.appUrl, stats.get(row.id)),
  );
}
