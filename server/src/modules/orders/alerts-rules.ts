import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { programs } from '../programs';
import { type ORDER_ALERT_KINDS, orders } from './schema';

export type OrderAlertKind = (typeof ORDER_ALERT_KINDS)[number];

/** Thresholds when an order is credited to no program (the programs' defaults). */
export const DEFAULT_CONFIRM_ALERT_HOURS = 24;
export const DEFAULT_COD_ALERT_DAYS = 7;

/**
 * When each kind of alert is due on an order (joined with its program, which may be missing).
 * Cash on delivery is measured from when the order was placed: by then the money should be in,
 * whether or not the order was marked completed.
 */
export function alertDue(kind: OrderAlertKind, now: Date): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  switch (kind) {
    case 'confirmation_overdue':
      return sql`(${orders.status} = 'pending' and ${orders.placedAt}
        + coalesce(${programs.confirmAlertHours}, ${DEFAULT_CONFIRM_ALERT_HOURS}) * interval '1 hour' <= ${at})`;
    case 'payment_failed':
      return sql`(${orders.paymentStatus} = 'failed' and ${orders.status} <> 'cancelled')`;
    case 'cod_uncollected':
      return sql`(${orders.paymentStatus} = 'cod_pending' and ${orders.status} <> 'cancelled' and ${orders.placedAt}
        + coalesce(${programs.codAlertDays}, ${DEFAULT_COD_ALERT_DAYS}) * interval '1 day' <= ${at})`;
  }
}

/** Whether the cause of an alert of `kind` still holds on its order (a row of `orders` in scope). */
export function causeHolds(kind: SQLWrapper): SQL {
  return sql`((${kind} = 'confirmation_overdue' and ${orders.status} = 'pending')
    or (${kind} = 'payment_failed' and ${orders.paymentStatus} = 'failed' and ${orders.status} <> 'cancelled')
    or (${kind} = 'cod_uncollected' and ${orders.paymentStatus} = 'cod_pending' and ${orders.status} <> 'cancelled'))`;
}
