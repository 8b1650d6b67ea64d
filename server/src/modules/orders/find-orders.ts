import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { afterCursor, decodeCursor, type Page, toPage } from '../../platform/http/paging';
import { escapeLike } from '../../platform/name-search';
import type { TenantContext } from '../../platform/services';
import { normaliseCustomerPhone } from './contact';
import type { OrderView } from './order-view';
import { loadOrderViews } from './order-views';
import { orders } from './schema';
import type { OrderListQuery } from './schemas';

/**
 * A page of orders by placing time (newest first by default), filtered by status, payment,
 * program, partner, customer, source, attribution method, flags, a time range, and a search by
 * order number prefix or customer phone.
 */
export async function findOrders(
  ctx: TenantContext,
  query: OrderListQuery,
  executor: Executor = ctx.services.db,
): Promise<Page<OrderView>> {
  const conditions = [
    eq(orders.orgId, ctx.orgId),
    query.status ? eq(orders.status, query.status) : undefined,
    query.paymentStatus ? eq(orders.paymentStatus, query.paymentStatus) : undefined,
    query.programId ? eq(orders.programId, query.programId) : undefined,
    query.enrollmentId ? eq(orders.enrollmentId, query.enrollmentId) : undefined,
    query.customerId ? eq(orders.customerId, query.customerId) : undefined,
    query.source ? eq(orders.source, query.source) : undefined,
    query.attributionMethod ? eq(orders.attributionMethod, query.attributionMethod) : undefined,
    query.flagged === true ? sql`jsonb_array_length(${orders.flags}) > 0` : undefined,
    query.flagged === false ? sql`jsonb_array_length(${orders.flags}) = 0` : undefined,
    query.placedFrom ? gte(orders.placedAt, new Date(query.placedFrom)) : undefined,
    query.placedTo ? lt(orders.placedAt, new Date(query.placedTo)) : undefined,
    query.q ? searchCondition(query.q) : undefined,
    afterCursor({
      sortColumn: orders.placedAt,
      idColumn: orders.id,
      cursor: decodeCursor(query.cursor),
      order: query.order,
      cast: 'timestamptz',
    }),
  ];
  const direction = query.order === 'asc' ? asc : desc;
  const rows = await executor
    .select({ id: orders.id, placedAt: orders.placedAt })
    .from(orders)
    .where(and(...conditions))
    .orderBy(direction(orders.placedAt), direction(orders.id))
    .limit(query.limit + 1);
  const views = new Map(
    (
      await loadOrderViews(
        ctx,
        executor,
        rows.slice(0, query.limit).map((r) => r.id),
      )
    ).map((v) => [v.id, v]),
  );
  return toPage(
    rows,
    query.limit,
    (row) => ({ value: row.placedAt.toISOString(), id: row.id }),
    (row) => views.get(row.id)!,
  );
}

function searchCondition(q: string) {
  const phone = normaliseCustomerPhone(q);
  const number = q.replace(/^#/, '');
  return sql`(${orders.number} ilike ${`${escapeLike(number)}%`} or ${orders.number} ilike ${`#${escapeLike(number)}%`} or ${orders.externalId} = ${q}${phone ? sql` or ${orders.customerPhone} = ${phone}` : sql``})`;
}
