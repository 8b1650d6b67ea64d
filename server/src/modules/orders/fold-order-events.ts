import type { OrderEventType, OrderStatus, PaymentStatus } from './schema';

export type FoldableEvent = {
  id: string;
  type: OrderEventType;
  dedupeKey: string;
  occurredAt: Date;
  data: Record<string, unknown>;
};

export type FoldedOrder = {
  status: OrderStatus;
  statusReason: string | null;
  paymentStatus: PaymentStatus;
  confirmedAt: Date | null;
  completedAt: Date | null;
  cancelledAt: Date | null;
  paidAt: Date | null;
  /** Returned units per line number. */
  returned: Map<number, number>;
  /** Events kept in the history that changed nothing (a cancellation after completion …). */
  ineffective: Set<string>;
};

/**
 * Order of application at the same instant. Cancellation sorts before completion, so when both
 * carry the same time the order ends cancelled whatever the order of arrival.
 */
const RANK: Record<OrderEventType, number> = {
  created: 0,
  attributed: 1,
  confirmed: 2,
  cancelled: 3,
  completed: 4,
  payment: 5,
  returned: 6,
  updated: 7,
  note: 8,
  items_added: 9,
  refund_reported: 10,
};

/** Events in the order the fold applies them: the creation first, then by time, kind and key. */
export function sortForFold<E extends FoldableEvent>(events: E[]): E[] {
  return [...events].sort(
    (a, b) =>
      Number(b.type === 'created') - Number(a.type === 'created') ||
      a.occurredAt.getTime() - b.occurredAt.getTime() ||
      RANK[a.type] - RANK[b.type] ||
      (a.dedupeKey < b.dedupeKey ? -1 : a.dedupeKey > b.dedupeKey ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * The state of an order is the fold of all its events, sorted by content (time, kind, dedupe key)
 * rather than arrival, so late, out-of-order and repeated deliveries give one result:
 * pending → confirmed → completed, or pending/confirmed → cancelled. Completed and cancelled are
 * both final: whichever happened first stands and the other is kept but has no effect (goods
 * already delivered come back through returns). Returns add up per line; payment takes the status
 * of the latest payment event.
 */
export function foldOrderEvents(events: FoldableEvent[]): FoldedOrder {
  const state: FoldedOrder = {
    status: 'pending',
    statusReason: null,
    paymentStatus: 'unpaid',
    confirmedAt: null,
    completedAt: null,
    cancelledAt: null,
    paidAt: null,
    returned: new Map(),
    ineffective: new Set(),
  };
  const final = () => state.status === 'completed' || state.status === 'cancelled';
  for (const event of sortForFold(events)) {
    const at = event.occurredAt;
    switch (event.type) {
      case 'created': {
        const status = (event.data.status as OrderStatus | undefined) ?? 'pending';
        state.status = status;
        if (status === 'confirmed') state.confirmedAt = at;
        if (status === 'completed') state.completedAt = at;
        if (status === 'cancelled') {
          state.cancelledAt = at;
          state.statusReason = (event.data.reason as string | undefined) ?? null;
        }
        setPayment(state, (event.data.paymentStatus as PaymentStatus | undefined) ?? 'unpaid', at);
        break;
      }
      case 'confirmed':
        if (state.status !== 'pending') state.ineffective.add(event.id);
        else {
          state.status = 'confirmed';
          state.confirmedAt = at;
        }
        break;
      case 'completed':
        if (final()) state.ineffective.add(event.id);
        else {
          state.status = 'completed';
          state.completedAt = at;
        }
        break;
      case 'cancelled':
        if (final()) state.ineffective.add(event.id);
        else {
          state.status = 'cancelled';
          state.cancelledAt = at;
          state.statusReason = (event.data.reason as string | undefined) ?? null;
        }
        break;
      case 'payment':
        setPayment(state, event.data.paymentStatus as PaymentStatus, at);
        break;
      case 'returned':
        for (const item of (event.data.items as Array<{ lineNo: number; quantity: number }> | undefined) ??
          []) {
          state.returned.set(item.lineNo, (state.returned.get(item.lineNo) ?? 0) + item.quantity);
        }
        break;
      default:
        break;
    }
  }
  return state;
}

function setPayment(state: FoldedOrder, status: PaymentStatus, at: Date) {
  if (status === 'paid' && state.paymentStatus !== 'paid') state.paidAt = at;
  if (status !== 'paid') state.paidAt = null;
  state.paymentStatus = status;
}
