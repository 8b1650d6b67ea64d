import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import { addDays, localDayOf } from '../../../platform/local-days';
import type { Services, TenantContext } from '../../../platform/services';
import { orgs } from '../../orgs/schema';
import { enrollments } from '../../partners';
import { programs } from '../../programs/schema';
import { parsePlanVersion, versionInForce } from '../plans';
import { commissionPlanVersions } from '../schema';
import { type ActionEvent, hasActionRule } from './action-rules';

export type DayComputation = (
  ctx: TenantContext,
  executor: Executor,
  day: string,
  timeZone: string,
) => Promise<number>;

/**
 * A daily per-action run (CPC, CPM): for every organisation with a published rule for the event,
 * each of the last `lookbackDays` days of its time zone is computed in its own transaction.
 * Answers how many lines were written.
 */
export async function computeDailyActions(
  services: Services,
  event: Extract<ActionEvent, 'click' | 'impression'>,
  lookbackDays: number,
  computeDay: DayComputation,
): Promise<number> {
  const rows = await services.db
    .selectDistinct({ orgId: commissionPlanVersions.orgId })
    .from(commissionPlanVersions)
    .where(
      and(
        eq(commissionPlanVersions.status, 'published'),
        sql`${commissionPlanVersions.rules} @> ${JSON.stringify([{ kind: 'action', event }])}::jsonb`,
      ),
    );
  let written = 0;
  for (const { orgId } of rows) {
    const ctx: TenantContext = { orgId, services, actor: { type: 'system', label: 'Commission engine' } };
    written += await computeDailyActionsOfOrg(ctx, lookbackDays, computeDay);
  }
  return written;
}

/** The days of one organisation, oldest first (days still running are left to `computeDay`). */
export async function computeDailyActionsOfOrg(
  ctx: TenantContext,
  lookbackDays: number,
  computeDay: DayComputation,
): Promise<number> {
  const { db } = ctx.services;
  const [org] = await db.select({ timeZone: orgs.timeZone }).from(orgs).where(eq(orgs.id, ctx.orgId));
  const timeZone = org?.timeZone ?? 'Asia/Ho_Chi_Minh';
  const today = localDayOf(ctx.services.clock.now(), timeZone);
  let written = 0;
  for (let back = lookbackDays; back >= 1; back--) {
    const day = addDays(today, -back);
    written += await db.transaction((tx) => computeDay(ctx, tx, day, timeZone));
  }
  return written;
}

/** The partners a day's counts belong to, with their program's currency and hold days. */
export function partnersOf(ctx: TenantContext, executor: Executor, enrollmentIds: string[]) {
  return executor
    .select({
      id: enrollments.id,
      programId: enrollments.programId,
      groupId: enrollments.groupId,
      currency: programs.currency,
      holdDays: programs.holdDays,
    })
    .from(enrollments)
    .innerJoin(programs, and(eq(programs.orgId, enrollments.orgId), eq(programs.id, enrollments.programId)))
    .where(and(eq(enrollments.orgId, ctx.orgId), inArray(enrollments.id, enrollmentIds)));
}

/** The plan version in force at a moment, when it has a rule for the event. */
export async function planWithActionRule(
  ctx: TenantContext,
  executor: Executor,
  programId: string,
  at: Date,
  event: ActionEvent,
) {
  const version = await versionInForce(ctx, executor, programId, at);
  if (!version) return undefined;
  const plan = parsePlanVersion(version);
  return hasActionRule(plan, event) ? { versionId: version.id, plan } : undefined;
}
