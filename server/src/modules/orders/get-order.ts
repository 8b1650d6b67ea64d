import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import { foldOrderEvents, sortForFold } from './fold-order-events';
import type { OrderView } from './order-view';
import { loadOrderViews } from './order-views';
import { orderEvents } from './schema';

export type OrderEventView = {
  id: string;
  type: (typeof orderEvents.$inferSelect)['type'];
  dedupeKey: string;
  occurredAt: string;
  data: Record<string, unknown>;
  actor: { type: string; id: string | null; label: string | null };
  effective: boolean;
  createdAt: string;
};

/** The order with its timeline (events in the order they are folded); not found for other organisations. */
export async function getOrderById(
  ctx: TenantContext,
  orderId: string,
  executor: Executor = ctx.services.db,
): Promise<OrderView & { timeline: OrderEventView[] }> {
  const [order] = await loadOrderViews(ctx, executor, [orderId]);
  if (!order) throw notFound('Order');
  const events = await executor
    .select()
    .from(orderEvents)
    .where(and(eq(orderEvents.orgId, ctx.orgId), eq(orderEvents.orderId, orderId)));
  const { ineffective } = foldOrderEvents(events);
  return {
    ...order,
    timeline: sortForFold(events).map((event) => ({
      id: event.id,
      type: event.type,
      dedupeKey: event.dedupeKey,
      occurredAt: event.occurredAt.toISOString(),
      data: event.data,
      actor: { type: event.actorType, id: event.actorId, label: event.actorLabel },
      effective: !ineffective.has(event.id),
      createdAt: event.createdAt.toISOString(),
    })),
  };
}
