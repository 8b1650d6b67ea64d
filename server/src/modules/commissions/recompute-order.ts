import { and, asc, eq, gte, inArray, lt, ne, notInArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { newId } from '../../platform/ids';
import type { TenantContext } from '../../platform/services';
import { productCategories } from '../catalog/schema';
import { customers, orderItems, orders } from '../orders/schema';
import { orgs } from '../orgs/schema';
import { enrollments, findUplineChain } from '../partners';
import { programs } from '../programs/schema';
import { correctedAmount, correctionLine, correctionsOf } from './corrections';
import {
  computeOrderCommission,
  type DraftLine,
  type EngineItem,
  type EngineUpline,
  netOfLines,
  type TierProgress,
} from './engine/compute-order';
import type { PlanVersion, TierRule } from './engine/plan';
import { reversalsFor } from './engine/reverse';
import { reconcileLedger } from './ledger';
import { periodOf } from './period';
import { type PlanVersionRow, parsePlanVersion, versionInForce } from './plans';
import { type CommissionLineStatus, commissionLines } from './schema';

type Order = typeof orders.$inferSelect;
type Line = typeof commissionLines.$inferSelect;

const DAY_MS = 86_400_000;

/** The key of a computed line: the same rule on the same item for the same partner is one line. */
function keyOf(orderId: string, line: DraftLine): string {
  return `o:${orderId}:${line.kind}:${line.ruleId ?? '-'}:${line.lineNo ?? '-'}:${line.enrollmentId}:${line.level}`;
}

/**
 * Brings an order's commission lines and ledger entries up to date with the order as it stands:
 * creates lines when it is attributed, corrects them when a late event or a plan fix changes the
 * result (new correction lines, never edits of amounts), reverses exactly the returned share,
 * voids them when the order is cancelled before completion, and moves them to "on hold" when it
 * completes. Running it again changes nothing.
 */
export async function recomputeOrderCommissions(
  ctx: TenantContext,
  executor: Executor,
  orderId: string,
): Promise<{ lines: Line[] }> {
  // one recompute per order at a time: the row lock orders concurrent deliveries
  const [order] = await executor
    .select()
    .from(orders)
    .where(and(eq(orders.orgId, ctx.orgId), eq(orders.id, orderId)))
    .for('update');
  if (!order) return { lines: [] };
  const existing = await loadLines(ctx, executor, orderId);
  const computed = order.enrollmentId && order.programId ? await computeFor(ctx, executor, order) : undefined;
  const now = ctx.services.clock.now();
  const writes: (typeof commissionLines.$inferInsert)[] = [];

  const originals = existing.filter((line) => line.kind !== 'reversal' && line.kind !== 'correction');
  const byKey = new Map(originals.map((line) => [line.sourceKey, line]));
  const corrections = (line: Line) => correctionsOf(line, existing);
  const effective = (line: Line) => correctedAmount(line, existing);

  if (computed) {
    const seen = new Set<string>();
    for (const draft of computed.lines) {
      const key = keyOf(order.id, draft);
      seen.add(key);
      const prior = byKey.get(key);
      if (!prior) {
        writes.push(
          lineValues(ctx, order, computed.versionId, computed.currency, computed.rounding, draft, key, now),
        );
        continue;
      }
      const worth = effective(prior);
      if (draft.amountMinor !== worth)
        writes.push(
          orderCorrection(ctx, order, prior, worth, corrections(prior).length + 1, {
            draft,
            versionId: computed.versionId,
          }),
        );
    }
    for (const prior of originals) {
      if (seen.has(prior.sourceKey)) continue;
      const amount = effective(prior);
      if (amount !== 0n)
        writes.push(orderCorrection(ctx, order, prior, amount, corrections(prior).length + 1));
    }
  } else {
    // no longer attributed: what was credited is taken back by corrections
    for (const prior of originals) {
      const amount = effective(prior);
      if (amount !== 0n)
        writes.push(orderCorrection(ctx, order, prior, amount, corrections(prior).length + 1));
    }
  }
  if (writes.length > 0) await executor.insert(commissionLines).values(writes).onConflictDoNothing();

  // reversals of returned items, from the cumulative share returned
  const afterWrites = await loadLines(ctx, executor, orderId);
  const reversals = await reversalWrites(ctx, executor, order, afterWrites, now);
  if (reversals.length > 0) await executor.insert(commissionLines).values(reversals).onConflictDoNothing();

  const lines = await loadLines(ctx, executor, orderId);
  const holdDays = await holdDaysOf(ctx, executor, order.programId);
  const changed: Line[] = [];
  // lines first, then reversals: a reversal follows the status its line has after this run
  const settled = new Map<string, CommissionLineStatus>();
  const ordered = [
    ...lines.filter((line) => line.kind !== 'reversal'),
    ...lines.filter((line) => line.kind === 'reversal'),
  ];
  for (const line of ordered) {
    const status = statusFor(order, line, lines, settled);
    settled.set(line.id, status);
    const holdUntil =
      status === 'on_hold' && order.completedAt
        ? new Date(order.completedAt.getTime() + holdDays * DAY_MS)
        : line.holdUntil;
    if (status !== line.status || holdUntil?.getTime() !== line.holdUntil?.getTime()) {
      const [updated] = await executor
        .update(commissionLines)
        .set({ status, holdUntil, updatedAt: now })
        .where(and(eq(commissionLines.orgId, ctx.orgId), eq(commissionLines.id, line.id)))
        .returning();
      changed.push(updated!);
    } else changed.push(line);
  }
  await reconcileLedger(ctx, executor, changed);
  return { lines: changed };
}

async function loadLines(ctx: TenantContext, executor: Executor, orderId: string): Promise<Line[]> {
  return executor
    .select()
    .from(commissionLines)
    .where(and(eq(commissionLines.orgId, ctx.orgId), eq(commissionLines.orderId, orderId)))
    .orderBy(asc(commissionLines.createdAt), asc(commissionLines.id));
}

async function holdDaysOf(ctx: TenantContext, executor: Executor, programId: string | null): Promise<number> {
  if (!programId) return 0;
  const [program] = await executor
    .select({ holdDays: programs.holdDays })
    .from(programs)
    .where(and(eq(programs.orgId, ctx.orgId), eq(programs.id, programId)));
  return program?.holdDays ?? 0;
}

/**
 * A line's status from its order: void when the order was cancelled before completing, on hold
 * once completed (approved after the hold, which the release job decides), pending before. Lines
 * of flagged orders wait for a person ("review"); decisions already taken stay.
 */
function statusFor(
  order: Order,
  line: Line,
  all: Line[],
  settled: Map<string, CommissionLineStatus>,
): CommissionLineStatus {
  const original = line.reversesLineId ? all.find((l) => l.id === line.reversesLineId) : undefined;
  if (original && line.kind === 'reversal') {
    // a reversal follows the line it reverses, so it nets in the same bucket
    return settled.get(original.id) ?? original.status;
  }
  if (line.status === 'rejected') return 'rejected';
  if (order.status === 'cancelled' && !order.completedAt) return 'void';
  if (line.status === 'approved') return 'approved';
  if (order.flags.length > 0 && line.decidedAt === null) return 'review';
  // completed orders wait out the hold period; the release job makes their lines payable
  return order.completedAt ? 'on_hold' : 'pending';
}

function lineValues(
  ctx: TenantContext,
  order: Order,
  versionId: string,
  currency: string,
  rounding: 'half_up' | 'half_even',
  draft: DraftLine,
  key: string,
  now: Date,
): typeof commissionLines.$inferInsert {
  return {
    orgId: ctx.orgId,
    id: newId('commissionLine'),
    enrollmentId: draft.enrollmentId,
    programId: order.programId!,
    planVersionId: versionId,
    ruleId: draft.ruleId,
    kind: draft.kind,
    orderId: order.id,
    lineNo: draft.lineNo,
    sourceKey: key,
    level: draft.level,
    currency,
    baseMinor: draft.baseMinor,
    ratePpm: draft.ratePpm,
    amountMinor: draft.amountMinor,
    rounding,
    status: 'pending',
    explanation: draft.explanation,
    earnedAt: order.placedAt,
    createdAt: now,
    updatedAt: now,
  };
}

/** A correction of an order's line, settled to its status with the order's other lines below. */
function orderCorrection(
  ctx: TenantContext,
  order: Order,
  prior: Line,
  worth: bigint,
  sequence: number,
  recomputed?: { draft: DraftLine; versionId: string },
): typeof commissionLines.$inferInsert {
  const draft = recomputed?.draft;
  return correctionLine(ctx, prior, {
    previousMinor: worth,
    newMinor: draft?.amountMinor ?? 0n,
    stillEarned: draft !== undefined,
    sequence,
    versionId: recomputed?.versionId ?? prior.planVersionId,
    status: 'pending',
    holdUntil: null,
    earnedAt: order.placedAt,
    recomputed: draft && {
      baseMinor: draft.baseMinor,
      ratePpm: draft.ratePpm,
      explanation: draft.explanation,
    },
  });
}

async function reversalWrites(
  ctx: TenantContext,
  executor: Executor,
  order: Order,
  lines: Line[],
  now: Date,
): Promise<(typeof commissionLines.$inferInsert)[]> {
  const items = await executor
    .select()
    .from(orderItems)
    .where(and(eq(orderItems.orgId, ctx.orgId), eq(orderItems.orderId, order.id)));
  if (!items.some((item) => item.returnedQuantity > 0)) return [];
  const nets = netOfLines({
    id: order.id,
    currency: order.currency,
    orderDiscountMinor: order.discountMinor,
    repurchase: false,
    renewal: null,
    items: items.map(toEngineItem(new Map())),
  });
  const orderNet = nets.reduce((sum, n) => sum + n.net, 0n);
  const returnedNet = nets.reduce((sum, n) => {
    const item = items.find((i) => i.lineNo === n.lineNo)!;
    return sum + (item.quantity > 0 ? (n.net * BigInt(item.returnedQuantity)) / BigInt(item.quantity) : 0n);
  }, 0n);
  const credited = lines.filter((line) => line.kind !== 'reversal');
  const candidates = credited
    .filter((line) => line.kind !== 'correction')
    .map((line) => {
      const amount = correctedAmount(line, lines);
      const reversed = lines
        .filter((l) => l.kind === 'reversal' && l.reversesLineId === line.id)
        .reduce((sum, r) => sum + r.amountMinor, 0n);
      return { id: line.id, lineNo: line.lineNo, amountMinor: amount, reversedMinor: reversed, line };
    });
  const state = {
    items: new Map(
      items.map((item) => [item.lineNo, { returned: item.returnedQuantity, sold: item.quantity }]),
    ),
    returnedNetMinor: returnedNet,
    orderNetMinor: orderNet,
  };
  const rounding = credited[0]?.rounding ?? 'half_up';
  return reversalsFor(candidates, state, rounding).map((reversal) => {
    const original = candidates.find((c) => c.id === reversal.lineId)!.line;
    const count = lines.filter((l) => l.kind === 'reversal' && l.reversesLineId === original.id).length;
    return {
      orgId: ctx.orgId,
      id: newId('commissionLine'),
      enrollmentId: original.enrollmentId,
      programId: original.programId,
      planVersionId: original.planVersionId,
      ruleId: original.ruleId,
      kind: 'reversal' as const,
      orderId: order.id,
      lineNo: original.lineNo,
      reversesLineId: original.id,
      sourceKey: `${original.sourceKey}:r${count + 1}`,
      level: original.level,
      currency: original.currency,
      baseMinor: 0n,
      ratePpm: null,
      amountMinor: reversal.amountMinor,
      rounding: original.rounding,
      status: 'pending' as const,
      explanation: { reversal: { ofLineId: original.id, returnedShare: reversal.share } },
      earnedAt: now,
      createdAt: now,
      updatedAt: now,
    };
  });
}

function toEngineItem(categoryParents: Map<string, string | null>) {
  return (item: typeof orderItems.$inferSelect): EngineItem => {
    const path: string[] = [];
    let category = item.categoryId;
    while (category && path.length < 20 && !path.includes(category)) {
      path.push(category);
      category = categoryParents.get(category) ?? null;
    }
    return {
      lineNo: item.lineNo,
      productId: item.productId,
      categoryPath: path,
      quantity: item.quantity,
      unitPriceMinor: item.unitPriceMinor,
      discountMinor: item.discountMinor,
      unitCostMinor: item.unitCostMinor,
      unitCtvPriceMinor: item.unitCtvPriceMinor,
    };
  };
}

/**
 * The lines an order would get under a plan, read from the database and written nowhere: the
 * simulator's replay of past orders on a draft version.
 */
export async function previewOrderCommission(
  ctx: TenantContext,
  executor: Executor,
  orderId: string,
  plan: { id: string; plan: PlanVersion },
) {
  const [order] = await executor
    .select()
    .from(orders)
    .where(and(eq(orders.orgId, ctx.orgId), eq(orders.id, orderId)));
  if (!order?.enrollmentId || !order.programId) return undefined;
  return computeFor(ctx, executor, order, plan);
}

/** Everything the engine needs about an order, read from the database. */
async function computeFor(
  ctx: TenantContext,
  executor: Executor,
  order: Order,
  override?: { id: string; plan: PlanVersion },
) {
  const version = override
    ? { id: override.id }
    : await versionInForce(ctx, executor, order.programId!, order.placedAt);
  if (!version) return undefined;
  const plan = override ? override.plan : parsePlanVersion(version as PlanVersionRow);
  const [enrollment] = await executor
    .select()
    .from(enrollments)
    .where(and(eq(enrollments.orgId, ctx.orgId), eq(enrollments.id, order.enrollmentId!)));
  if (!enrollment) return undefined;
  const categories = await executor
    .select({ id: productCategories.id, parentId: productCategories.parentId })
    .from(productCategories)
    .where(eq(productCategories.orgId, ctx.orgId));
  const parents = new Map(categories.map((c) => [c.id, c.parentId]));
  const items = await executor
    .select()
    .from(orderItems)
    .where(and(eq(orderItems.orgId, ctx.orgId), eq(orderItems.orderId, order.id)))
    .orderBy(asc(orderItems.lineNo));
  const customer = order.customerId
    ? (
        await executor
          .select()
          .from(customers)
          .where(and(eq(customers.orgId, ctx.orgId), eq(customers.id, order.customerId)))
      )[0]
    : undefined;

  const uplines: EngineUpline[] = [];
  const chain = (await findUplineChain(executor, ctx.orgId, enrollment.id)).slice(0, 3);
  if (chain.length > 0) {
    const groups = await executor
      .select({ id: enrollments.id, groupId: enrollments.groupId })
      .from(enrollments)
      .where(
        and(
          eq(enrollments.orgId, ctx.orgId),
          inArray(
            enrollments.id,
            chain.map((link) => link.enrollmentId),
          ),
        ),
      );
    for (const link of chain) {
      uplines.push({
        enrollmentId: link.enrollmentId,
        groupId: groups.find((g) => g.id === link.enrollmentId)?.groupId ?? null,
        level: link.depth,
        isCustomer: customer?.partnerId != null && customer.partnerId === link.partnerId,
      });
    }
  }

  const repurchase = customer ? await isRepurchase(ctx, executor, order, customer) : false;
  const renewal = order.subscriptionId ? await renewalOf(ctx, executor, order) : null;
  const tierProgress = await tierProgressOf(ctx, executor, order, plan, enrollment.id, parents);
  const engineItems = items.map(toEngineItem(parents));
  const result = computeOrderCommission({
    plan,
    order: {
      id: order.id,
      currency: order.currency,
      items: engineItems,
      orderDiscountMinor: order.discountMinor,
      repurchase,
      renewal,
    },
    partner: { enrollmentId: enrollment.id, groupId: enrollment.groupId },
    uplines,
    tierProgress,
  });
  return {
    lines: result.lines,
    versionId: version.id,
    currency: order.currency,
    rounding: plan.settings.rounding,
    guard: result.guard,
  };
}

/** A repeat purchase: the customer is owned by this partner and bought from them before. */
async function isRepurchase(
  ctx: TenantContext,
  executor: Executor,
  order: Order,
  customer: typeof customers.$inferSelect,
): Promise<boolean> {
  if (customer.ownerEnrollmentId !== order.enrollmentId) return false;
  if (customer.ownedUntil && customer.ownedUntil < order.placedAt) return false;
  const [earlier] = await executor
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        eq(orders.orgId, ctx.orgId),
        eq(orders.customerId, customer.id),
        ne(orders.id, order.id),
        ne(orders.status, 'cancelled'),
        or(
          lt(orders.placedAt, order.placedAt),
          and(eq(orders.placedAt, order.placedAt), lt(orders.id, order.id)),
        ),
      ),
    )
    .limit(1);
  return Boolean(earlier);
}

async function renewalOf(ctx: TenantContext, executor: Executor, order: Order) {
  const [first] = await executor
    .select({ id: orders.id, placedAt: orders.placedAt })
    .from(orders)
    .where(and(eq(orders.orgId, ctx.orgId), eq(orders.subscriptionId, order.subscriptionId!)))
    .orderBy(asc(orders.placedAt), asc(orders.id))
    .limit(1);
  if (!first || first.id === order.id) return null;
  const from = first.placedAt;
  const to = order.placedAt;
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  if (to.getUTCDate() < from.getUTCDate()) months -= 1;
  return { monthsSinceStart: Math.max(0, months) };
}

/**
 * Where the partner stands in each tier rule's period before this order: volume of their own
 * orders (and their downline's when the rule says so) placed earlier in the period and not
 * cancelled, net of returns as known now.
 */
async function tierProgressOf(
  ctx: TenantContext,
  executor: Executor,
  order: Order,
  plan: PlanVersion,
  enrollmentId: string,
  parents: Map<string, string | null>,
): Promise<Record<string, TierProgress>> {
  const tiers = plan.rules.filter((rule): rule is TierRule => rule.kind === 'tier');
  if (tiers.length === 0) return {};
  const [org] = await executor.select({ timeZone: orgs.timeZone }).from(orgs).where(eq(orgs.id, ctx.orgId));
  const progress: Record<string, TierProgress> = {};
  for (const rule of tiers) {
    const period = periodOf(order.placedAt, rule.period, org?.timeZone ?? 'Asia/Ho_Chi_Minh');
    const members = [enrollmentId];
    if (rule.includeDownline) {
      const downline = await executor.execute(sql`
        with recursive tree(id, depth) as (
          select id, 0 from enrollments where org_id = ${ctx.orgId} and id = ${enrollmentId}
          union all
          select e.id, t.depth + 1 from enrollments e join tree t
            on e.org_id = ${ctx.orgId} and e.upline_enrollment_id = t.id where t.depth < 3
        ) select id from tree where depth > 0`);
      members.push(...(downline as unknown as { rows: { id: string }[] }).rows.map((row) => row.id));
    }
    const earlier = await executor
      .select({ order: orders, item: orderItems })
      .from(orders)
      .innerJoin(orderItems, and(eq(orderItems.orgId, orders.orgId), eq(orderItems.orderId, orders.id)))
      .where(
        and(
          eq(orders.orgId, ctx.orgId),
          inArray(orders.enrollmentId, members),
          ne(orders.status, 'cancelled'),
          gte(orders.placedAt, period.start),
          lt(orders.placedAt, period.end),
          or(
            lt(orders.placedAt, order.placedAt),
            and(eq(orders.placedAt, order.placedAt), lt(orders.id, order.id)),
          ),
        ),
      );
    const toItem = toEngineItem(parents);
    let measure = 0n;
    let base = 0n;
    const countedOrders = new Set<string>();
    for (const { order: other, item } of earlier) {
      const engineItem = toItem(item);
      const covered =
        rule.scope.kind === 'all' ||
        (rule.scope.kind === 'product' && engineItem.productId === rule.scope.productId) ||
        (rule.scope.kind === 'category' && engineItem.categoryPath.includes(rule.scope.categoryId));
      const kept = item.quantity - item.returnedQuantity;
      if (!covered || kept <= 0) continue;
      const net =
        ((BigInt(item.quantity) * item.unitPriceMinor - item.discountMinor) * BigInt(kept)) /
        BigInt(item.quantity);
      if (rule.measure === 'amount') measure += net;
      else if (rule.measure === 'quantity') measure += BigInt(kept);
      else if (!countedOrders.has(other.id)) {
        countedOrders.add(other.id);
        measure += 1n;
      }
      if (other.enrollmentId === enrollmentId) base += net;
    }
    const adjusted = await executor
      .select({ explanation: commissionLines.explanation })
      .from(commissionLines)
      .where(
        and(
          eq(commissionLines.orgId, ctx.orgId),
          eq(commissionLines.enrollmentId, enrollmentId),
          eq(commissionLines.kind, 'tier_adjustment'),
          eq(commissionLines.ruleId, rule.id),
          // a void or rejected catch-up was never paid: the next crossing pays it
          notInArray(commissionLines.status, ['void', 'rejected']),
          gte(commissionLines.earnedAt, period.start),
          lt(commissionLines.earnedAt, period.end),
          // only catch-ups of orders before this one: a later order's catch-up never takes this one's back
          or(
            lt(commissionLines.earnedAt, order.placedAt),
            and(eq(commissionLines.earnedAt, order.placedAt), lt(commissionLines.orderId, order.id)),
          ),
        ),
      );
    const adjustedToTier = adjusted.reduce((max, row) => {
      const reached = (row.explanation as { tier?: { tierIndexAfter?: number } }).tier?.tierIndexAfter ?? -1;
      return reached > max ? reached : max;
    }, -1);
    progress[rule.id] = { measureBefore: measure, baseBefore: base, adjustedToTier };
  }
  return progress;
}
