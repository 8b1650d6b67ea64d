import type { Database } from '../../../platform/db';
import type { EngineItem, EngineUpline } from '../engine/compute-order';
import type { PlanVersion } from '../engine/plan';
import { parsePlanVersion } from '../plans';

/** An order as the bulk path reads it, with its items in line order. */
export type ChunkOrder = {
  id: string;
  programId: string;
  enrollmentId: string;
  customerId: string | null;
  subscriptionId: string | null;
  currency: string;
  discountMinor: bigint;
  status: string;
  flags: string[];
  placedAt: Date;
  completedAt: Date | null;
  items: (EngineItem & { categoryId: string | null; returnedQuantity: number })[];
};

/** The selling partner and the uplines overrides may pay (three levels at most). */
export type ChunkPartner = { enrollmentId: string; groupId: string | null; uplines: EngineUpline[] };

export type ProgramPlans = {
  holdDays: number;
  /** Published versions, latest effective first (the order `versionInForce` picks from). */
  versions: { id: string; effectiveFrom: Date; plan: PlanVersion }[];
};

type Query = Database['query'];

/** The category path of each category of the organisation, nearest first, as the engine reads it. */
export async function loadCategoryPaths(query: Query, orgId: string) {
  const rows = await query<{ id: string; parent_id: string | null }>(
    'select id, parent_id from product_categories where org_id = $1',
    [orgId],
  );
  const parents = new Map(rows.map((row) => [row.id, row.parent_id]));
  const paths = new Map<string | null, string[]>();
  const pathOf = (categoryId: string | null): string[] => {
    const known = paths.get(categoryId);
    if (known) return known;
    const path: string[] = [];
    let category = categoryId;
    while (category && path.length < 20 && !path.includes(category)) {
      path.push(category);
      category = parents.get(category) ?? null;
    }
    paths.set(categoryId, path);
    return path;
  };
  return { pathOf, categoryIds: rows.map((row) => row.id) };
}

/** Hold days and published plan versions of the programs, parsed once. */
export async function loadProgramPlans(
  query: Query,
  orgId: string,
  programIds: string[],
): Promise<Map<string, ProgramPlans>> {
  const out = new Map<string, ProgramPlans>();
  const programRows = await query<{ id: string; hold_days: number }>(
    'select id, hold_days from programs where org_id = $1 and id = any($2::text[])',
    [orgId, programIds],
  );
  for (const row of programRows) out.set(row.id, { holdDays: row.hold_days, versions: [] });
  const versions = await query<{
    program_id: string;
    id: string;
    effective_from: Date;
    settings: Record<string, unknown>;
    rules: Record<string, unknown>[];
  }>(
    `select p.program_id, v.id, v.effective_from, v.settings, v.rules
       from commission_plan_versions v
       join commission_plans p on p.org_id = v.org_id and p.id = v.plan_id
      where v.org_id = $1 and v.status = 'published' and v.effective_from is not null
        and p.program_id = any($2::text[])
      order by v.effective_from desc, v.version desc`,
    [orgId, programIds],
  );
  for (const row of versions) {
    out.get(row.program_id)?.versions.push({
      id: row.id,
      effectiveFrom: new Date(row.effective_from),
      plan: parsePlanVersion(row),
    });
  }
  return out;
}

/** The orders and their items, sorted by time then id (the order tiers count sales in). */
export async function loadOrders(
  query: Query,
  orgId: string,
  orderIds: string[],
  pathOf: (categoryId: string | null) => string[],
): Promise<ChunkOrder[]> {
  const rows = await query<{
    id: string;
    program_id: string | null;
    enrollment_id: string | null;
    customer_id: string | null;
    subscription_id: string | null;
    currency: string;
    discount_minor: string;
    status: string;
    flags: string[];
    placed_at: Date;
    completed_at: Date | null;
  }>(
    `select id, program_id, enrollment_id, customer_id, subscription_id, currency,
            discount_minor::text as discount_minor, status, flags, placed_at, completed_at
       from orders where org_id = $1 and id = any($2::text[])`,
    [orgId, orderIds],
  );
  const byId = new Map<string, ChunkOrder>();
  for (const row of rows) {
    if (!row.program_id || !row.enrollment_id) continue;
    byId.set(row.id, {
      id: row.id,
      programId: row.program_id,
      enrollmentId: row.enrollment_id,
      customerId: row.customer_id,
      subscriptionId: row.subscription_id,
      currency: row.currency,
      discountMinor: BigInt(row.discount_minor),
      status: row.status,
      flags: row.flags ?? [],
      placedAt: new Date(row.placed_at),
      completedAt: row.completed_at ? new Date(row.completed_at) : null,
      items: [],
    });
  }
  const items = await query<{
    order_id: string;
    line_no: number;
    product_id: string | null;
    category_id: string | null;
    quantity: number;
    unit_price_minor: string;
    discount_minor: string;
    unit_cost_minor: string | null;
    unit_ctv_price_minor: string | null;
    returned_quantity: number;
  }>(
    `select order_id, line_no, product_id, category_id, quantity, unit_price_minor::text as unit_price_minor,
            discount_minor::text as discount_minor, unit_cost_minor::text as unit_cost_minor,
            unit_ctv_price_minor::text as unit_ctv_price_minor, returned_quantity
       from order_items where org_id = $1 and order_id = any($2::text[])
      order by order_id, line_no`,
    [orgId, [...byId.keys()]],
  );
  for (const item of items) {
    byId.get(item.order_id)?.items.push({
      lineNo: item.line_no,
      productId: item.product_id,
      categoryId: item.category_id,
      categoryPath: pathOf(item.category_id),
      quantity: item.quantity,
      unitPriceMinor: BigInt(item.unit_price_minor),
      discountMinor: BigInt(item.discount_minor),
      unitCostMinor: item.unit_cost_minor === null ? null : BigInt(item.unit_cost_minor),
      unitCtvPriceMinor: item.unit_ctv_price_minor === null ? null : BigInt(item.unit_ctv_price_minor),
      returnedQuantity: item.returned_quantity,
    });
  }
  return [...byId.values()].sort(compareOrders);
}

export function compareOrders(a: { placedAt: Date; id: string }, b: { placedAt: Date; id: string }): number {
  const time = a.placedAt.getTime() - b.placedAt.getTime();
  return time !== 0 ? time : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The selling enrollments with their upline chains (three levels, nearest first) and the customers'
 * partner ids, so an upline buying for themselves earns no override.
 */
export async function loadPartners(
  query: Query,
  orgId: string,
  orders: ChunkOrder[],
): Promise<{ partners: Map<string, ChunkPartner & { uplinePartners: string[] }> }> {
  const sellers = [...new Set(orders.map((order) => order.enrollmentId))];
  const rows = await query<{
    seller: string;
    id: string;
    partner_id: string;
    group_id: string | null;
    depth: number;
  }>(
    `with recursive chain(seller, id, partner_id, group_id, upline_id, depth) as (
       select e.id, e.id, e.partner_id, e.group_id, e.upline_enrollment_id, 0
         from enrollments e where e.org_id = $1 and e.id = any($2::text[])
       union all
       select c.seller, e.id, e.partner_id, e.group_id, e.upline_enrollment_id, c.depth + 1
         from enrollments e join chain c on e.org_id = $1 and e.id = c.upline_id
        where c.depth < 3
     )
     select seller, id, partner_id, group_id, depth from chain order by seller, depth`,
    [orgId, sellers],
  );
  const partners = new Map<string, ChunkPartner & { uplinePartners: string[] }>();
  for (const row of rows) {
    const depth = Number(row.depth);
    if (depth === 0) {
      partners.set(row.seller, {
        enrollmentId: row.id,
        groupId: row.group_id,
        uplines: [],
        uplinePartners: [],
      });
      continue;
    }
    const partner = partners.get(row.seller);
    if (!partner) continue;
    partner.uplines.push({ enrollmentId: row.id, groupId: row.group_id, level: depth, isCustomer: false });
    partner.uplinePartners.push(row.partner_id);
  }
  return { partners };
}

/** Customers' partner ids, repeat purchases and subscription renewals of the orders, set-based. */
export async function loadCustomerFacts(query: Query, orgId: string, orders: ChunkOrder[]) {
  const customerIds = [...new Set(orders.flatMap((order) => (order.customerId ? [order.customerId] : [])))];
  const customers = new Map<
    string,
    { partnerId: string | null; ownerEnrollmentId: string | null; ownedUntil: Date | null }
  >();
  if (customerIds.length > 0) {
    const rows = await query<{
      id: string;
      partner_id: string | null;
      owner_enrollment_id: string | null;
      owned_until: Date | null;
    }>(
      'select id, partner_id, owner_enrollment_id, owned_until from customers where org_id = $1 and id = any($2::text[])',
      [orgId, customerIds],
    );
    for (const row of rows)
      customers.set(row.id, {
        partnerId: row.partner_id,
        ownerEnrollmentId: row.owner_enrollment_id,
        ownedUntil: row.owned_until ? new Date(row.owned_until) : null,
      });
  }
  // a repeat purchase: the customer is owned by the seller and bought before (not cancelled)
  const candidates = orders.filter((order) => {
    const customer = order.customerId ? customers.get(order.customerId) : undefined;
    return (
      customer?.ownerEnrollmentId === order.enrollmentId &&
      !(customer.ownedUntil && customer.ownedUntil < order.placedAt)
    );
  });
  const repurchases = new Set<string>();
  if (candidates.length > 0) {
    const rows = await query<{ id: string }>(
      `select t.id from unnest($2::text[], $3::text[], $4::timestamptz[]) as t(id, customer_id, placed_at)
        where exists (
          select 1 from orders o
           where o.org_id = $1 and o.customer_id = t.customer_id and o.id <> t.id and o.status <> 'cancelled'
             and (o.placed_at < t.placed_at or (o.placed_at = t.placed_at and o.id < t.id)))`,
      [
        orgId,
        candidates.map((order) => order.id),
        candidates.map((order) => order.customerId),
        candidates.map((order) => order.placedAt.toISOString()),
      ],
    );
    for (const row of rows) repurchases.add(row.id);
  }
  const subscriptions = [
    ...new Set(orders.flatMap((order) => (order.subscriptionId ? [order.subscriptionId] : []))),
  ];
  const firstOfSubscription = new Map<string, { id: string; placedAt: Date }>();
  if (subscriptions.length > 0) {
    const rows = await query<{ subscription_id: string; id: string; placed_at: Date }>(
      `select distinct on (subscription_id) subscription_id, id, placed_at from orders
        where org_id = $1 and subscription_id = any($2::text[]) order by subscription_id, placed_at, id`,
      [orgId, subscriptions],
    );
    for (const row of rows)
      firstOfSubscription.set(row.subscription_id, { id: row.id, placedAt: new Date(row.placed_at) });
  }
  const renewalOf = (order: ChunkOrder): { monthsSinceStart: number } | null => {
    const first = order.subscriptionId ? firstOfSubscription.get(order.subscriptionId) : undefined;
    if (!first || first.id === order.id) return null;
    const from = first.placedAt;
    const to = order.placedAt;
    let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
    if (to.getUTCDate() < from.getUTCDate()) months -= 1;
    return { monthsSinceStart: Math.max(0, months) };
  };
  return { customers, repurchases, renewalOf };
}
