import { and, asc, count, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import { afterCursor, decodeCursor, type Page, toPage } from '../../../platform/http/paging';
import { escapeLike, nameMatches, phonePrefixes } from '../../../platform/name-search';
import type { TenantContext } from '../../../platform/services';
import { normaliseCustomerPhone } from '../contact';
import type { CreditedPartnerView, OrderView } from '../order-view';
import { loadCreditedPartners, loadOrderViews } from '../order-views';
import { customers, orders } from '../schema';
import type { CustomerListQuery } from '../schemas';
import type { Customer } from './match-customers';

export type CustomerView = {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  partnerId: string | null;
  owner: CreditedPartnerView | null;
  ownedSince: string | null;
  ownedUntil: string | null;
  firstOrderAt: string | null;
  createdAt: string;
};

function toCustomerView(row: Customer, owners: Map<string, CreditedPartnerView>): CustomerView {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    partnerId: row.partnerId,
    owner: row.ownerEnrollmentId ? (owners.get(row.ownerEnrollmentId) ?? null) : null,
    ownedSince: row.ownedSince?.toISOString() ?? null,
    ownedUntil: row.ownedUntil?.toISOString() ?? null,
    firstOrderAt: row.firstOrderAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * A page of customers with their owner partner, by when Kênh first saw them (newest first by
 * default) or by name; search by name, phone or email.
 */
export async function findCustomers(
  ctx: TenantContext,
  query: CustomerListQuery,
  executor: Executor = ctx.services.db,
): Promise<Page<CustomerView>> {
  const direction = query.order === 'asc' ? asc : desc;
  const byName = query.sort === 'name';
  const sortColumn = byName ? customers.sortName : customers.createdAt;
  const rows = await executor
    .select()
    .from(customers)
    .where(
      and(
        eq(customers.orgId, ctx.orgId),
        query.ownerEnrollmentId ? eq(customers.ownerEnrollmentId, query.ownerEnrollmentId) : undefined,
        query.owned === true ? isNotNull(customers.ownerEnrollmentId) : undefined,
        query.owned === false ? isNull(customers.ownerEnrollmentId) : undefined,
        query.q ? searchCondition(query.q) : undefined,
        afterCursor({
          sortColumn,
          idColumn: customers.id,
          cursor: decodeCursor(query.cursor),
          order: query.order,
          cast: byName ? 'text' : 'timestamptz',
        }),
      ),
    )
    .orderBy(direction(sortColumn), direction(customers.id))
    .limit(query.limit + 1);
  const owners = await loadCreditedPartners(
    ctx,
    executor,
    rows.map((row) => row.ownerEnrollmentId),
  );
  return toPage(
    rows,
    query.limit,
    (row) => ({ value: byName ? row.sortName : row.createdAt.toISOString(), id: row.id }),
    (row) => toCustomerView(row, owners),
  );
}

/** Name (marks optional, start of the name or of any word), email or phone (prefix, local or E.164). */
function searchCondition(q: string) {
  const phone = normaliseCustomerPhone(q);
  const like = `${escapeLike(q.trim().toLowerCase())}%`;
  // phone prefixes as stored (E.164), as the partner directory reads them: "090 12" → +849012…
  const prefixes = (phonePrefixes(q) ?? []).map((prefix) => sql` or ${customers.phone} like ${`${prefix}%`}`);
  return sql`(${nameMatches(customers.sortName, q)} or ${customers.email} like ${like}${sql.join(prefixes)}${phone ? sql` or ${customers.phone} = ${phone}` : sql``})`;
}

/** The customer with their owner and latest orders; not found for other organisations. */
export async function getCustomerById(
  ctx: TenantContext,
  customerId: string,
  executor: Executor = ctx.services.db,
): Promise<CustomerView & { orderCount: number; orders: OrderView[] }> {
  const [row] = await executor
    .select()
    .from(customers)
    .where(and(eq(customers.orgId, ctx.orgId), eq(customers.id, customerId)));
  if (!row) throw notFound('Customer');
  const owners = await loadCreditedPartners(ctx, executor, [row.ownerEnrollmentId]);
  const [{ total } = { total: 0 }] = await executor
    .select({ total: count() })
    .from(orders)
    .where(and(eq(orders.orgId, ctx.orgId), eq(orders.customerId, customerId)));
  const latest = await executor
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.orgId, ctx.orgId), eq(orders.customerId, customerId)))
    .orderBy(desc(orders.placedAt), desc(orders.id))
    .limit(50);
  return {
    ...toCustomerView(row, owners),
    orderCount: Number(total),
    orders: await loadOrderViews(
      ctx,
      executor,
      latest.map((order) => order.id),
    ),
  };
}
