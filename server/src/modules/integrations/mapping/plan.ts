import type { OrderInput, OrderSource, PaymentStatus, PlatformRefund, ReturnItemInput } from '../../orders';

/** What an order payload says about the order's state; each becomes an order event when it is news. */
export type OrderStates = {
  confirmed?: boolean;
  completed?: boolean;
  cancelled?: { reason?: string };
  paymentStatus?: PaymentStatus;
  /** Every unit not yet returned comes back (WooCommerce "refunded"). */
  returnedInFull?: boolean;
  /**
   * Units no longer on the order, per platform line, in all (Shopify's quantity − current_quantity,
   * after order edits and refunds): each line's returns are raised to that total, never added twice.
   */
  removedUpTo?: ReturnItemInput[];
  /**
   * Refunds the platform lists as amounts only (WooCommerce): each is reported once to staff, who
   * record which items came back; commission does not move until they do.
   */
  refundsWithoutItems?: PlatformRefund[];
};

/**
 * What a delivery asks of the orders module, decided by a platform's mapper without touching the
 * database: ingest an order and fold in its states, record a return, or nothing.
 */
export type DeliveryPlan =
  | {
      kind: 'order';
      order: OrderInput;
      states: OrderStates;
      occurredAt: Date;
      /** Prefix of the events' dedupe keys: platform, order id and the payload's update time. */
      eventKeyBase: string;
    }
  | {
      kind: 'return';
      order: { source: OrderSource; externalId: string };
      returnItems: ReturnItemInput[];
      /** The quantities are each line's total returned so far, not units to add. */
      upTo?: boolean;
      dedupeKey: string;
      occurredAt?: Date;
      note: string;
    }
  | { kind: 'ignore'; reason: string };

/** A payload that cannot become an order: kept on the delivery and shown as failed. */
export class MalformedPayload extends Error {
  override name = 'MalformedPayload';
}
