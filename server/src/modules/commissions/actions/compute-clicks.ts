import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import { newId } from '../../../platform/ids';
import type { Services, TenantContext } from '../../../platform/services';
import { orgs } from '../../orgs/schema';
import { enrollments } from '../../partners';
import { programs } from '../../programs/schema';
import { clickStats } from '../../tracking';
import { reconcileLedger } from '../ledger';
import { parsePlanVersion, versionInForce } from '../plans';
import { commissionLines, commissionPlanVersions } from '../schema';
import { actionRulesFor, type ClickActionExplanation, hasActionRule, ruleRef } from './action-rules';
import { addDays, localDayBounds, localDayOf } from './local-days';

const DAY_MS = 86_400_000;

/** Closed days looked at on each run, so a server down for less than this misses none. */
export const CLICK_LOOKBACK_DAYS = 7;

/** The key of a day's click line: one per rule, partner and day, whatever the number of runs. */
export const clickLineKey = (ruleId: string, enrollmentId: string, day: string) =>
  `cpc:${ruleId}:${enrollmentId}:${day}`;

/**
 * CPC for every organisation with a published click rule: see `computeClickCommissionsOfOrg`.
 * Answers how many lines were written.
 */
export async function computeClickCommissions(
  services: Services,
  lookbackDays = CLICK_LOOKBACK_DAYS,
): Promise<number> {
  const rows = await services.db
    .selectDistinct({ orgId: commissionPlanVersions.orgId })
    .from(commissionPlanVersions)
    .where(
      and(
        eq(commissionPlanVersions.status, 'published'),
        sql`${commissionPlanVersions.rules} @> '[{"kind":"action","event":"click"}]'::jsonb`,
      ),
    );
  let written = 0;
  for (const { orgId } of rows) {
    const ctx: TenantContext = { orgId, services, actor: { type: 'system', label: 'Commission engine' } };
    written += await computeClickCommissionsOfOrg(ctx, lookbackDays);
  }
  return written;
}

/**
 * CPC: for each day of the organisation's time zone that has ended (the last `lookbackDays`), the
 * unique clicks of each partner's links summed from the hourly roll-up, paid by the click rules of
 * the plan version in force at the day's start: one action line per rule, partner and day
 * (unique clicks × the amount per click), held for the program's hold days from the day's end.
 * Days still running are left for a later run; a day already computed writes nothing again.
 */
export async function computeClickCommissionsOfOrg(
  ctx: TenantContext,
  lookbackDays = CLICK_LOOKBACK_DAYS,
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

async function computeDay(ctx: TenantContext, executor: Executor, day: string, timeZone: string) {
  const { start, end } = localDayBounds(day, timeZone);
  if (end > ctx.services.clock.now()) return 0;
  const totals = await executor
    .select({
      enrollmentId: clickStats.enrollmentId,
      programId: clickStats.programId,
      uniqueClicks: sql<number>`sum(${clickStats.uniqueClicks})::int`,
    })
    .from(clickStats)
    .where(and(eq(clickStats.orgId, ctx.orgId), gte(clickStats.hour, start), lt(clickStats.hour, end)))
    .groupBy(clickStats.enrollmentId, clickStats.programId)
    .having(sql`sum(${clickStats.uniqueClicks}) > 0`);
  if (totals.length === 0) return 0;

  const partners = await executor
    .select({
      id: enrollments.id,
      programId: enrollments.programId,
      groupId: enrollments.groupId,
      currency: programs.currency,
      holdDays: programs.holdDays,
    })
    .from(enrollments)
    .innerJoin(programs, and(eq(programs.orgId, enrollments.orgId), eq(programs.id, enrollments.programId)))
    .where(
      and(
        eq(enrollments.orgId, ctx.orgId),
        inArray(
          enrollments.id,
          totals.map((row) => row.enrollmentId),
        ),
      ),
    );
  const plans = new Map<string, Awaited<ReturnType<typeof planOf>>>();
  const now = ctx.services.clock.now();
  const values: (typeof commissionLines.$inferInsert)[] = [];
  for (const total of totals) {
    const partner = partners.find((p) => p.id === total.enrollmentId);
    if (!partner || partner.programId !== total.programId) continue;
    if (!plans.has(partner.programId))
      plans.set(partner.programId, await planOf(ctx, executor, partner.programId, start));
    const inForce = plans.get(partner.programId);
    if (!inForce) continue;
    for (const rule of actionRulesFor(inForce.plan, { kind: 'click' }, partner.groupId)) {
      const amount = BigInt(total.uniqueClicks) * rule.amountMinor;
      const explanation: ClickActionExplanation = {
        rule: ruleRef(rule),
        action: { event: 'click', day, timeZone, uniqueClicks: total.uniqueClicks },
        calc: { type: 'per_click', amountMinor: rule.amountMinor.toString(), quantity: total.uniqueClicks },
        exact: `${amount}/1`,
        rounding: 'half_up',
      };
      values.push({
        orgId: ctx.orgId,
        id: newId('commissionLine'),
        enrollmentId: partner.id,
        programId: partner.programId,
        planVersionId: inForce.versionId,
        ruleId: rule.id,
        kind: 'action',
        sourceKey: clickLineKey(rule.id, partner.id, day),
        currency: partner.currency,
        baseMinor: 0n,
        ratePpm: null,
        amountMinor: amount,
        rounding: 'half_up',
        status: 'on_hold',
        holdUntil: new Date(end.getTime() + partner.holdDays * DAY_MS),
        explanation,
        earnedAt: start,
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  if (values.length === 0) return 0;
  const created = await executor.insert(commissionLines).values(values).onConflictDoNothing().returning();
  await reconcileLedger(ctx, executor, created);
  return created.length;
}

/** The plan version in force at a moment, when it has click rules. */
async function planOf(ctx: TenantContext, executor: Executor, programId: string, at: Date) {
  const version = await versionInForce(ctx, executor, programId, at);
  if (!version) return undefined;
  const plan = parsePlanVersion(version);
  return hasActionRule(plan, 'click') ? { versionId: version.id, plan } : undefined;
}
