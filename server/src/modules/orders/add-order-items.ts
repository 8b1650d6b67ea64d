import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { requestRecompute } from '../commissions';
import { eventActor, loadProducts, toItemRow } from './ingest-chunk';
import type { OrderItemInput } from './ingest-order';
import { computeTotals } from './order-totals';
import type { OrderView } from './order-view';
import { loadOrderViews } from './order-views';
import { checkItemList } from './prepare-order-input';
import { checkDedupeKey, hasEvent, lockOrder, type OrderEventActor } from './record-order-event';
import { orderEvents, orderItems, orders } from './schema';

export type AddOrderItemsInput = {
  order: Parameters<typeof lockOrder>[2];
  items: OrderItemInput[];
  /** A second call with the same key on the same order is a no-op. */
  dedupeKey: string;
  occurredAt?: Date;
  actor?: OrderEventActor;
};

/**
 * Adds lines to a stored order (an order edited on the shop's platform after it was placed): the
 * lines take the next line numbers and the catalog's product, category and cost like the first
 * ones, the subtotal and total grow by them, one `items_added` event records them, and the order's
 * commission is computed again. A line whose platform line id is on the order already is skipped,
 * so the same edit delivered twice adds nothing; a cancelled order takes no new lines.
 */
export async function addOrderItems(
  ctx: TenantContext,
  executor: Executor,
  input: AddOrderItemsInput,
): Promise<{ order: OrderView; applied: boolean }> {
  checkDedupeKey(input.dedupeKey);
  checkItemList(input.items);
  return executor.transaction(async (tx) => {
    const order = await lockOrder(ctx, tx, input.order);
    const unchanged = async () => ({
      order: (await loadOrderViews(ctx, tx, [order.id]))[0]!,
      applied: false,
    });
    if (await hasEvent(ctx, tx, order.id, input.dedupeKey)) return unchanged();
    const stored = await tx
      .select()
      .from(orderItems)
      .where(and(eq(orderItems.orgId, ctx.orgId), eq(orderItems.orderId, order.id)));
    const known = new Set(stored.map((line) => line.externalLineId).filter((id) => id !== null));
    const fresh = input.items.filter((item) => !item.externalLineId || !known.has(item.externalLineId));
    if (fresh.length === 0) return unchanged();
    if (order.status === 'cancelled') {
      throw new AppError('unprocessable', `Order ${order.number} is cancelled: it takes no new lines`);
    }

    const newLines = fresh.map((item) => ({ ...item, discountMinor: item.discountMinor ?? 0n }));
    const totals = computeTotals({
      items: [...stored, ...newLines],
      discountMinor: order.discountMinor,
      shippingMinor: order.shippingMinor,
      taxMinor: order.taxMinor,
    });
    const catalog = await loadProducts(
      ctx,
      tx,
      fresh.map((item) => item.sku),
    );
    const lastLineNo = stored.reduce((max, line) => Math.max(max, line.lineNo), 0);
    const rows = newLines.map((item, index) => toItemRow(ctx, order, item, lastLineNo + index + 1, catalog));
    const now = ctx.services.clock.now();
    const actor = input.actor ?? eventActor(ctx);
    await tx.insert(orderItems).values(rows);
    await tx.insert(orderEvents).values({
      orgId: ctx.orgId,
      id: newId('orderEvent', now.getTime()),
      orderId: order.id,
      type: 'items_added',
      dedupeKey: input.dedupeKey,
      occurredAt: input.occurredAt ?? now,
      data: {
        items: rows.map((row) => ({ lineNo: row.lineNo, sku: row.sku, quantity: row.quantity })),
        subtotalMinor: { from: order.subtotalMinor.toString(), to: totals.subtotalMinor.toString() },
      },
      actorType: actor.type,
      actorId: actor.id ?? null,
      actorLabel: actor.label ?? null,
      createdAt: now,
    });
    await tx
      .update(orders)
      .set({ subtotalMinor: totals.subtotalMinor, totalMinor: totals.totalMinor, updatedAt: now })
      .where(and(eq(orders.orgId, ctx.orgId), eq(orders.id, order.id)));
    if (ctx.actor.type === 'member') {
      await recordAudit(ctx, tx, {
        action: 'order.items_added',
        entityType: 'order',
        entityId: order.id,
        before: { totalMinor: order.totalMinor.toString() },
        after: { totalMinor: totals.totalMinor.toString(), lines: rows.map((row) => row.lineNo) },
      });
    }
    if (order.enrollmentId) await requestRecompute(ctx, tx, [order.id]);
    return { order: (await loadOrderViews(ctx, tx, [order.id]))[0]!, applied: true };
  });
}
