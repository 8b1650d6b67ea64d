import { and, count, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import type { TenantContext } from '../../../platform/services';
import { webhookDeliveries, type webhookSources } from '../schema';

export type WebhookSourceRow = typeof webhookSources.$inferSelect;

export type WebhookSourceView = {
  id: string;
  kind: WebhookSourceRow['kind'];
  name: string;
  programId: string | null;
  status: WebhookSourceRow['status'];
  deliveryUrl: string;
  lastDeliveryAt: string | null;
  deliveriesLast24h: number;
  failuresLast24h: number;
  createdAt: string;
  updatedAt: string;
};

type Stats = { deliveries: number; failures: number };

/** `{APP_URL}/hooks/{id}`, and `…/postback` for a postback source. */
export function deliveryUrlOf(appUrl: string, source: Pick<WebhookSourceRow, 'id' | 'kind'>): string {
  const base = `${appUrl.replace(/\/$/, '')}/hooks/${source.id}`;
  return source.kind === 'postback' ? `${base}/postback` : base;
}

export function toSourceView(row: WebhookSourceRow, appUrl: string, stats?: Stats): WebhookSourceView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    programId: row.programId,
    status: row.status,
    deliveryUrl: deliveryUrlOf(appUrl, row),
    lastDeliveryAt: row.lastDeliveryAt?.toISOString() ?? null,
    deliveriesLast24h: stats?.deliveries ?? 0,
    failuresLast24h: stats?.failures ?? 0,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Deliveries and failures (failed or refused) of the last 24 hours, per source. */
export async function deliveryStats(
  ctx: TenantContext,
  executor: Executor,
  sourceIds: string[],
): Promise<Map<string, Stats>> {
  const stats = new Map<string, Stats>();
  if (sourceIds.length === 0) return stats;
  const since = new Date(ctx.services.clock.now().getTime() - 24 * 60 * 60_000);
  const rows = await executor
    .select({
      sourceId: webhookDeliveries.sourceId,
      deliveries: count(),
      failures:
        sql<number>`count(*) filter (where ${webhookDeliveries.status} in ('failed', 'rejected'))`.mapWith(
          Number,
        ),
    })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.orgId, ctx.orgId),
        inArray(webhookDeliveries.sourceId, sourceIds),
        gte(webhookDeliveries.receivedAt, since),
      ),
    )
    .groupBy(webhookDeliveries.sourceId);
  for (const row of rows)
    stats.set(row.sourceId, { deliveries: Number(row.deliveries), failures: row.failures });
  return stats;
}
