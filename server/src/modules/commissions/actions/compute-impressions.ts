import { and, eq, gte, inArray, like, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import { localDayBounds } from '../../../platform/local-days';
import { divideRounded } from '../../../platform/money';
import type { Services, TenantContext } from '../../../platform/services';
import { impressionStats } from '../../tracking';
import { commissionLines } from '../schema';
import { actionRulesFor, type ImpressionActionExplanation, ruleRef } from './action-rules';
import {
  computeDailyActions,
  computeDailyActionsOfOrg,
  type DayOwed,
  dayActionLine,
  dayPartners,
  writeDay,
} from './daily-actions';

/** Closed days looked at on each run: impressions may be reported for the last seven days. */
export const IMPRESSION_LOOKBACK_DAYS = 8;

/** The prefix of every CPM line of one rule, partner and day. */
export const impressionDayKey = (ruleId: string, enrollmentId: string, day: string) =>
  `cpm:${ruleId}:${enrollmentId}:${day}:`;

/**
 * CPM for every organisation with a published impression rule: see
 * `computeImpressionCommissionsOfOrg`. Answers how many lines were written.
 */
export function computeImpressionCommissions(
  services: Services,
  lookbackDays = IMPRESSION_LOOKBACK_DAYS,
): Promise<number> {
  return computeDailyActions(services, 'impression', lookbackDays, computeDay);
}

/**
 * CPM: for each day of the organisation's time zone that has ended (the last `lookbackDays`), the
 * impressions of each partner's links (bots left out) summed from the hourly roll-up, paid by the
 * impression rules of the plan version in force at the day's start: impressions × the amount per
 * 1 000 ÷ 1 000, rounded by the plan. Impressions reported after a day was paid add a line for the
 * difference (the day's total paid so far against the new total, never an edit), so each run
 * writes nothing new unless the count changed, or a plan fix published since changed what the day
 * owes (correction lines, see `settleDay`).
 */
export function computeImpressionCommissionsOfOrg(
  ctx: TenantContext,
  lookbackDays = IMPRESSION_LOOKBACK_DAYS,
): Promise<number> {
  return computeDailyActionsOfOrg(ctx, lookbackDays, computeDay);
}

async function computeDay(ctx: TenantContext, executor: Executor, day: string, timeZone: string) {
  const { start, end } = localDayBounds(day, timeZone);
  if (end > ctx.services.clock.now()) return 0;
  const totals = await executor
    .select({
      enrollmentId: impressionStats.enrollmentId,
      programId: impressionStats.programId,
      impressions: sql<string>`sum(${impressionStats.impressions})::text`,
    })
    .from(impressionStats)
    .where(
      and(
        eq(impressionStats.orgId, ctx.orgId),
        gte(impressionStats.hour, start),
        lt(impressionStats.hour, end),
      ),
    )
    .groupBy(impressionStats.enrollmentId, impressionStats.programId)
    .having(sql`sum(${impressionStats.impressions}) > 0`);
  if (totals.length === 0) return 0;

  // what each rule, partner and day was paid so far (every line counts, whatever its status:
  // a rejected day stays decided, only new impressions are paid)
  const paid = await executor
    .select({
      sourceKey: commissionLines.sourceKey,
      amount: commissionLines.amountMinor,
      impressions: sql<string | null>`${commissionLines.explanation} -> 'action' ->> 'impressions'`,
    })
    .from(commissionLines)
    .where(
      and(
        eq(commissionLines.orgId, ctx.orgId),
        inArray(
          commissionLines.enrollmentId,
          totals.map((row) => row.enrollmentId),
        ),
        eq(commissionLines.earnedAt, start),
        like(commissionLines.sourceKey, 'cpm:%'),
      ),
    );

  const values: (typeof commissionLines.$inferInsert)[] = [];
  const owed = new Map<string, DayOwed>();
  for (const { total, partner, inForce } of await dayPartners(ctx, executor, totals, start, 'impression')) {
    const impressions = BigInt(total.impressions);
    const rounding = inForce.plan.settings.rounding;
    for (const rule of actionRulesFor(inForce.plan, { kind: 'impression' }, partner.groupId)) {
      const prefix = impressionDayKey(rule.id, partner.id, day);
      const exact = impressions * rule.amountMinor;
      const dayAmount = divideRounded(exact, 1000n, rounding);
      owed.set(prefix, { amountMinor: dayAmount, versionId: inForce.versionId });
      const earlier = paid.filter((line) => line.sourceKey.startsWith(prefix));
      const paidImpressions = earlier.reduce((most, line) => {
        const count = BigInt(line.impressions ?? '0');
        return count > most ? count : most;
      }, 0n);
      if (impressions <= paidImpressions) continue;
      const paidBefore = earlier.reduce((sum, line) => sum + line.amount, 0n);
      const amount = dayAmount - paidBefore;
      // less than a rounding unit's worth: left for when more impressions arrive
      if (amount === 0n) continue;
      const explanation: ImpressionActionExplanation = {
        rule: ruleRef(rule),
        action: {
          event: 'impression',
          day,
          timeZone,
          impressions: impressions.toString(),
          ...(earlier.length > 0
            ? { paidBefore: { impressions: paidImpressions.toString(), amountMinor: paidBefore.toString() } }
            : {}),
        },
        calc: {
          type: 'per_mille',
          amountMinor: rule.amountMinor.toString(),
          quantity: impressions.toString(),
        },
        exact: `${exact}/1000`,
        rounding,
      };
      values.push(
        dayActionLine(ctx, {
          partner,
          versionId: inForce.versionId,
          ruleId: rule.id,
          sourceKey: `${prefix}${impressions}`,
          amountMinor: amount,
          rounding,
          explanation,
          day: { start, end },
        }),
      );
    }
  }
  return writeDay(ctx, executor, values, {
    prefix: 'cpm:',
    start,
    owed,
    dayKeyOf: (sourceKey) => sourceKey.slice(0, sourceKey.lastIndexOf(':') + 1),
  });
}
