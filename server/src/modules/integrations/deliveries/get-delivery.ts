import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import type { TenantContext } from '../../../platform/services';
import { webhookDeliveries } from '../schema';
import type { DeliveryRow } from './delivery-view';

/** One delivery of the organisation, with its raw body and headers. */
export async function getDeliveryById(
  ctx: TenantContext,
  executor: Executor,
  deliveryId: string,
): Promise<DeliveryRow> {
  const [row] = await executor
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.orgId, ctx.orgId), eq(webhookDeliveries.id, deliveryId)));
  if (!row) throw notFound('Delivery');
  return row;
}
