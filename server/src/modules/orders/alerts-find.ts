import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { badRequest } from '../../platform/errors';
import { afterCursor, decodeCursor, type PageQuery, toPage } from '../../platform/http/paging';
import type { TenantContext } from '../../platform/services';
import { enrollments } from '../partners';
import { programs } from '../programs';
import { causeHolds, type OrderAlertKind } from './alerts-rules';
import { enrollmentLabels } from './partner-orders-access';
import { orderAlerts, orders } from './schema';

export type OrderAlertQuery = Pick<PageQuery, 'limit' | 'cursor'> & {
  kind?: OrderAlertKind;
  programId?: string;
  /** Only orders of partners the calling staff member cares for. */
  mine?: boolean;
};

/**
 * Open order alerts, newest first, with their order and partner, and how many are open in all.
 * An alert whose cause is already gone (the order was confirmed or paid since the last sweep)
 * is not shown, even before the sweep marks it resolved.
 */
export async function findOrderAlerts(ctx: TenantContext, query: OrderAlertQuery) {
  const { db } = ctx.services;
  if (query.mine && ctx.actor.type !== 'member') {
    throw badRequest('“My partners” needs a signed-in staff member', [
      { path: 'query.mine', message: 'Only staff members care for partners' },
    ]);
  }
  const partnerEnrollment = sql`coalesce(${orders.enteredByEnrollmentId}, ${orders.enrollmentId})`;
  const open = and(
    eq(orderAlerts.orgId, ctx.orgId),
    isNull(orderAlerts.resolvedAt),
    causeHolds(orderAlerts.kind),
    query.kind ? eq(orderAlerts.kind, query.kind) : undefined,
    query.programId ? eq(orders.programId, query.programId) : undefined,
    query.mine && ctx.actor.type === 'member'
      ? sql`exists (select 1 from ${enrollments} e where e.org_id = ${orders.orgId}
          and e.id = ${partnerEnrollment} and e.care_member_id = ${ctx.actor.id})`
      : undefined,
  );
  const joinOrder = and(eq(orders.orgId, orderAlerts.orgId), eq(orders.id, orderAlerts.orderId));
  const cursor = decodeCursor(query.cursor);
  const alertKey = sql<string>`${orderAlerts.orderId} || ':' || ${orderAlerts.kind}`;
  const rows = await db
    .select({ alert: orderAlerts, order: orders, programName: programs.name })
    .from(orderAlerts)
    .innerJoin(orders, joinOrder)
    .leftJoin(programs, and(eq(programs.orgId, orders.orgId), eq(programs.id, orders.programId)))
    .where(
      and(
        open,
        afterCursor({
          sortColumn: orderAlerts.createdAt,
          idColumn: alertKey,
          cursor,
          order: 'desc',
          cast: 'timestamptz',
        }),
      ),
    )
    .orderBy(desc(orderAlerts.createdAt), desc(alertKey))
    .limit(query.limit + 1);
  const [total] = await db.select({ n: count() }).from(orderAlerts).innerJoin(orders, joinOrder).where(open);
  const labels = await enrollmentLabels(
    db,
    ctx.orgId,
    rows.flatMap(({ order }) => {
      const id = order.enteredByEnrollmentId ?? order.enrollmentId;
      return id ? [id] : [];
    }),
  );
  const page = toPage(
    rows,
    query.limit,
    (row) => ({ value: row.alert.createdAt.toISOString(), id: `${row.alert.orderId}:${row.alert.kind}` }),
    ({ alert, order, programName }) => {
      const partnerId = order.enteredByEnrollmentId ?? order.enrollmentId;
      const partner = partnerId ? labels.get(partnerId) : undefined;
      return {
        kind: alert.kind,
        raisedAt: alert.createdAt.toISOString(),
        order: {
          id: order.id,
          number: order.number,
          status: order.status,
          paymentStatus: order.paymentStatus,
          paymentMethod: order.paymentMethod,
          currency: order.currency,
          totalMinor: order.totalMinor.toString(),
          customerName: order.customerName,
          placedAt: order.placedAt.toISOString(),
        },
        program: order.programId ? { id: order.programId, name: programName ?? '' } : null,
        partner: partner
          ? { enrollmentId: partner.id, name: partner.name, referralCode: partner.referralCode }
          : null,
      };
    },
  );
  return { ...page, openCount: Number(total?.n ?? 0) };
}
