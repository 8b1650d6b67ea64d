import { eq } from 'drizzle-orm';
import { addDays, localDayOf } from '../../platform/local-days';
import { type Permission, roleCan } from '../../platform/permissions';
import type { TenantContext } from '../../platform/services';
import { orgs } from '../orgs';

/** The days of the orders chart and the "last 30 days" figures, today included. */
export const OVERVIEW_DAYS = 30;
const CLICK_DAYS = 7;

/**
 * The organisation at a glance for its home page: partners, orders of the last 30 days (per day, in
 * the organisation's time zone and currency), what waits for people (orders to confirm, open
 * alerts, partners to approve, flagged commission lines), commission balances and recent clicks.
 * Each part is there only when the caller's role may read that area; money in minor units.
 */
export async function getOverview(ctx: TenantContext) {
  const role = ctx.actor.type === 'system' ? 'owner' : ctx.actor.role;
  const can = (permission: Permission) => roleCan(role, permission);
  const query = ctx.services.database.query;
  const [org] = await ctx.services.db
    .select({ currency: orgs.currency, timeZone: orgs.timeZone })
    .from(orgs)
    .where(eq(orgs.id, ctx.orgId));
  const { currency, timeZone } = org!;
  const to = localDayOf(ctx.services.clock.now(), timeZone);
  const from = addDays(to, -(OVERVIEW_DAYS - 1));
  // the first moment of a local day, as SQL
  const startOf = (param: string) => `(${param}::date::timestamp at time zone $2)`;

  const partners = can('partners.read')
    ? await query<{ approved: number; pending: number; joined: number }>(
        `select count(*) filter (where status = 'approved')::int as approved,
                count(*) filter (where status = 'pending')::int as pending,
                count(*) filter (where status = 'approved' and approved_at >= ${startOf('$3')})::int as joined
           from enrollments where org_id = $1`,
        [ctx.orgId, timeZone, from],
      ).then(([row]) => row!)
    : null;

  let orders = null;
  if (can('orders.read')) {
    const byDay = await query<{ day: string; orders: number; revenue: string }>(
      `select to_char(placed_at at time zone $2, 'YYYY-MM-DD') as day, count(*)::int as orders,
              coalesce(sum(total_minor - returned_minor) filter (where status <> 'cancelled' and currency = $4), 0)::text as revenue
         from orders
        where org_id = $1 and placed_at >= ${startOf('$3')}
        group by 1`,
      [ctx.orgId, timeZone, from, currency],
    );
    const [waiting] = await query<{ to_confirm: number; alerts: number; opportunities: number }>(
      `select (select count(*) from orders where org_id = $1 and status = 'pending')::int as to_confirm,
              (select count(*) from order_alerts where org_id = $1 and resolved_at is null)::int as alerts,
              (select count(*) from opportunities where org_id = $1 and status in ('new', 'contacted'))::int as opportunities`,
      [ctx.orgId],
    );
    const found = new Map(byDay.map((row) => [row.day, row]));
    const days = [];
    for (let day = from; day <= to; day = addDays(day, 1)) {
      const row = found.get(day);
      days.push({ day, orders: row?.orders ?? 0, revenueMinor: row?.revenue ?? '0' });
    }
    orders = {
      count: days.reduce((sum, day) => sum + day.orders, 0),
      revenueMinor: days.reduce((sum, day) => sum + BigInt(day.revenueMinor), 0n).toString(),
      toConfirm: waiting!.to_confirm,
      openAlerts: waiting!.alerts,
      openOpportunities: waiting!.opportunities,
      byDay: days,
    };
  }

  let commissions = null;
  if (can('commissions.read')) {
    const buckets = await query<{ bucket: string; total: string }>(
      `select bucket, sum(amount_minor)::text as total from ledger_entries
        where org_id = $1 and currency = $2 and bucket in ('pending', 'on_hold', 'payable')
        group by bucket`,
      [ctx.orgId, currency],
    );
    const [review] = await query<{ n: number }>(
      `select count(*)::int as n from commission_lines where org_id = $1 and status = 'review'`,
      [ctx.orgId],
    );
    const total = (bucket: string) => buckets.find((row) => row.bucket === bucket)?.total ?? '0';
    commissions = {
      pendingMinor: total('pending'),
      onHoldMinor: total('on_hold'),
      payableMinor: total('payable'),
      inReview: review!.n,
    };
  }

  const clicks = can('tracking.read')
    ? await query<{ total: number; unique: number }>(
        `select coalesce(sum(clicks), 0)::int as total, coalesce(sum(unique_clicks), 0)::int as "unique"
           from click_stats where org_id = $1 and hour >= ${startOf('$3')}`,
        [ctx.orgId, timeZone, addDays(to, -(CLICK_DAYS - 1))],
      ).then(([row]) => ({ ...row!, days: CLICK_DAYS }))
    : null;

  return { currency, timeZone, from, to, partners, orders, commissions, clicks };
}
