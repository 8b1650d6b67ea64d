import type { Executor } from '../../../platform/db';
import type { TenantContext } from '../../../platform/services';
import {
  addOrderItems,
  ingestOrder,
  type OrderEventActor,
  type OrderEventInput,
  type OrderView,
  recordOrderEvent,
  reportPlatformRefund,
} from '../../orders';
import type { DeliveryPlan } from '../mapping/plan';

export type PlanOutcome = { orderId: string | null; note: string | null };

/**
 * Hands a delivery's plan to the orders module: the order is ingested once (a second delivery
 * answers the stored one), lines the platform added since are added, then each state the payload
 * reports becomes an event when it is news.
 * Event keys carry the platform's ids and update time, so a repeated delivery adds nothing, and
 * events carry the platform's time, so deliveries out of order fold to the same order.
 */
export async function applyPlan(
  ctx: TenantContext,
  executor: Executor,
  plan: DeliveryPlan,
  actor: OrderEventActor,
): Promise<PlanOutcome> {
  if (plan.kind === 'ignore') return { orderId: null, note: plan.reason };
  if (plan.kind === 'return') {
    const event: OrderEventInput =
      plan.returnItems.length > 0
        ? {
            order: plan.order,
            type: 'returned',
            returnItems: plan.returnItems,
            returnMode: plan.upTo ? 'upTo' : 'add',
            reason: plan.note,
            dedupeKey: plan.dedupeKey,
          }
        : {
            order: plan.order,
            type: 'note',
            reason: plan.upTo
              ? `${plan.note} (its items are returned as the order's quantities show)`
              : `${plan.note} (money only, no items)`,
            dedupeKey: plan.dedupeKey,
          };
    const { order } = await recordOrderEvent(ctx, executor, { ...event, occurredAt: plan.occurredAt, actor });
    return { orderId: order.id, note: null };
  }

  let current: OrderView = (await ingestOrder(ctx, executor, plan.order)).order;
  const record = async (
    event: Omit<OrderEventInput, 'order' | 'dedupeKey' | 'occurredAt' | 'actor'>,
    key: string,
  ) => {
    const result = await recordOrderEvent(ctx, executor, {
      ...event,
      order: { id: current.id },
      dedupeKey: `${plan.eventKeyBase}:${key}`,
      occurredAt: plan.occurredAt,
      actor,
    } as OrderEventInput);
    current = result.order;
  };
  // lines added by an edit on the platform, known by their platform line ids (only when every
  // stored line has one: otherwise a new line cannot be told from an old one)
  const known = new Set(current.items.map((item) => item.externalLineId));
  const added = plan.order.items.filter((item) => item.externalLineId && !known.has(item.externalLineId));
  if (added.length > 0 && !known.has(null) && current.status !== 'cancelled') {
    const result = await addOrderItems(ctx, executor, {
      order: { id: current.id },
      items: added,
      dedupeKey: `${plan.eventKeyBase}:added`,
      occurredAt: plan.occurredAt,
      actor,
    });
    current = result.order;
  }
  const { states } = plan;
  if (states.confirmed && current.status === 'pending') await record({ type: 'confirmed' }, 'confirmed');
  if (states.paymentStatus && states.paymentStatus !== current.paymentStatus) {
    await record({ type: 'payment', paymentStatus: states.paymentStatus }, `payment:${states.paymentStatus}`);
  }
  if (states.completed && current.status !== 'completed' && current.status !== 'cancelled') {
    await record({ type: 'completed' }, 'completed');
  }
  if (states.cancelled && current.status !== 'cancelled') {
    await record({ type: 'cancelled', reason: states.cancelled.reason }, 'cancelled');
  }
  if (states.removedUpTo?.length && current.status !== 'cancelled') {
    await record(
      {
        type: 'returned',
        returnItems: states.removedUpTo,
        returnMode: 'upTo',
        reason: 'Removed from the order on the platform (edited or refunded)',
      },
      'removed',
    );
  }
  if (states.returnedInFull) {
    const returnItems = current.items
      .filter((item) => item.quantity > item.returnedQuantity)
      .map((item) => ({ lineNo: item.lineNo, quantity: item.quantity - item.returnedQuantity }));
    if (returnItems.length > 0)
      await record({ type: 'returned', returnItems, reason: 'Refunded in full' }, 'returned');
  }
  // a cancelled order earns nothing already: its refunds need no return
  for (const refund of current.status === 'cancelled' ? [] : (states.refundsWithoutItems ?? [])) {
    const result = await reportPlatformRefund(ctx, executor, {
      order: { id: current.id },
      source: plan.order.source,
      refund,
      occurredAt: plan.occurredAt,
      actor,
    });
    current = result.order;
  }
  return { orderId: current.id, note: null };
}
