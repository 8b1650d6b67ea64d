import { and, eq, inArray, like, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import { newId } from '../../../platform/ids';
import { addDays, localDayOf } from '../../../platform/local-days';
import type { Services, TenantContext } from '../../../platform/services';
import { orgs } from '../../orgs/schema';
import { enrollments } from '../../partners';
import { programs } from '../../programs/schema';
import { correctionLine } from '../corrections';
import { reconcileLedger } from '../ledger';
import { parsePlanVersion, versionInForce } from '../plans';
import { commissionLines, commissionPlanVersions } from '../schema';
import { type ActionEvent, hasActionRule } from './action-rules';

const DAY_MS = 86_400_000;

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
function partnersOf(ctx: TenantContext, executor: Executor, enrollmentIds: string[]) {
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
async function planWithActionRule(
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

type DayPartner = Awaited<ReturnType<typeof partnersOf>>[number];
type PlanInForce = NonNullable<Awaited<ReturnType<typeof planWithActionRule>>>;

/**
 * Each of a day's totals with its partner and the plan version in force at the day's start, when
 * that version pays the event (totals of unknown partners, or of another program, are left out).
 * Each program's version is read once.
 */
export async function dayPartners<Total extends { enrollmentId: string; programId: string }>(
  ctx: TenantContext,
  executor: Executor,
  totals: Total[],
  start: Date,
  event: ActionEvent,
): Promise<{ total: Total; partner: DayPartner; inForce: PlanInForce }[]> {
  const partners = await partnersOf(
    ctx,
    executor,
    totals.map((row) => row.enrollmentId),
  );
  const plans = new Map<string, PlanInForce | undefined>();
  const found: { total: Total; partner: DayPartner; inForce: PlanInForce }[] = [];
  for (const total of totals) {
    const partner = partners.find((p) => p.id === total.enrollmentId);
    if (!partner || partner.programId !== total.programId) continue;
    if (!plans.has(partner.programId))
      plans.set(partner.programId, await planWithActionRule(ctx, executor, partner.programId, start, event));
    const inForce = plans.get(partner.programId);
    if (inForce) found.push({ total, partner, inForce });
  }
  return found;
}

/**
 * A new action line of a day for one rule and partner, earned at the day's start and held for the
 * program's hold days from the day's end.
 */
export function dayActionLine(
  ctx: TenantContext,
  input: {
    partner: DayPartner;
    versionId: string;
    ruleId: string;
    sourceKey: string;
    amountMinor: bigint;
    rounding: 'half_up' | 'half_even';
    explanation: (typeof commissionLines.$inferInsert)['explanation'];
    day: { start: Date; end: Date };
  },
): typeof commissionLines.$inferInsert {
  const now = ctx.services.clock.now();
  return {
    orgId: ctx.orgId,
    id: newId('commissionLine'),
    enrollmentId: input.partner.id,
    programId: input.partner.programId,
    planVersionId: input.versionId,
    ruleId: input.ruleId,
    kind: 'action',
    sourceKey: input.sourceKey,
    currency: input.partner.currency,
    baseMinor: 0n,
    ratePpm: null,
    amountMinor: input.amountMinor,
    rounding: input.rounding,
    status: 'on_hold',
    holdUntil: new Date(input.day.end.getTime() + input.partner.holdDays * DAY_MS),
    explanation: input.explanation,
    earnedAt: input.day.start,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Writes a day's new action lines (each once), settles the day against what it owes now
 * (`settleDay`) and books both in the ledger. Answers how many lines were written.
 */
export async function writeDay(
  ctx: TenantContext,
  executor: Executor,
  values: (typeof commissionLines.$inferInsert)[],
  settle: Parameters<typeof settleDay>[2],
): Promise<number> {
  const created =
    values.length === 0
      ? []
      : await executor.insert(commissionLines).values(values).onConflictDoNothing().returning();
  // a day paid under an earlier version (a plan fix in force from before it) is corrected
  const corrected = await settleDay(ctx, executor, settle);
  await reconcileLedger(ctx, executor, [...created, ...corrected]);
  return created.length + corrected.length;
}

/** What one rule owes one partner for a day, under the version in force at the day's start. */
export type DayOwed = { amountMinor: bigint; versionId: string };

/**
 * Brings what each rule paid each partner for a day (its action lines and their corrections, keyed
 * by `dayKeyOf`) to what it owes now: a plan fix published in force from before the day changes the
 * amount, a fix that drops the rule owes nothing. The difference is a correction line, never an
 * edit; a day with a rejected or void line stays as decided. Answers the lines written.
 */
export async function settleDay(
  ctx: TenantContext,
  executor: Executor,
  input: {
    /** `cpc:` or `cpm:`: the source keys of the event's lines. */
    prefix: string;
    start: Date;
    owed: Map<string, DayOwed>;
    dayKeyOf: (sourceKey: string) => string;
  },
) {
  const lines = await executor
    .select()
    .from(commissionLines)
    .where(
      and(
        eq(commissionLines.orgId, ctx.orgId),
        eq(commissionLines.earnedAt, input.start),
        like(commissionLines.sourceKey, `${input.prefix}%`),
      ),
    )
    .orderBy(commissionLines.createdAt, commissionLines.id);
  const days = new Map<string, (typeof lines)[number][]>();
  for (const line of lines) {
    const key = input.dayKeyOf(line.sourceKey);
    days.set(key, [...(days.get(key) ?? []), line]);
  }
  const corrections: (typeof commissionLines.$inferInsert)[] = [];
  for (const [key, paid] of days) {
    if (paid.some((line) => line.status === 'rejected' || line.status === 'void')) continue;
    const first = paid.find((line) => line.kind === 'action');
    if (!first) continue;
    const paidMinor = paid.reduce((sum, line) => sum + line.amountMinor, 0n);
    const owed = input.owed.get(key);
    const owedMinor = owed?.amountMinor ?? 0n;
    if (owedMinor === paidMinor) continue;
    const earlier = paid.filter((line) => line.kind === 'correction').length;
    corrections.push(
      correctionLine(ctx, first, {
        previousMinor: paidMinor,
        newMinor: owedMinor,
        stillEarned: owed !== undefined,
        sequence: earlier + 1,
        sourceKey: `${key}${key.endsWith(':') ? '' : ':'}c${earlier + 1}`,
        versionId: owed?.versionId ?? first.planVersionId,
        status: 'on_hold',
        holdUntil: first.holdUntil,
        earnedAt: input.start,
      }),
    );
  }
  if (corrections.length === 0) return [];
  return executor.insert(commissionLines).values(corrections).onConflictDoNothing().returning();
}
