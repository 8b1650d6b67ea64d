import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import { localDayBounds } from '../../../platform/local-days';
import type { Services, TenantContext } from '../../../platform/services';
import { clickStats } from '../../tracking';
import type { commissionLines } from '../schema';
import { actionRulesFor, type ClickActionExplanation, ruleRef } from './action-rules';
import {
  computeDailyActions,
  computeDailyActionsOfOrg,
  type DayOwed,
  dayActionLine,
  dayPartners,
  writeDay,
} from './daily-actions';

/** Closed days looked at on each run, so a server down for less than this misses none. */
export const CLICK_LOOKBACK_DAYS = 7;

/** The key of a day's click line: one per rule, partner and day, whatever the number of runs. */
export const clickLineKey = (ruleId: string, enrollmentId: string, day: string) =>
  `cpc:${ruleId}:${enrollmentId}:${day}`;

/**
 * CPC for every organisation with a published click rule: see `computeClickCommissionsOfOrg`.
 * Answers how many lines were written.
 */
export function computeClickCommissions(
  services: Services,
  lookbackDays = CLICK_LOOKBACK_DAYS,
): Promise<number> {
  return computeDailyActions(services, 'click', lookbackDays, computeDay);
}

/**
 * CPC: for each day of the organisation's time zone that has ended (the last `lookbackDays`), the
 * unique clicks of each partner's links summed from the hourly roll-up, paid by the click rules of
 * the plan version in force at the day's start: one action line per rule, partner and day
 * (unique clicks × the amount per click), held for the program's hold days from the day's end.
 * Days still running are left for a later run; a day already computed writes nothing again, unless
 * a plan fix published since changed what it owes (correction lines, see `settleDay`).
 */
export function computeClickCommissionsOfOrg(
  ctx: TenantContext,
  lookbackDays = CLICK_LOOKBACK_DAYS,
): Promise<number> {
  return computeDailyActionsOfOrg(ctx, lookbackDays, computeDay);
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

  const values: (typeof commissionLines.$inferInsert)[] = [];
  const owed = new Map<string, DayOwed>();
  for (const { total, partner, inForce } of await dayPartners(ctx, executor, totals, start, 'click')) {
    for (const rule of actionRulesFor(inForce.plan, { kind: 'click' }, partner.groupId)) {
      const sourceKey = clickLineKey(rule.id, partner.id, day);
      const amount = BigInt(total.uniqueClicks) * rule.amountMinor;
      owed.set(sourceKey, { amountMinor: amount, versionId: inForce.versionId });
      const explanation: ClickActionExplanation = {
        rule: ruleRef(rule),
        action: { event: 'click', day, timeZone, uniqueClicks: total.uniqueClicks },
        calc: { type: 'per_click', amountMinor: rule.amountMinor.toString(), quantity: total.uniqueClicks },
        exact: `${amount}/1`,
        rounding: 'half_up',
      };
      values.push(
        dayActionLine(ctx, {
          partner,
          versionId: inForce.versionId,
          ruleId: rule.id,
          sourceKey,
          amountMinor: amount,
          rounding: 'half_up',
          explanation,
          day: { start, end },
        }),
      );
    }
  }
  return writeDay(ctx, executor, values, {
    prefix: 'cpc:',
    start,
    owed,
    dayKeyOf: (sourceKey) => sourceKey.replace(/:c\d+$/, ''),
  });
}
