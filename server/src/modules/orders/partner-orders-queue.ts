import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { badRequest } from '../../platform/errors';
import { afterCursor, decodeCursor, type PageQuery, toPage } from '../../platform/http/paging';
import type { TenantContext } from '../../platform/services';
import { enrollments } from '../partners';
import { programs } from '../programs';
import { enrollmentLabels } from './partner-orders-access';
import { type OrderSource, orderAlerts, orders } from './schema';

export type OrderQueueQuery = Pick<PageQuery, 'limit' | 'cursor'> & {
  /** pending: to confirm; confirmed: to fulfil. */
  status: 'pending' | 'confirmed';
  programId?: string;
  source?: OrderSource;
  /** Only orders of partners the calling staff member cares for. */
  mine?: boolean;
};

/**
 * The care staff's confirmation queue: orders waiting for a decision, oldest first, with how long
 * each has waited, whose partner it is and its open alerts. "Mine" follows the partner who entered
 * the order, else the one credited.
 */
export async function findOrderQueue(ctx: TenantContext, query: OrderQueueQuery) {
  const { db, clock } = ctx.services;
  if (query.mine && ctx.actor.type !== 'member') {
    throw badRequest('“My partners” needs a signed-in staff member', [
      { path: 'query.mine', message: 'Only staff members care for partners' },
    ]);
  }
  const partnerEnrollment = sql<
    string | null
  >`coalesce(${orders.enteredByEnrollmentId}, ${orders.enrollmentId})`;
  const cursor = decodeCursor(query.cursor);
  const rows = await db
    .select({
      order: orders,
      programName: programs.name,
      confirmAlertHours: programs.confirmAlertHours,
    })
    .from(orders)
    .leftJoin(programs, and(eq(programs.orgId, orders.orgId), eq(programs.id, orders.programId)))
    .where(
      and(
        eq(orders.orgId, ctx.orgId),
        eq(orders.status, query.status),
        query.programId ? eq(orders.programId, query.programId) : undefined,
        query.source ? eq(orders.source, query.source) : undefined,
        query.mine && ctx.actor.type === 'member'
          ? sql`exists (select 1 from ${enrollments} e where e.org_id = ${orders.orgId}
              and e.id = ${partnerEnrollment} and e.care_member_id = ${ctx.actor.id})`
          : undefined,
        afterCursor({
          sortColumn: orders.placedAt,
          idColumn: orders.id,
          cursor,
          order: 'asc',
          cast: 'timestamptz',
        }),
      ),
    )
    .orderBy(asc(orders.placedAt), asc(orders.id))
    .limit(query.limit + 1);
  const orderIds = rows.map((row) => row.order.id);
  const alerts =
    orderIds.length === 0
      ? []
      : await db
          .select({ orderId: orderAlerts.orderId, kind: orderAlerts.kind })
          .from(orderAlerts)
          .where(
            and(
              eq(orderAlerts.orgId, ctx.orgId),
              inArray(orderAlerts.orderId, orderIds),
              isNull(orderAlerts.resolvedAt),
            ),
          );
  const labels = await enrollmentLabels(
    db,
    ctx.orgId,
    rows.flatMap((row) => {
      const id = row.order.enteredByEnrollmentId ?? row.order.enrollmentId;
      return id ? [id] : [];
    }),
  );
  const now = clock.now().getTime();
  return toPage(
    rows,
    query.limit,
    (row) => ({ value: row.order.placedAt.toISOString(), id: row.order.id }),
    ({ order, programName, confirmAlertHours }) => {
      const since = (query.status === 'confirmed' ? order.confirmedAt : null) ?? order.placedAt;
      const waitingMinutes = Math.max(0, Math.floor((now - since.getTime()) / 60_000));
      const partnerId = order.enteredByEnrollmentId ?? order.enrollmentId;
      const partner = partnerId ? labels.get(partnerId) : undefined;
      return {
        id: order.id,
        number: order.number,
        source: order.source,
        status: order.status,
        paymentStatus: order.paymentStatus,
        paymentMethod: order.paymentMethod,
        currency: order.currency,
        totalMinor: order.totalMinor.toString(),
        customer: { name: order.customerName, phone: order.customerPhone },
        shippingAddress: order.shippingAddress,
        note: order.note,
        program: order.programId ? { id: order.programId, name: programName ?? '' } : null,
        partner: partner
          ? {
              enrollmentId: partner.id,
              partnerId: partner.partnerId,
              name: partner.name,
              referralCode: partner.referralCode,
              careMemberId: partner.careMemberId,
              enteredTheOrder: order.enteredByEnrollmentId === partner.id,
            }
          : null,
        placedAt: order.placedAt.toISOString(),
        confirmedAt: order.confirmedAt?.toISOString() ?? null,
        waitingMinutes,
        overdue: query.status === 'pending' && waitingMinutes >= (confirmAlertHours ?? 24) * 60,
        alerts: alerts.filter((alert) => alert.orderId === order.id).map((alert) => alert.kind),
      };
    },
  );
}
