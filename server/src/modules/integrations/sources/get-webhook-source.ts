import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import type { TenantContext } from '../../../platform/services';
import { webhookSources } from '../schema';
import { deliveryStats, toSourceView, type WebhookSourceRow, type WebhookSourceView } from './source-view';

/** The source with this id in the organisation; another organisation's is not found. */
export async function getWebhookSourceById(
  ctx: TenantContext,
  executor: Executor,
  sourceId: string,
): Promise<WebhookSourceRow> {
  const [row] = await executor
    .select()
    .from(webhookSources)
    .where(and(eq(webhookSources.orgId, ctx.orgId), eq(webhookSources.id, sourceId)));
  if (!row) throw notFound('Webhook source');
  return row;
}

export async function getWebhookSourceView(ctx: TenantContext, sourceId: string): Promise<WebhookSourceView> {
  const row = await getWebhookSourceById(ctx, ctx.services.db, sourceId);
  const stats = await deliveryStats(ctx, ctx.services.db, [row.id]);
  return toSourceView(row, ctx.services.config.appUrl, stats.get(row.id));
}

/**
 * The source a delivery URL names, in whichever organisation: the URL itself is the address, and
 * what arrives there is trusted only after its signature or token is checked against this source.
 */
export async function unsafeFindSourceForDelivery(
  executor: Executor,
  sourceId: string,
): Promise<WebhookSourceRow | undefined> {
  const [row] = await executor.select().from(webhookSources).where(eq(webhookSources.id, sourceId));
  return row;
}
