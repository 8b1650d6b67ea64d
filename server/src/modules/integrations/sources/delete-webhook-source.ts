import { and, eq } from 'drizzle-orm';
import type { TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { webhookDeliveries, webhookSources } from '../schema';
import { getWebhookSourceById } from './get-webhook-source';
import { toSourceView } from './source-view';

/**
 * Removes a source and its stored deliveries (raw payloads hold customers' personal data). Orders it
 * delivered stay, with their source id; its URL answers 404 from now on.
 */
export async function deleteWebhookSource(ctx: TenantContext, sourceId: string): Promise<void> {
  const { db, config } = ctx.services;
  await db.transaction(async (tx) => {
    const source = await getWebhookSourceById(ctx, tx, sourceId);
    await tx
      .delete(webhookDeliveries)
      .where(and(eq(webhookDeliveries.orgId, ctx.orgId), eq(webhookDeliveries.sourceId, sourceId)));
    await tx
      .delete(webhookSources)
      .where(and(eq(webhookSources.orgId, ctx.orgId), eq(webhookSources.id, sourceId)));
    await recordAudit(ctx, tx, {
      action: 'webhook_source.deleted',
      entityType: 'webhook_source',
      entityId: sourceId,
      before: toSourceView(source, config.appUrl),
    });
  });
}
