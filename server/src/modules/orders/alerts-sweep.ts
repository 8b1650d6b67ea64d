import { and, asc, eq, isNull, not, sql } from 'drizzle-orm';
import type { Services, TenantContext } from '../../platform/services';
import { type NotificationKind, notifyIdentity } from '../notifications';
import { programs } from '../programs';
import { orderAlertRecipients } from './alerts-recipients';
import {
  alertDue,
  causeHolds,
  DEFAULT_COD_ALERT_DAYS,
  DEFAULT_CONFIRM_ALERT_HOURS,
  type OrderAlertKind,
} from './alerts-rules';
import { ORDER_ALERT_KINDS, orderAlerts, orders } from './schema';

const BATCH = 200;

const NOTIFICATION_OF: Record<OrderAlertKind, NotificationKind> = {
  confirmation_overdue: 'order_confirmation_overdue',
  payment_failed: 'order_payment_failed',
  cod_uncollected: 'order_cod_uncollected',
};

/**
 * One pass of the order alerts: resolves alerts whose cause went away, then raises each due alert
 * once per order and kind and tells the CTV and their care staff. Runs over every organisation
 * (it is the periodic job's work); each alert is written in its own organisation's context.
 */
export async function sweepOrderAlerts(services: Services) {
  const now = services.clock.now();
  const resolved = await unsafeResolveOrderAlerts(services, now);
  let raised = 0;
  for (const kind of ORDER_ALERT_KINDS) {
    for (;;) {
      const due = await unsafeFindDueAlerts(services, kind, now);
      for (const candidate of due) if (await raiseOrderAlert(services, kind, candidate)) raised++;
      if (due.length < BATCH) break;
    }
  }
  return { raised, resolved };
}

/** Every organisation's open alerts whose cause is gone (paid, confirmed, cancelled …). */
async function unsafeResolveOrderAlerts(services: Services, now: Date) {
  const rows = await services.db
    .update(orderAlerts)
    .set({ resolvedAt: now })
    .where(
      and(
        isNull(orderAlerts.resolvedAt),
        sql`not exists (select 1 from ${orders} where ${orders.orgId} = ${orderAlerts.orgId}
          and ${orders.id} = ${orderAlerts.orderId} and ${causeHolds(orderAlerts.kind)})`,
      ),
    )
    .returning({ orderId: orderAlerts.orderId });
  return rows.length;
}

type DueAlert = {
  orgId: string;
  orderId: string;
  number: string;
  customerName: string;
  enrollmentId: string | null;
  enteredByEnrollmentId: string | null;
  programName: string | null;
  confirmAlertHours: number | null;
  codAlertDays: number | null;
};

/** Orders of every organisation on which an alert of `kind` is due and not raised yet. */
async function unsafeFindDueAlerts(services: Services, kind: OrderAlertKind, now: Date): Promise<DueAlert[]> {
  return services.db
    .select({
      orgId: orders.orgId,
      orderId: orders.id,
      number: orders.number,
      customerName: orders.customerName,
      enrollmentId: orders.enrollmentId,
      enteredByEnrollmentId: orders.enteredByEnrollmentId,
      programName: programs.name,
      confirmAlertHours: programs.confirmAlertHours,
      codAlertDays: programs.codAlertDays,
    })
    .from(orders)
    .leftJoin(programs, and(eq(programs.orgId, orders.orgId), eq(programs.id, orders.programId)))
    .where(
      and(
        alertDue(kind, now),
        not(
          sql`exists (select 1 from ${orderAlerts} where ${orderAlerts.orgId} = ${orders.orgId}
            and ${orderAlerts.orderId} = ${orders.id} and ${orderAlerts.kind} = ${kind})`,
        ),
      ),
    )
    .orderBy(asc(orders.placedAt), asc(orders.id))
    .limit(BATCH);
}

/** Writes the alert (once: the key is org, order, kind) and its notifications, together. */
async function raiseOrderAlert(services: Services, kind: OrderAlertKind, due: DueAlert): Promise<boolean> {
  const ctx: TenantContext = { orgId: due.orgId, services, actor: { type: 'system', label: 'Order alerts' } };
  return services.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(orderAlerts)
      .values({ orgId: due.orgId, orderId: due.orderId, kind, createdAt: services.clock.now() })
      .onConflictDoNothing()
      .returning({ orderId: orderAlerts.orderId });
    if (inserted.length === 0) return false;
    const recipients = await orderAlertRecipients(ctx, tx, due);
    const params: Record<string, string> = {
      orderId: due.orderId,
      orderNumber: due.number,
      customerName: due.customerName,
      programName: due.programName ?? '',
      hours: String(due.confirmAlertHours ?? DEFAULT_CONFIRM_ALERT_HOURS),
      days: String(due.codAlertDays ?? DEFAULT_COD_ALERT_DAYS),
    };
    for (const identityId of recipients.partners)
      await notifyIdentity(ctx, tx, { identityId, kind: NOTIFICATION_OF[kind], params });
    for (const identityId of recipients.staff)
      await notifyIdentity(ctx, tx, { identityId, audience: 'staff', kind: NOTIFICATION_OF[kind], params });
    return true;
  });
}
