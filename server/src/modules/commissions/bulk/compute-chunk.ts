import type { Database } from '../../../platform/db';
import type { TenantContext } from '../../../platform/services';
import { computeOrderCommission, type TierProgress } from '../engine/compute-order';
import type { PlanVersion, TierRule } from '../engine/plan';
import { type OrderRows, orderRows, statusOfOrder } from './chunk-lines';
import {
  type ChunkOrder,
  loadCategoryPaths,
  loadCustomerFacts,
  loadOrders,
  loadPartners,
  loadProgramPlans,
  type ProgramPlans,
} from './load-chunk';
import { loadDownlines, PeriodCalendar, TierVolumes } from './tier-volumes';

/** What a bulk run keeps from chunk to chunk: the catalog tree, plans, tier volumes. */
export type Run = {
  pathOf: (categoryId: string | null) => string[];
  programs: Map<string, ProgramPlans>;
  volumes: TierVolumes;
};

export type PreparedChunk = { ids: string[]; orders: number; rows: OrderRows[] };

export async function prepareRun(query: Database['query'], orgId: string): Promise<Run> {
  const [org] = await query<{ time_zone: string }>('select time_zone from orgs where id = $1', [orgId]);
  const { pathOf, categoryIds } = await loadCategoryPaths(query, orgId);
  const calendar = new PeriodCalendar(org?.time_zone ?? 'Asia/Ho_Chi_Minh');
  return {
    pathOf,
    programs: new Map(),
    volumes: new TierVolumes(query, orgId, calendar, categoryIds, pathOf),
  };
}

type Version = ProgramPlans['versions'][number];
const tierRulesOf = (plan: PlanVersion) =>
  plan.rules.filter((rule): rule is TierRule => rule.kind === 'tier');

/**
 * Reads one chunk of orders (time order) set-based and computes each with the engine, in time
 * order, so tier volumes and catch-up adjustments build up exactly as computing them one by one.
 */
export async function computeChunk(ctx: TenantContext, run: Run, ids: string[]): Promise<PreparedChunk> {
  if (ids.length === 0) return { ids, orders: 0, rows: [] };
  const query = ctx.services.database.query;
  const now = ctx.services.clock.now();
  const orders = await loadOrders(query, ctx.orgId, ids, run.pathOf);
  const missing = [...new Set(orders.map((order) => order.programId))].filter((id) => !run.programs.has(id));
  if (missing.length > 0)
    for (const [id, plans] of await loadProgramPlans(query, ctx.orgId, missing)) run.programs.set(id, plans);
  const versionOf = (order: ChunkOrder): Version | undefined =>
    run.programs
      .get(order.programId)
      ?.versions.find((v) => v.effectiveFrom.getTime() <= order.placedAt.getTime());
  const versions = orders.map(versionOf);
  const { partners } = await loadPartners(query, ctx.orgId, orders);
  const facts = await loadCustomerFacts(query, ctx.orgId, orders);

  // tier volumes: every (scope, member, period) the chunk's orders stand in
  const tierOrders = orders.filter((order, index) => {
    const version = versions[index];
    return version && tierRulesOf(version.plan).length > 0 && partners.has(order.enrollmentId);
  });
  const needsDownline = tierOrders.some((order) =>
    tierRulesOf(versionOf(order)!.plan).some((rule) => rule.includeDownline),
  );
  const downlines = needsDownline
    ? await loadDownlines(query, ctx.orgId, [...new Set(tierOrders.map((order) => order.enrollmentId))])
    : new Map<string, string[]>();
  const membersOf = (rule: TierRule, seller: string) =>
    rule.includeDownline ? [seller, ...(downlines.get(seller) ?? [])] : [seller];
  const needs = [];
  const rules = new Map<string, TierRule>();
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const order of tierOrders) {
    for (const rule of tierRulesOf(versionOf(order)!.plan)) {
      rules.set(rule.id, rule);
      const span = run.volumes.calendar.of(order.placedAt, rule.period);
      from = Math.min(from, span.start);
      to = Math.max(to, span.end);
      for (const member of membersOf(rule, order.enrollmentId))
        needs.push({ scope: rule.scope, member, span });
    }
  }
  if (tierOrders.length > 0) {
    await run.volumes.read(needs, orders);
    await run.volumes.readAdjustments(
      [...new Set(tierOrders.map((order) => order.enrollmentId))],
      [...rules.values()],
      new Date(from),
      new Date(to),
    );
  }

  const rows: OrderRows[] = [];
  orders.forEach((order, index) => {
    const version = versions[index];
    const partner = partners.get(order.enrollmentId);
    if (!version || !partner) return;
    const customer = order.customerId ? facts.customers.get(order.customerId) : undefined;
    const tierProgress: Record<string, TierProgress> = {};
    for (const rule of tierRulesOf(version.plan))
      tierProgress[rule.id] = run.volumes.progressOf(rule, order, membersOf(rule, order.enrollmentId));
    const result = computeOrderCommission({
      plan: version.plan,
      order: {
        id: order.id,
        currency: order.currency,
        items: order.items,
        orderDiscountMinor: order.discountMinor,
        repurchase: facts.repurchases.has(order.id),
        renewal: facts.renewalOf(order),
      },
      partner: { enrollmentId: partner.enrollmentId, groupId: partner.groupId },
      uplines: partner.uplines.map((upline, level) => ({
        ...upline,
        isCustomer: customer?.partnerId != null && customer.partnerId === partner.uplinePartners[level],
      })),
      tierProgress,
    });
    if (statusOfOrder(order) !== 'void') {
      for (const line of result.lines) {
        if (line.kind !== 'tier_adjustment' || !line.ruleId) continue;
        const rule = rules.get(line.ruleId);
        if (!rule) continue;
        const span = run.volumes.calendar.of(order.placedAt, rule.period);
        run.volumes.noteAdjustment(
          order.enrollmentId,
          rule.id,
          span,
          line.explanation.tier?.tierIndexAfter ?? -1,
        );
      }
    }
    rows.push(
      orderRows({
        orgId: ctx.orgId,
        order,
        versionId: version.id,
        rounding: version.plan.settings.rounding,
        holdDays: run.programs.get(order.programId)!.holdDays,
        drafts: result.lines,
        now,
      }),
    );
  });
  return { ids, orders: orders.length, rows };
}
