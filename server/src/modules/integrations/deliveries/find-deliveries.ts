import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { afterCursor, decodeCursor, type Page, toPage } from '../../../platform/http/paging';
import type { TenantContext } from '../../../platform/services';
import { webhookDeliveries } from '../schema';
import type { DeliveryQuery } from '../schemas';
import { getWebhookSourceById } from '../sources/get-webhook-source';
import { type DeliverySummaryView, summaryColumns, toDeliverySummary } from './delivery-view';

/** A source's deliveries, newest first, optionally of one status (failed, rejected …). */
export async function findDeliveries(
  ctx: TenantContext,
  sourceId: string,
  query: DeliveryQuery,
): Promise<Page<DeliverySummaryView>> {
  const { db } = ctx.services;
  await getWebhookSourceById(ctx, db, sourceId);
  const direction = query.order === 'asc' ? asc : desc;
  const conditions: (SQL | undefined)[] = [
    eq(webhookDeliveries.orgId, ctx.orgId),
    eq(webhookDeliveries.sourceId, sourceId),
    query.status ? eq(webhookDeliveries.status, query.status) : undefined,
    afterCursor({
      sortColumn: webhookDeliveries.receivedAt,
      idColumn: webhookDeliveries.id,
      cursor: decodeCursor(query.cursor),
      order: query.order,
      cast: 'timestamptz',
    }),
  ];
  const rows = await db
    .select(summaryColumns)
    .from(webhookDeliveries)
    .where(and(...conditions))
    .orderBy(direction(webhookDeliveries.receivedAt), direction(webhookDeliveries.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => ({ value: row.receivedAt.toISOString(), id: row.id }),
    toDeliverySummary,
  );
}
