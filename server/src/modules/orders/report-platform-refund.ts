import type { Executor } from '../../platform/db';
import type { TenantContext } from '../../platform/services';
import { notifyIdentity } from '../notifications';
import { orderAlertRecipients } from './alerts-recipients';
import type { OrderView } from './order-view';
import { type OrderEventActor, recordOrderEvent } from './record-order-event';
import type { OrderSource } from './schema';

/** A refund as the shop's platform reports it: its id there, the money, the shop's reason. */
export type PlatformRefund = { id: string; amountMinor: bigint; reason?: string };

/**
 * A refund the platform made without saying which items came back (WooCommerce's order webhook
 * lists refunds as amounts only). Commission follows recorded returns, so nothing is guessed: the
 * refund becomes one `refund_reported` event on the order's timeline, keyed by the platform's
 * refund id (every later payload that still lists it adds nothing), and the care staff of the
 * order's partners (or the managers) are told to record the returned items.
 */
export async function reportPlatformRefund(
  ctx: TenantContext,
  executor: Executor,
  input: {
    order: { id: string };
    source: OrderSource;
    refund: PlatformRefund;
    occurredAt?: Date;
    actor?: OrderEventActor;
  },
): Promise<{ order: OrderView; applied: boolean }> {
  return executor.transaction(async (tx) => {
    const result = await recordOrderEvent(ctx, tx, {
      order: input.order,
      type: 'refund_reported',
      refund: { id: input.refund.id, amountMinor: input.refund.amountMinor },
      reason: input.refund.reason,
      dedupeKey: `${input.source}:refund:${input.refund.id}`,
      occurredAt: input.occurredAt,
      actor: input.actor,
    });
    if (!result.applied) return result;
    const { order } = result;
    const { staff } = await orderAlertRecipients(ctx, tx, order);
    for (const identityId of staff) {
      await notifyIdentity(ctx, tx, {
        identityId,
        audience: 'staff',
        kind: 'order_refund_reported',
        params: {
          orderId: order.id,
          orderNumber: order.number,
          customerName: order.customer.name,
          amountMinor: input.refund.amountMinor.toString(),
          currency: order.currency,
        },
      });
    }
    return result;
  });
}
