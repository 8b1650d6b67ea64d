import { and, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import type { TenantContext } from '../../../platform/services';
import { productCategories } from '../../catalog/schema';
import { orderItems, orders } from '../../orders/schema';
import { orgs } from '../../orgs/schema';
import type { PlanVersion, TierRule } from '../engine/plan';
import { periodOf } from '../period';

/** A category's path to the root, nearest first (a category rule covers its descendants). */
export function categoryPathOf(categoryId: string | null, parents: Map<string, string | null>): string[] {
  const path: string[] = [];
  let category = categoryId;
  while (category && path.length < 20 && !path.includes(category)) {
    path.push(category);
    category = parents.get(category) ?? null;
  }
  return path;
}

export async function categoryParentsOf(ctx: TenantContext, executor: Executor) {
  const rows = await executor
    .select({ id: productCategories.id, parentId: productCategories.parentId })
    .from(productCategories)
    .where(eq(productCategories.orgId, ctx.orgId));
  return new Map(rows.map((row) => [row.id, row.parentId]));
}

/** The index of the highest tier reached by a volume; -1 below the first threshold. */
export function tierReached(rule: TierRule, volume: bigint): number {
  let reached = -1;
  rule.tiers.forEach((tier, index) => {
    if (volume >= tier.threshold) reached = index;
  });
  return reached;
}

export type MyTierProgress = {
  ruleId: string;
  name: string;
  period: TierRule['period'];
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  measure: TierRule['measure'];
  mode: TierRule['mode'];
  includeDownline: boolean;
  /** Amount in minor units, units or orders, by `measure`. */
  volume: string;
  tiers: { number: number; threshold: string; ratePpm: string }[];
  /** The tier reached (1 = first tier), 0 when below the first threshold. */
  reached: number;
  next: { number: number; threshold: string; ratePpm: string; remaining: string } | null;
  volumeRaw: bigint;
};

/**
 * Where the partner stands now in each tier rule of a plan that applies to their group: the
 * volume of the current period, measured as the engine does (orders not cancelled, net of line
 * discounts and of returns known now, the downline's too when the rule says so).
 */
export async function myTierProgress(
  ctx: TenantContext,
  executor: Executor,
  plan: PlanVersion,
  enrollment: { id: string; groupId: string | null },
  now: Date,
  parents: Map<string, string | null>,
): Promise<MyTierProgress[]> {
  const rules = plan.rules.filter(
    (rule): rule is TierRule =>
      rule.kind === 'tier' && (rule.groupId === null || rule.groupId === enrollment.groupId),
  );
  if (rules.length === 0) return [];
  const [org] = await executor.select({ timeZone: orgs.timeZone }).from(orgs).where(eq(orgs.id, ctx.orgId));
  const out: MyTierProgress[] = [];
  for (const rule of rules) {
    const period = periodOf(now, rule.period, org?.timeZone ?? 'Asia/Ho_Chi_Minh');
    const members = [enrollment.id];
    if (rule.includeDownline) {
      const downline = await executor.execute(sql`
        with recursive tree(id, depth) as (
          select id, 0 from enrollments where org_id = ${ctx.orgId} and id = ${enrollment.id}
          union all
          select e.id, t.depth + 1 from enrollments e join tree t
            on e.org_id = ${ctx.orgId} and e.upline_enrollment_id = t.id where t.depth < 3
        ) select id from tree where depth > 0`);
      members.push(...(downline as unknown as { rows: { id: string }[] }).rows.map((row) => row.id));
    }
    const rows = await executor
      .select({ orderId: orders.id, item: orderItems })
      .from(orders)
      .innerJoin(orderItems, and(eq(orderItems.orgId, orders.orgId), eq(orderItems.orderId, orders.id)))
      .where(
        and(
          eq(orders.orgId, ctx.orgId),
          inArray(orders.enrollmentId, members),
          ne(orders.status, 'cancelled'),
          gte(orders.placedAt, period.start),
          lt(orders.placedAt, period.end),
        ),
      );
    let volume = 0n;
    const counted = new Set<string>();
    for (const { orderId, item } of rows) {
      const path = categoryPathOf(item.categoryId, parents);
      const covered =
        rule.scope.kind === 'all' ||
        (rule.scope.kind === 'product' && item.productId === rule.scope.productId) ||
        (rule.scope.kind === 'category' && path.includes(rule.scope.categoryId));
      const kept = item.quantity - item.returnedQuantity;
      if (!covered || kept <= 0) continue;
      if (rule.measure === 'amount')
        volume +=
          ((BigInt(item.quantity) * item.unitPriceMinor - item.discountMinor) * BigInt(kept)) /
          BigInt(item.quantity);
      else if (rule.measure === 'quantity') volume += BigInt(kept);
      else if (!counted.has(orderId)) {
        counted.add(orderId);
        volume += 1n;
      }
    }
    const reached = tierReached(rule, volume);
    const nextTier = rule.tiers[reached + 1];
    out.push({
      ruleId: rule.id,
      name: rule.name,
      period: rule.period,
      periodLabel: period.label,
      periodStart: period.start.toISOString(),
      periodEnd: period.end.toISOString(),
      measure: rule.measure,
      mode: rule.mode,
      includeDownline: rule.includeDownline,
      volume: volume.toString(),
      tiers: rule.tiers.map((tier, index) => ({
        number: index + 1,
        threshold: tier.threshold.toString(),
        ratePpm: tier.ratePpm.toString(),
      })),
      reached: reached + 1,
      next: nextTier
        ? {
            number: reached + 2,
            threshold: nextTier.threshold.toString(),
            ratePpm: nextTier.ratePpm.toString(),
            remaining: (nextTier.threshold - volume).toString(),
          }
        : null,
      volumeRaw: volume,
    });
  }
  return out;
}
