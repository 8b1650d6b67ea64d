import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { requestRecompute } from '../commissions';
import { releaseOrderFunds } from '../payouts/order-funds';
import { foldOrderEvents } from './fold-order-events';
import { eventActor } from './ingest-chunk';
import { netLineAmounts, returnedValueMinor } from './order-totals';
import type { OrderView } from './order-view';
import { loadOrderViews, type OrderItemRow, type OrderRow } from './order-views';
import {
  type OrderSource,
  orderEvents,
  orderItems,
  orders,
  PAYMENT_STATUSES,
  type PaymentStatus,
} from './schema';

export type OrderEventActor = {
  type: 'member' | 'api_key' | 'system' | 'partner' | 'webhook';
  id?: string;
  label?: string;
};

export type ReturnItemInput = { lineNo?: number; externalLineId?: string; sku?: string; quantity: number };

export type OrderEventInput = {
  order: { id: string } | { source: OrderSource; externalId: string };
  type:
    | 'confirmed'
    | 'completed'
    | 'cancelled'
    | 'returned'
    | 'payment'
    | 'updated'
    | 'note'
    | 'refund_reported';
  /** A second event with the same key on the same order is a no-op. */
  dedupeKey: string;
  /** Events are folded in occurredAt order: out-of-order delivery converges. */
  occurredAt?: Date;
  /** Cancellation or note text. */
  reason?: string;
  /** For type 'payment'. */
  paymentStatus?: PaymentStatus;
  /** For type 'returned'. */
  returnItems?: ReturnItemInput[];
  /**
   * For type 'returned': `add` (default) returns the given quantities on top of earlier returns;
   * `upTo` raises each line's returned quantity to the given total (a platform that reports how many
   * units left the order in all), so the same total reported twice, or after the returns that make
   * it up, adds nothing.
   */
  returnMode?: 'add' | 'upTo';
  /** For type 'refund_reported': the platform's refund, in the order's currency. */
  refund?: { id: string; amountMinor: bigint };
  actor?: OrderEventActor;
};

const EVENT_TYPES = [
  'confirmed',
  'completed',
  'cancelled',
  'returned',
  'payment',
  'updated',
  'note',
  'refund_reported',
] as const;

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', `${path}: ${message}`, { details: [{ path, message }] });

/** An event's dedupe key: required, at most 255 characters. */
export function checkDedupeKey(dedupeKey: string): void {
  if (!dedupeKey?.trim() || dedupeKey.length > 255)
    throw invalid('dedupeKey', 'Required, at most 255 characters');
}

/** Whether the order has an event with this dedupe key already (its delivery was seen before). */
export async function hasEvent(ctx: TenantContext, tx: Executor, orderId: string, dedupeKey: string) {
  const [seen] = await tx
    .select({ id: orderEvents.id })
    .from(orderEvents)
    .where(
      and(
        eq(orderEvents.orgId, ctx.orgId),
        eq(orderEvents.orderId, orderId),
        eq(orderEvents.dedupeKey, dedupeKey),
      ),
    );
  return seen !== undefined;
}

/**
 * Appends one event (idempotent on dedupeKey) and refolds the order. Throws not_found when the
 * order does not exist (yet), and unprocessable for a return above what was sold. The order row is
 * locked meanwhile, so two returns delivered together cannot both pass the quantity check.
 */
export async function recordOrderEvent(
  ctx: TenantContext,
  executor: Executor,
  input: OrderEventInput,
): Promise<{ order: OrderView; applied: boolean }> {
  checkEventInput(input);
  return executor.transaction(async (tx) => {
    const order = await lockOrder(ctx, tx, input.order);
    if (await hasEvent(ctx, tx, order.id, input.dedupeKey))
      return { order: (await loadOrderViews(ctx, tx, [order.id]))[0]!, applied: false };

    const items = await tx
      .select()
      .from(orderItems)
      .where(and(eq(orderItems.orgId, ctx.orgId), eq(orderItems.orderId, order.id)));
    let returnItems = input.returnItems;
    if (input.type === 'returned' && input.returnMode === 'upTo') {
      returnItems = returnsUpTo(order, items, input.returnItems!);
      // every line has returned that much already: nothing happened
      if (returnItems.length === 0)
        return { order: (await loadOrderViews(ctx, tx, [order.id]))[0]!, applied: false };
    }
    const now = ctx.services.clock.now();
    const actor = input.actor ?? eventActor(ctx);
    await tx.insert(orderEvents).values({
      orgId: ctx.orgId,
      id: newId('orderEvent', now.getTime()),
      orderId: order.id,
      type: input.type,
      dedupeKey: input.dedupeKey,
      occurredAt: input.occurredAt ?? now,
      data: eventData({ ...input, returnItems }, order, items),
      actorType: actor.type,
      actorId: actor.id ?? null,
      actorLabel: actor.label ?? null,
      createdAt: now,
    });
    const after = await refoldOrder(ctx, tx, order, items);
    if (ctx.actor.type === 'member') {
      await recordAudit(ctx, tx, {
        action: `order.${input.type}`,
        entityType: 'order',
        entityId: order.id,
        before: {
          status: order.status,
          paymentStatus: order.paymentStatus,
          returnedMinor: order.returnedMinor.toString(),
        },
        after: {
          status: after.status,
          paymentStatus: after.paymentStatus,
          returnedMinor: after.returnedMinor,
          reason: input.reason,
        },
      });
    }
    // a reported refund changes nothing until the return it stands for is recorded
    if (after.enrollmentId && input.type !== 'refund_reported') await requestRecompute(ctx, tx, [order.id]);
    // a cancelled CTV order gives back the store credit and deposit it drew on
    if (after.status === 'cancelled' && order.status !== 'cancelled')
      await releaseOrderFunds(ctx, tx, order.id);
    return { order: after, applied: true };
  });
}

function checkEventInput(input: OrderEventInput) {
  if (!EVENT_TYPES.includes(input.type)) throw invalid('type', `One of ${EVENT_TYPES.join(', ')}`);
  checkDedupeKey(input.dedupeKey);
  if (input.occurredAt && Number.isNaN(input.occurredAt.getTime())) throw invalid('occurredAt', 'Not a date');
  if (input.type === 'payment' && !PAYMENT_STATUSES.includes(input.paymentStatus as PaymentStatus)) {
    throw invalid('paymentStatus', `One of ${PAYMENT_STATUSES.join(', ')}`);
  }
  if (input.returnMode !== undefined && !['add', 'upTo'].includes(input.returnMode))
    throw invalid('returnMode', 'add or upTo');
  if (input.type === 'refund_reported') {
    if (!input.refund?.id?.trim() || input.refund.id.length > 100) throw invalid('refund.id', 'Required');
    if (typeof input.refund.amountMinor !== 'bigint' || input.refund.amountMinor <= 0n)
      throw invalid('refund.amountMinor', 'A positive amount');
  }
  if (input.type === 'returned') {
    if (!input.returnItems?.length) throw invalid('returnItems', 'At least one line to return');
    input.returnItems.forEach((item, index) => {
      if (!Number.isInteger(item.quantity) || item.quantity < 1) {
        throw invalid(`returnItems.${index}.quantity`, 'A whole number of at least 1');
      }
      if (item.lineNo === undefined && !item.externalLineId && !item.sku) {
        throw invalid(`returnItems.${index}`, 'Name the line by lineNo, externalLineId or sku');
      }
    });
  }
}

/** The order an event names, locked until the transaction ends; not_found when there is none. */
export async function lockOrder(
  ctx: TenantContext,
  tx: Executor,
  ref: OrderEventInput['order'],
): Promise<OrderRow> {
  const where =
    'id' in ref
      ? and(eq(orders.orgId, ctx.orgId), eq(orders.id, ref.id))
      : and(
          eq(orders.orgId, ctx.orgId),
          eq(orders.source, ref.source),
          eq(orders.externalId, ref.externalId),
        );
  const [order] = await tx.select().from(orders).where(where).for('update');
  if (!order) throw notFound('Order');
  return order;
}

function eventData(input: OrderEventInput, order: OrderRow, items: OrderItemRow[]): Record<string, unknown> {
  switch (input.type) {
    case 'payment':
      return { paymentStatus: input.paymentStatus };
    case 'returned':
      return { items: resolveReturn(order, items, input.returnItems!) };
    case 'refund_reported':
      return {
        refundId: input.refund!.id,
        amountMinor: input.refund!.amountMinor.toString(),
        currency: order.currency,
        ...(input.reason?.trim() ? { reason: input.reason.trim() } : {}),
      };
    default:
      return input.reason?.trim() ? { reason: input.reason.trim() } : {};
  }
}

/** The lines a return item names: by line number, the platform's line id or SKU (in line order). */
function linesNamed(order: OrderRow, lines: OrderItemRow[], wanted: ReturnItemInput, path: string) {
  let candidates: OrderItemRow[];
  if (wanted.lineNo !== undefined) candidates = lines.filter((line) => line.lineNo === wanted.lineNo);
  else if (wanted.externalLineId)
    candidates = lines.filter((line) => line.externalLineId === wanted.externalLineId);
  else candidates = lines.filter((line) => line.sku.toUpperCase() === wanted.sku!.trim().toUpperCase());
  if (candidates.length === 0) {
    const name = wanted.lineNo ?? wanted.externalLineId ?? wanted.sku;
    throw new AppError('unprocessable', `Order ${order.number} has no line ${name}`, {
      details: [{ path, message: 'No such line on this order' }],
    });
  }
  return candidates;
}

/**
 * What an `upTo` return adds: for each item, the units still missing to reach its total (what its
 * lines have returned already counts), none where the lines are there already. A total above
 * what was sold is refused like any return.
 */
function returnsUpTo(order: OrderRow, items: OrderItemRow[], request: ReturnItemInput[]): ReturnItemInput[] {
  const lines = [...items].sort((a, b) => a.lineNo - b.lineNo);
  return request.flatMap((wanted, index) => {
    const candidates = linesNamed(order, lines, wanted, `returnItems.${index}`);
    const returned = candidates.reduce((sum, line) => sum + line.returnedQuantity, 0);
    return wanted.quantity > returned ? [{ ...wanted, quantity: wanted.quantity - returned }] : [];
  });
}

/**
 * Finds the lines a return names (by line number, the platform's line id or SKU; a SKU on
 * several lines fills them in line order) and refuses any line whose returns would exceed what
 * was sold, naming the line and the quantities.
 */
function resolveReturn(order: OrderRow, items: OrderItemRow[], request: ReturnItemInput[]) {
  const lines = [...items].sort((a, b) => a.lineNo - b.lineNo);
  const asked = new Map<number, number>();
  const room = (line: OrderItemRow) => line.quantity - line.returnedQuantity - (asked.get(line.lineNo) ?? 0);
  request.forEach((wanted, index) => {
    const path = `returnItems.${index}`;
    const candidates = linesNamed(order, lines, wanted, path);
    let left = wanted.quantity;
    for (const line of candidates) {
      const take = Math.min(left, Math.max(room(line), 0));
      if (take > 0) asked.set(line.lineNo, (asked.get(line.lineNo) ?? 0) + take);
      left -= take;
    }
    if (left > 0) {
      const line = candidates[0]!;
      const sold = candidates.reduce((sum, c) => sum + c.quantity, 0);
      const returned = candidates.reduce((sum, c) => sum + c.returnedQuantity, 0);
      throw new AppError(
        'unprocessable',
        `Line ${line.lineNo} (${line.sku}) of order ${order.number}: ${sold} sold, ${returned} already returned, cannot return ${wanted.quantity} more`,
        {
          details: [
            { path: `${path}.quantity`, message: `At most ${wanted.quantity - left} can still be returned` },
          ],
        },
      );
    }
  });
  return [...asked.entries()].map(([lineNo, quantity]) => ({ lineNo, quantity }));
}

/** Folds every event of the order again and stores the result on the order and its lines. */
async function refoldOrder(ctx: TenantContext, tx: Executor, order: OrderRow, items: OrderItemRow[]) {
  const events = await tx
    .select()
    .from(orderEvents)
    .where(and(eq(orderEvents.orgId, ctx.orgId), eq(orderEvents.orderId, order.id)));
  const state = foldOrderEvents(events);
  const lines = [...items].sort((a, b) => a.lineNo - b.lineNo);
  const nets = netLineAmounts(lines, order.discountMinor);
  let returnedMinor = 0n;
  for (const [index, line] of lines.entries()) {
    const returned = Math.min(state.returned.get(line.lineNo) ?? 0, line.quantity);
    returnedMinor += returnedValueMinor(nets[index]!, line.quantity, returned);
    if (returned !== line.returnedQuantity) {
      await tx
        .update(orderItems)
        .set({ returnedQuantity: returned })
        .where(
          and(
            eq(orderItems.orgId, ctx.orgId),
            eq(orderItems.orderId, order.id),
            eq(orderItems.lineNo, line.lineNo),
          ),
        );
    }
  }
  await tx
    .update(orders)
    .set({
      status: state.status,
      statusReason: state.statusReason,
      paymentStatus: state.paymentStatus,
      confirmedAt: state.confirmedAt,
      completedAt: state.completedAt,
      cancelledAt: state.cancelledAt,
      paidAt: state.paidAt,
      returnedMinor,
      updatedAt: ctx.services.clock.now(),
    })
    .where(and(eq(orders.orgId, ctx.orgId), eq(orders.id, order.id)));
  return (await loadOrderViews(ctx, tx, [order.id]))[0]!;
}
