import type { Database } from '../../../platform/db';
import type { TierProgress } from '../engine/compute-order';
import type { Scope, TierRule } from '../engine/plan';
import { type Period, periodOf } from '../period';
import type { ChunkOrder } from './load-chunk';

type Query = Database['query'];
type Span = { start: number; end: number; label: string };

/** Periods of a time zone, computed once per month or quarter instead of once per order. */
export class PeriodCalendar {
  private readonly known = new Map<Period, Span[]>();
  constructor(private readonly timeZone: string) {}

  of(at: Date, period: Period): Span {
    const spans = this.known.get(period) ?? [];
    const time = at.getTime();
    for (let index = spans.length - 1; index >= 0; index--) {
      const span = spans[index]!;
      if (span.start <= time && time < span.end) return span;
    }
    const found = periodOf(at, period, this.timeZone);
    const span = {
      start: found.start.getTime(),
      end: found.end.getTime(),
      label: `${period}:${found.label}`,
    };
    spans.push(span);
    this.known.set(period, spans);
    return span;
  }
}

/** A member's in-scope sales in one period, in time order, with running totals after each order. */
type Volume = {
  at: number[];
  ids: string[];
  amount: bigint[];
  units: bigint[];
  orders: bigint[];
  /** Orders up to this instant (inclusive) are read; later ones are read with the next chunk. */
  readTo: number;
  periodEnd: number;
};

type Need = { scope: Scope; member: string; span: Span };

type Contribution = { at: number; id: string; amount: bigint; units: bigint };

/** An order's in-scope sales as tiers count them: kept units (net of returns), line net before the order discount. */
function contributionOf(
  order: ChunkOrder,
  covered: (item: ChunkOrder['items'][number]) => boolean,
): Contribution | undefined {
  let amount = 0n;
  let units = 0n;
  let counted = false;
  for (const item of order.items) {
    const kept = item.quantity - item.returnedQuantity;
    if (kept <= 0 || !covered(item)) continue;
    counted = true;
    amount +=
      ((BigInt(item.quantity) * item.unitPriceMinor - item.discountMinor) * BigInt(kept)) /
      BigInt(item.quantity);
    units += BigInt(kept);
  }
  return counted ? { at: order.placedAt.getTime(), id: order.id, amount, units } : undefined;
}

function append(volume: Volume, entry: Contribution): void {
  const last = volume.at.length - 1;
  // an order read with the previous chunk (same instant) is not counted twice
  if (
    last >= 0 &&
    (volume.at[last]! > entry.at || (volume.at[last] === entry.at && volume.ids[last]! >= entry.id))
  )
    return;
  volume.at.push(entry.at);
  volume.ids.push(entry.id);
  volume.amount.push((volume.amount[last] ?? 0n) + entry.amount);
  volume.units.push((volume.units[last] ?? 0n) + entry.units);
  volume.orders.push((volume.orders[last] ?? 0n) + 1n);
}

const before = (volume: Volume, at: number, id: string): number => {
  // the number of entries strictly earlier than (at, id)
  let low = 0;
  let high = volume.at.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const t = volume.at[mid]!;
    if (t < at || (t === at && volume.ids[mid]! < id)) low = mid + 1;
    else high = mid;
  }
  return low;
};

/**
 * Where partners stand in their tier periods, for orders taken in time order chunk after chunk:
 * the volume of every earlier order of the period (computed or not, net of returns, not
 * cancelled) is read set-based once and kept, and catch-up adjustments already paid are known
 * from the stored lines and from the lines computed in this run.
 */
export class TierVolumes {
  private readonly volumes = new Map<string, Volume>();
  private readonly adjusted = new Map<string, number>();
  private readonly coveredCategories: (categoryId: string) => string[];

  constructor(
    private readonly query: Query,
    private readonly orgId: string,
    readonly calendar: PeriodCalendar,
    categoryIds: string[],
    pathOf: (categoryId: string | null) => string[],
  ) {
    this.coveredCategories = (categoryId) => [
      categoryId,
      ...categoryIds.filter((id) => id !== categoryId && pathOf(id).includes(categoryId)),
    ];
  }

  private key(scope: Scope, member: string, span: Span) {
    return `${JSON.stringify(scope)}\n${member}\n${span.label}`;
  }

  /**
   * Reads the sales the chunk's orders need: for each (tier scope, member, period), the orders
   * placed since what was read before, up to the chunk's last order. The chunk's own orders are
   * counted from memory; the query reads only the others.
   */
  async read(needs: Need[], chunk: ChunkOrder[]): Promise<void> {
    const firstOfChunk = chunk[0]!.placedAt.getTime();
    const limit = chunk[chunk.length - 1]!.placedAt.getTime();
    // periods that ended before this chunk are done with (chunks come in time order)
    for (const [key, volume] of this.volumes) if (volume.periodEnd <= firstOfChunk) this.volumes.delete(key);
    const bySeller = new Map<string, ChunkOrder[]>();
    for (const order of chunk) {
      const list = bySeller.get(order.enrollmentId) ?? [];
      list.push(order);
      bySeller.set(order.enrollmentId, list);
    }
    const byScope = new Map<string, { scope: Scope; pairs: Map<string, Need> }>();
    for (const need of needs) {
      const scopeKey = JSON.stringify(need.scope);
      const group = byScope.get(scopeKey) ?? { scope: need.scope, pairs: new Map() };
      group.pairs.set(this.key(need.scope, need.member, need.span), need);
      byScope.set(scopeKey, group);
    }
    for (const { scope, pairs } of byScope.values()) {
      const covered = this.coverage(scope);
      const keys: string[] = [];
      const members: string[] = [];
      const from: number[] = [];
      const to: number[] = [];
      for (const [key, need] of pairs) {
        let volume = this.volumes.get(key);
        if (!volume) {
          volume = {
            at: [],
            ids: [],
            amount: [],
            units: [],
            orders: [],
            readTo: need.span.start - 1,
            periodEnd: need.span.end,
          };
          this.volumes.set(key, volume);
        }
        if (volume.readTo >= limit || volume.readTo >= need.span.end - 1) continue;
        keys.push(key);
        members.push(need.member);
        from.push(Math.max(volume.readTo, need.span.start));
        to.push(Math.min(limit + 1, need.span.end));
      }
      if (keys.length === 0) continue;
      const rows = await this.query<{
        pair: number;
        id: string;
        placed_at: Date;
        amount: string;
        units: string;
      }>(
        `select r.pair, o.id, o.placed_at, sum(x.net)::text as amount, sum(x.kept)::text as units
           from unnest($2::text[], $3::timestamptz[], $4::timestamptz[]) with ordinality as r(member, from_at, to_at, pair)
           join orders o on o.org_id = $1 and o.enrollment_id = r.member
                        and o.placed_at >= r.from_at and o.placed_at < r.to_at and o.status <> 'cancelled'
                        and o.id <> all($8::text[])
           join lateral (
             select ((i.quantity::bigint * i.unit_price_minor - i.discount_minor)
                      * (i.quantity - i.returned_quantity)) / i.quantity as net,
                    (i.quantity - i.returned_quantity)::bigint as kept
               from order_items i
              where i.org_id = o.org_id and i.order_id = o.id and i.quantity - i.returned_quantity > 0
                and ($5::boolean or i.product_id = $6 or i.category_id = any($7::text[]))
           ) x on true
          group by r.pair, o.id, o.placed_at`,
        [
          this.orgId,
          members,
          from.map((at) => new Date(at).toISOString()),
          to.map((at) => new Date(at).toISOString()),
          scope.kind === 'all',
          scope.kind === 'product' ? scope.productId : null,
          scope.kind === 'category' ? this.coveredCategories(scope.categoryId) : [],
          chunk.map((order) => order.id),
        ],
      );
      const found: Contribution[][] = keys.map(() => []);
      for (const row of rows)
        found[Number(row.pair) - 1]!.push({
          at: new Date(row.placed_at).getTime(),
          id: row.id,
          amount: BigInt(row.amount),
          units: BigInt(row.units),
        });
      keys.forEach((key, index) => {
        const list = found[index]!;
        for (const order of bySeller.get(members[index]!) ?? []) {
          const at = order.placedAt.getTime();
          if (at < from[index]! || at >= to[index]! || order.status === 'cancelled') continue;
          const contribution = contributionOf(order, covered);
          if (contribution) list.push(contribution);
        }
        list.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        const volume = this.volumes.get(key)!;
        for (const entry of list) append(volume, entry);
        volume.readTo = Math.min(limit, volume.periodEnd - 1);
      });
    }
  }

  private coverage(scope: Scope): (item: ChunkOrder['items'][number]) => boolean {
    if (scope.kind === 'all') return () => true;
    if (scope.kind === 'product') return (item) => item.productId === scope.productId;
    const categories = new Set(this.coveredCategories(scope.categoryId));
    return (item) => item.categoryId !== null && categories.has(item.categoryId);
  }

  /** Adjustments already stored for these sellers and rules (void or rejected ones were never paid). */
  async readAdjustments(sellers: string[], rules: TierRule[], from: Date, to: Date): Promise<void> {
    if (sellers.length === 0 || rules.length === 0) return;
    const periodOfRule = new Map(rules.map((rule) => [rule.id, rule.period]));
    const rows = await this.query<{
      enrollment_id: string;
      rule_id: string;
      earned_at: Date;
      reached: string | null;
    }>(
      `select enrollment_id, rule_id, earned_at, explanation->'tier'->>'tierIndexAfter' as reached
         from commission_lines
        where org_id = $1 and kind = 'tier_adjustment' and enrollment_id = any($2::text[])
          and rule_id = any($3::text[]) and status not in ('void', 'rejected')
          and earned_at >= $4 and earned_at < $5`,
      [this.orgId, sellers, [...periodOfRule.keys()], from.toISOString(), to.toISOString()],
    );
    for (const row of rows) {
      const span = this.calendar.of(new Date(row.earned_at), periodOfRule.get(row.rule_id)!);
      this.noteAdjustment(
        row.enrollment_id,
        row.rule_id,
        span,
        row.reached === null ? -1 : Number(row.reached),
      );
    }
  }

  noteAdjustment(enrollmentId: string, ruleId: string, span: Span, reached: number): void {
    const key = `${enrollmentId}\n${ruleId}\n${span.label}`;
    if (reached > (this.adjusted.get(key) ?? -1)) this.adjusted.set(key, reached);
  }

  /** Where the seller stands in a tier rule's period before this order. */
  progressOf(
    rule: TierRule,
    order: { id: string; placedAt: Date; enrollmentId: string },
    members: string[],
  ): TierProgress {
    const span = this.calendar.of(order.placedAt, rule.period);
    const at = order.placedAt.getTime();
    let measure = 0n;
    let base = 0n;
    for (const member of members) {
      const volume = this.volumes.get(this.key(rule.scope, member, span));
      if (!volume) continue;
      const count = before(volume, at, order.id);
      if (count === 0) continue;
      const series =
        rule.measure === 'amount'
          ? volume.amount
          : rule.measure === 'quantity'
            ? volume.units
            : volume.orders;
      measure += series[count - 1]!;
      if (member === order.enrollmentId) base += volume.amount[count - 1]!;
    }
    const adjustedToTier = this.adjusted.get(`${order.enrollmentId}\n${rule.id}\n${span.label}`) ?? -1;
    return { measureBefore: measure, baseBefore: base, adjustedToTier };
  }
}

/** The members whose sales count towards a seller's tier volume: the seller, and the downline if the rule says so. */
export async function loadDownlines(
  query: Query,
  orgId: string,
  sellers: string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(sellers.map((seller) => [seller, []]));
  if (sellers.length === 0) return out;
  const rows = await query<{ root: string; id: string }>(
    `with recursive tree(root, id, depth) as (
       select e.id, e.id, 0 from enrollments e where e.org_id = $1 and e.id = any($2::text[])
       union all
       select t.root, e.id, t.depth + 1 from enrollments e join tree t
         on e.org_id = $1 and e.upline_enrollment_id = t.id where t.depth < 3
     ) select root, id from tree where depth > 0`,
    [orgId, sellers],
  );
  for (const row of rows) out.get(row.root)?.push(row.id);
  return out;
}
