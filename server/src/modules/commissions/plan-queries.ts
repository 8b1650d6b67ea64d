import { and, asc, desc, eq, gte, isNotNull, lt } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import { orders } from '../orders/schema';
import { programs } from '../programs/schema';
import {
  computeOrderCommission,
  type DraftLine,
  type EngineItem,
  type TierProgress,
} from './engine/compute-order';
import { type PlanVersion, planVersionSchema } from './engine/plan';
import { type PlanVersionRow, parsePlanVersion, versionInForce } from './plans';
import { previewOrderCommission } from './recompute-order';
import { commissionPlans, commissionPlanVersions } from './schema';
import { nameScopes } from './scope-names';

export function toVersionView(row: PlanVersionRow) {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    effectiveFrom: row.effectiveFrom?.toISOString() ?? null,
    settings: row.settings,
    rules: row.rules,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

/** Plans of the organisation with their program and the version in force now. */
export async function findPlans(ctx: TenantContext, executor: Executor) {
  const rows = await executor
    .select({ plan: commissionPlans, programName: programs.name, currency: programs.currency })
    .from(commissionPlans)
    .innerJoin(
      programs,
      and(eq(programs.orgId, commissionPlans.orgId), eq(programs.id, commissionPlans.programId)),
    )
    .where(eq(commissionPlans.orgId, ctx.orgId))
    .orderBy(asc(programs.name));
  const now = ctx.services.clock.now();
  const items = [];
  for (const row of rows) {
    const current = await versionInForce(ctx, executor, row.plan.programId, now);
    items.push({
      id: row.plan.id,
      programId: row.plan.programId,
      programName: row.programName,
      currency: row.currency,
      name: row.plan.name,
      currentVersion: current ? toVersionView(current) : null,
    });
  }
  return { items };
}

export async function getPlan(ctx: TenantContext, executor: Executor, planId: string) {
  const [row] = await executor
    .select({ plan: commissionPlans, programName: programs.name, currency: programs.currency })
    .from(commissionPlans)
    .innerJoin(
      programs,
      and(eq(programs.orgId, commissionPlans.orgId), eq(programs.id, commissionPlans.programId)),
    )
    .where(and(eq(commissionPlans.orgId, ctx.orgId), eq(commissionPlans.id, planId)));
  if (!row) throw notFound('Commission plan');
  const versions = await executor
    .select()
    .from(commissionPlanVersions)
    .where(and(eq(commissionPlanVersions.orgId, ctx.orgId), eq(commissionPlanVersions.planId, planId)))
    .orderBy(desc(commissionPlanVersions.version));
  const current = await versionInForce(ctx, executor, row.plan.programId, ctx.services.clock.now());
  return {
    id: row.plan.id,
    programId: row.plan.programId,
    programName: row.programName,
    currency: row.currency,
    name: row.plan.name,
    currentVersionId: current?.id ?? null,
    versions: versions.map(toVersionView),
  };
}

/** A version of the plan, or its draft when no id is given. */
export async function pickVersion(
  ctx: TenantContext,
  executor: Executor,
  planId: string,
  versionId: string | undefined,
): Promise<PlanVersionRow> {
  const conditions = [eq(commissionPlanVersions.orgId, ctx.orgId), eq(commissionPlanVersions.planId, planId)];
  conditions.push(
    versionId ? eq(commissionPlanVersions.id, versionId) : eq(commissionPlanVersions.status, 'draft'),
  );
  const [row] = await executor
    .select()
    .from(commissionPlanVersions)
    .where(and(...conditions));
  if (!row) throw notFound(versionId ? 'Plan version' : 'Draft version');
  return row;
}

export type SimulationInput = {
  versionId?: string;
  /** A plan typed in the simulator, not saved; wins over versionId. */
  plan?: unknown;
  currency: string;
  items: (Omit<EngineItem, 'lineNo'> & { lineNo?: number })[];
  orderDiscountMinor: bigint;
  repurchase: boolean;
  renewalMonth: number | null;
  partnerGroupId: string | null;
  uplineGroupIds: (string | null)[];
  tierProgress?: Record<string, TierProgress>;
};

/** The lines a hypothetical order would produce, written nowhere. */
export async function simulateOrder(
  ctx: TenantContext,
  executor: Executor,
  planId: string,
  input: SimulationInput,
) {
  let plan: PlanVersion;
  if (input.plan !== undefined) {
    const parsed = planVersionSchema.safeParse(input.plan);
    if (!parsed.success)
      throw new AppError('validation_failed', 'The commission plan is not valid', {
        details: parsed.error.issues.map((issue) => ({
          path: `plan.${issue.path.join('.')}`,
          message: issue.message,
        })),
      });
    plan = parsed.data;
    await getPlan(ctx, executor, planId);
  } else {
    plan = parsePlanVersion(await pickVersion(ctx, executor, planId, input.versionId));
  }
  const result = computeOrderCommission({
    plan,
    order: {
      id: 'simulation',
      currency: input.currency,
      items: input.items.map((item, index) => ({ ...item, lineNo: item.lineNo ?? index + 1 })),
      orderDiscountMinor: input.orderDiscountMinor,
      repurchase: input.repurchase,
      renewal: input.renewalMonth === null ? null : { monthsSinceStart: input.renewalMonth - 1 },
    },
    partner: { enrollmentId: 'partner', groupId: input.partnerGroupId },
    uplines: input.uplineGroupIds.map((groupId, index) => ({
      enrollmentId: `upline_${index + 1}`,
      groupId,
      level: index + 1,
      isCustomer: false,
    })),
    tierProgress: input.tierProgress,
  });
  return {
    lines: await nameScopes(ctx, executor, result.lines.map(draftView)),
    totalMinor: result.lines.reduce((sum, line) => sum + line.amountMinor, 0n).toString(),
    guard: {
      state: result.guard.state,
      marginMinor: result.guard.marginMinor?.toString() ?? null,
      capMinor: result.guard.capMinor?.toString() ?? null,
    },
  };
}

export function draftView(line: DraftLine) {
  return {
    enrollmentId: line.enrollmentId,
    kind: line.kind,
    ruleId: line.ruleId,
    lineNo: line.lineNo,
    level: line.level,
    baseMinor: line.baseMinor.toString(),
    ratePpm: line.ratePpm?.toString() ?? null,
    amountMinor: line.amountMinor.toString(),
    explanation: line.explanation as Record<string, unknown>,
  };
}

export const MAX_REPLAY_ORDERS = 20_000;

/**
 * Replays the program's orders placed in [from, to) on a version (the draft by default) and on the
 * versions in force when they were placed, and compares the total cost. Writes nothing.
 */
export async function replayOrders(
  ctx: TenantContext,
  executor: Executor,
  planId: string,
  input: { versionId?: string; from: Date; to: Date },
) {
  const plan = await getPlan(ctx, executor, planId);
  const candidate = await pickVersion(ctx, executor, planId, input.versionId);
  const parsed = parsePlanVersion(candidate);
  const rows = await executor
    .select({ id: orders.id, placedAt: orders.placedAt })
    .from(orders)
    .where(
      and(
        eq(orders.orgId, ctx.orgId),
        eq(orders.programId, plan.programId),
        isNotNull(orders.enrollmentId),
        gte(orders.placedAt, input.from),
        lt(orders.placedAt, input.to),
      ),
    )
    .orderBy(asc(orders.placedAt))
    .limit(MAX_REPLAY_ORDERS + 1);
  if (rows.length > MAX_REPLAY_ORDERS)
    throw new AppError(
      'validation_failed',
      `At most ${MAX_REPLAY_ORDERS} orders per replay; shorten the period`,
    );
  let current = 0n;
  let proposed = 0n;
  for (const row of rows) {
    const inForce = await versionInForce(ctx, executor, plan.programId, row.placedAt);
    if (inForce) {
      const now = await previewOrderCommission(ctx, executor, row.id, {
        id: inForce.id,
        plan: parsePlanVersion(inForce),
      });
      current += now?.lines.reduce((sum, line) => sum + line.amountMinor, 0n) ?? 0n;
    }
    const next = await previewOrderCommission(ctx, executor, row.id, { id: candidate.id, plan: parsed });
    proposed += next?.lines.reduce((sum, line) => sum + line.amountMinor, 0n) ?? 0n;
  }
  return {
    orders: rows.length,
    currency: plan.currency,
    currentTotalMinor: current.toString(),
    proposedTotalMinor: proposed.toString(),
    differenceMinor: (proposed - current).toString(),
    versionId: candidate.id,
  };
}
