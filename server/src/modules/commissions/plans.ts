import { and, desc, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { TenantContext } from '../../platform/services';
import { conversions, orders } from '../orders/schema';
import { getProgramById } from '../programs';
import { hasActionRule } from './actions/action-rules';
import { requestDailyActionsSettlement } from './actions/click-job';
import { requestConversionCommission } from './actions/conversion-job';
import { type PlanVersion, planVersionSchema } from './engine/plan';
import { requestRecompute } from './recompute-job';
import { commissionPlans, commissionPlanVersions } from './schema';

export type PlanVersionRow = typeof commissionPlanVersions.$inferSelect;

/** Reads a stored version's JSON back into the engine's typed plan. */
export function parsePlanVersion(row: Pick<PlanVersionRow, 'settings' | 'rules'>): PlanVersion {
  return planVersionSchema.parse({ settings: row.settings, rules: row.rules });
}

/** JSON for a plan version: bigints as strings, so it stores and travels without loss. */
export function planToJson(plan: PlanVersion): {
  settings: Record<string, unknown>;
  rules: Record<string, unknown>[];
} {
  return JSON.parse(
    JSON.stringify(plan, (_, value) => (typeof value === 'bigint' ? value.toString() : value)),
  );
}

/** The program's plan, created on first use. */
export async function ensurePlan(ctx: TenantContext, executor: Executor, programId: string) {
  const program = await getProgramById(ctx, executor, programId);
  await executor
    .insert(commissionPlans)
    .values({ orgId: ctx.orgId, id: newId('commissionPlan'), programId, name: program.name })
    .onConflictDoNothing();
  const [plan] = await executor
    .select()
    .from(commissionPlans)
    .where(and(eq(commissionPlans.orgId, ctx.orgId), eq(commissionPlans.programId, programId)));
  return plan!;
}

/** Saves rules and settings as the plan's draft (a new version number, or the open draft again). */
export async function saveDraftVersion(
  ctx: TenantContext,
  executor: Executor,
  input: { programId: string; plan: unknown; note?: string },
): Promise<PlanVersionRow> {
  const parsed = planVersionSchema.safeParse(input.plan);
  if (!parsed.success) {
    throw new AppError('validation_failed', 'The commission plan is not valid', {
      details: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    });
  }
  const plan = await ensurePlan(ctx, executor, input.programId);
  const json = planToJson(parsed.data);
  const [draft] = await executor
    .select()
    .from(commissionPlanVersions)
    .where(
      and(
        eq(commissionPlanVersions.orgId, ctx.orgId),
        eq(commissionPlanVersions.planId, plan.id),
        eq(commissionPlanVersions.status, 'draft'),
      ),
    );
  if (draft) {
    const [updated] = await executor
      .update(commissionPlanVersions)
      .set({ settings: json.settings, rules: json.rules, note: input.note ?? draft.note })
      .where(and(eq(commissionPlanVersions.orgId, ctx.orgId), eq(commissionPlanVersions.id, draft.id)))
      .returning();
    return updated!;
  }
  const [last] = await executor
    .select({ version: sql<number>`coalesce(max(${commissionPlanVersions.version}), 0)::int` })
    .from(commissionPlanVersions)
    .where(and(eq(commissionPlanVersions.orgId, ctx.orgId), eq(commissionPlanVersions.planId, plan.id)));
  const [created] = await executor
    .insert(commissionPlanVersions)
    .values({
      orgId: ctx.orgId,
      id: newId('commissionPlanVersion'),
      planId: plan.id,
      version: (last?.version ?? 0) + 1,
      status: 'draft',
      settings: json.settings,
      rules: json.rules,
      note: input.note ?? '',
      createdBy: ctx.actor.type === 'system' ? null : ctx.actor.id,
    })
    .returning();
  return created!;
}

/**
 * Publishes the draft, in force from `effectiveFrom` (not before the latest published version's
 * start: history is never rewritten). Orders placed, conversions recorded and days of clicks and
 * impressions closed since then were computed under the version before: they are queued for
 * recomputation, which settles any difference with correcting lines (`ordersToRecompute` says how
 * many orders).
 */
export async function publishDraftVersion(
  ctx: TenantContext,
  executor: Executor,
  input: { programId: string; effectiveFrom: Date },
): Promise<PlanVersionRow & { ordersToRecompute: number }> {
  const plan = await ensurePlan(ctx, executor, input.programId);
  const [draft] = await executor
    .select()
    .from(commissionPlanVersions)
    .where(
      and(
        eq(commissionPlanVersions.orgId, ctx.orgId),
        eq(commissionPlanVersions.planId, plan.id),
        eq(commissionPlanVersions.status, 'draft'),
      ),
    );
  if (!draft) throw notFound('Draft version');
  const [latest] = await executor
    .select()
    .from(commissionPlanVersions)
    .where(
      and(
        eq(commissionPlanVersions.orgId, ctx.orgId),
        eq(commissionPlanVersions.planId, plan.id),
        eq(commissionPlanVersions.status, 'published'),
      ),
    )
    .orderBy(desc(commissionPlanVersions.effectiveFrom))
    .limit(1);
  if (latest?.effectiveFrom && input.effectiveFrom < latest.effectiveFrom) {
    throw new AppError(
      'unprocessable',
      `A new version cannot start before version ${latest.version} (in force from ${latest.effectiveFrom.toISOString()})`,
    );
  }
  const [published] = await executor
    .update(commissionPlanVersions)
    .set({ status: 'published', effectiveFrom: input.effectiveFrom, publishedAt: ctx.services.clock.now() })
    .where(and(eq(commissionPlanVersions.orgId, ctx.orgId), eq(commissionPlanVersions.id, draft.id)))
    .returning();
  const placedSince = await executor
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        eq(orders.orgId, ctx.orgId),
        eq(orders.programId, input.programId),
        isNotNull(orders.enrollmentId),
        gte(orders.placedAt, input.effectiveFrom),
      ),
    );
  await requestRecompute(
    ctx,
    executor,
    placedSince.map((row) => row.id),
  );
  const convertedSince = await executor
    .select({ id: conversions.id })
    .from(conversions)
    .where(
      and(
        eq(conversions.orgId, ctx.orgId),
        eq(conversions.programId, input.programId),
        isNotNull(conversions.enrollmentId),
        gte(conversions.occurredAt, input.effectiveFrom),
      ),
    );
  await requestConversionCommission(
    ctx,
    executor,
    convertedSince.map((row) => row.id),
  );
  // closed days paid per click or impression under the version before (or now paid by this one)
  const paysTraffic = (version: PlanVersionRow | undefined) =>
    version !== undefined &&
    (['click', 'impression'] as const).some((event) => hasActionRule(parsePlanVersion(version), event));
  if (paysTraffic(latest) || paysTraffic(published))
    await requestDailyActionsSettlement(ctx, executor, input.effectiveFrom);
  return { ...published!, ordersToRecompute: placedSince.length };
}

/** The published version of a program's plan in force at a moment, if any. */
export async function versionInForce(
  ctx: TenantContext,
  executor: Executor,
  programId: string,
  at: Date,
): Promise<PlanVersionRow | undefined> {
  const [row] = await executor
    .select({ version: commissionPlanVersions })
    .from(commissionPlanVersions)
    .innerJoin(
      commissionPlans,
      and(
        eq(commissionPlans.orgId, commissionPlanVersions.orgId),
        eq(commissionPlans.id, commissionPlanVersions.planId),
      ),
    )
    .where(
      and(
        eq(commissionPlans.orgId, ctx.orgId),
        eq(commissionPlans.programId, programId),
        eq(commissionPlanVersions.status, 'published'),
        lte(commissionPlanVersions.effectiveFrom, at),
      ),
    )
    .orderBy(desc(commissionPlanVersions.effectiveFrom), desc(commissionPlanVersions.version))
    .limit(1);
  return row?.version;
}
