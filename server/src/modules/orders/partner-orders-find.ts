import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { notFound } from '../../platform/errors';
import { afterCursor, decodeCursor, type PageQuery, toPage } from '../../platform/http/paging';
import { nameMatches } from '../../platform/name-search';
import type { Services } from '../../platform/services';
import { myEnrollmentScope } from './partner-orders-access';
import { maskPhone, toPartnerOrderItem, toPartnerOrderView } from './partner-orders-view';
import { customers, type OrderStatus, orderEvents, orderItems, orders } from './schema';

type Scope = { ids: string[]; orgIds: string[] };

/** Orders credited to or entered by one of the partner's enrollments. */
function mine(scope: Scope): SQL {
  return and(
    inArray(orders.orgId, scope.orgIds),
    or(inArray(orders.enrollmentId, scope.ids), inArray(orders.enteredByEnrollmentId, scope.ids)),
  )!;
}

/** The partner's orders (entered by them or credited to them), newest first. */
export async function findMyOrders(
  services: Services,
  identityId: string,
  query: Pick<PageQuery, 'limit' | 'cursor'> & { enrollmentId?: string; status?: OrderStatus },
) {
  const scope = await myEnrollmentScope(services, identityId, query.enrollmentId);
  if (scope.ids.length === 0) return { items: [], nextCursor: null };
  const cursor = decodeCursor(query.cursor);
  const rows = await services.db
    .select()
    .from(orders)
    .where(
      and(
        mine(scope),
        query.status ? eq(orders.status, query.status) : undefined,
        afterCursor({
          sortColumn: orders.placedAt,
          idColumn: orders.id,
          cursor,
          order: 'desc',
          cast: 'timestamptz',
        }),
      ),
    )
    .orderBy(desc(orders.placedAt), desc(orders.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => ({ value: row.placedAt.toISOString(), id: row.id }),
    (row) => toPartnerOrderView(row, scope.ids),
  );
}

const PARTNER_EVENT_TYPES = [
  'created',
  'confirmed',
  'completed',
  'cancelled',
  'returned',
  'payment',
  'items_added',
] as const;
type PartnerEventType = (typeof PARTNER_EVENT_TYPES)[number];

/**
 * One of the partner's orders with its lines and status timeline. Staff notes, attribution and
 * who acted stay out; another partner's order is not found.
 */
export async function getMyOrder(services: Services, identityId: string, orderId: string) {
  const scope = await myEnrollmentScope(services, identityId);
  if (scope.ids.length === 0) throw notFound('Order');
  const [row] = await services.db
    .select()
    .from(orders)
    .where(and(mine(scope), eq(orders.id, orderId)));
  if (!row) throw notFound('Order');
  const where = (table: typeof orderItems | typeof orderEvents) =>
    and(eq(table.orgId, row.orgId), eq(table.orderId, row.id));
  const items = await services.db
    .select()
    .from(orderItems)
    .where(where(orderItems))
    .orderBy(asc(orderItems.lineNo));
  const events = await services.db
    .select()
    .from(orderEvents)
    .where(and(where(orderEvents), inArray(orderEvents.type, [...PARTNER_EVENT_TYPES])))
    .orderBy(asc(orderEvents.occurredAt), asc(orderEvents.id));
  return {
    ...toPartnerOrderView(row, scope.ids),
    items: items.map(toPartnerOrderItem),
    timeline: events.map((event) => {
      const data = event.data as { reason?: unknown; paymentStatus?: unknown };
      return {
        type: event.type as PartnerEventType,
        at: event.occurredAt.toISOString(),
        // only a cancellation's reason is meant for the partner; other texts are staff notes
        reason:
          event.type === 'cancelled'
            ? typeof data.reason === 'string'
              ? data.reason
              : row.statusReason
            : null,
        paymentStatus:
          typeof data.paymentStatus === 'string' ? (data.paymentStatus as typeof row.paymentStatus) : null,
      };
    }),
  };
}

/** Customers the partner owns (brought first), with how many of their orders the partner has. */
export async function findMyCustomers(
  services: Services,
  identityId: string,
  query: Pick<PageQuery, 'limit' | 'cursor'> & { enrollmentId?: string; q?: string },
) {
  const scope = await myEnrollmentScope(services, identityId, query.enrollmentId);
  if (scope.ids.length === 0) return { items: [], nextCursor: null };
  const cursor = decodeCursor(query.cursor);
  const since = sql<Date>`coalesce(${customers.ownedSince}, ${customers.createdAt})`;
  const ordersOf = sql`from ${orders} o where o.org_id = ${customers.orgId} and o.customer_id = ${customers.id}
    and o.status <> 'cancelled' and (o.enrollment_id in ${scope.ids} or o.entered_by_enrollment_id in ${scope.ids})`;
  const rows = await services.db
    .select({
      id: customers.id,
      name: customers.name,
      phone: customers.phone,
      enrollmentId: customers.ownerEnrollmentId,
      since: since.mapWith((value) => new Date(value as string)),
      orderCount: sql<number>`(select count(*) ${ordersOf})`.mapWith(Number),
      lastOrderAt: sql<string | null>`(select max(o.placed_at) ${ordersOf})`,
    })
    .from(customers)
    .where(
      and(
        inArray(customers.orgId, scope.orgIds),
        inArray(customers.ownerEnrollmentId, scope.ids),
        query.q ? nameMatches(customers.sortName, query.q) : undefined,
        afterCursor({
          sortColumn: since,
          idColumn: customers.id,
          cursor,
          order: 'desc',
          cast: 'timestamptz',
        }),
      ),
    )
    .orderBy(desc(since), desc(customers.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => ({ value: row.since.toISOString(), id: row.id }),
    (row) => ({
      id: row.id,
      enrollmentId: row.enrollmentId!,
      name: row.name,
      phone: maskPhone(row.phone),
      since: row.since.toISOString(),
      orderCount: row.orderCount,
      lastOrderAt: row.lastOrderAt ? new Date(row.lastOrderAt).toISOString() : null,
    }),
  );
}
