import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../platform/errors';
import type { TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { webhookDeliveries } from '../schema';
import { toDeliveryView } from './delivery-view';
import { getDeliveryById } from './get-delivery';
import { processDeliveryJob } from './process-delivery';

/**
 * Processes a failed delivery again (after the order arrived, the catalog or program was fixed …).
 * Refused and duplicate deliveries are never processed: their origin was not proven or already was.
 */
export async function retryDelivery(ctx: TenantContext, deliveryId: string) {
  const { db, clock, jobs } = ctx.services;
  return db.transaction(async (tx) => {
    const delivery = await getDeliveryById(ctx, tx, deliveryId);
    if (delivery.status !== 'failed') {
      throw new AppError('conflict', 'Only a failed delivery can be retried', {
        internal: `delivery ${deliveryId} is ${delivery.status}`,
      });
    }
    const [row] = await tx
      .update(webhookDeliveries)
      .set({ status: 'received', error: null })
      .where(and(eq(webhookDeliveries.orgId, ctx.orgId), eq(webhookDeliveries.id, deliveryId)))
      .returning();
    await jobs.enqueue(
      tx,
      processDeliveryJob(ctx.services),
      { orgId: ctx.orgId, deliveryId },
      { orgId: ctx.orgId, dedupeKey: `${deliveryId}:retry:${clock.now().getTime()}` },
    );
    await recordAudit(ctx, tx, {
      action: 'webhook_delivery.retried',
      entityType: 'webhook_delivery',
      entityId: deliveryId,
    });
    return toDeliveryView(row!);
  });
}
