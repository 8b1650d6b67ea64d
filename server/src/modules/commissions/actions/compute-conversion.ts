import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import { newId } from '../../../platform/ids';
import type { TenantContext } from '../../../platform/services';
import { conversions } from '../../orders/schema';
import { enrollments } from '../../partners';
import { programs } from '../../programs/schema';
import { correctedAmount, correctionLine, correctionsOf } from '../corrections';
import { reconcileLedger } from '../ledger';
import { parsePlanVersion, versionInForce } from '../plans';
import { commissionLines } from '../schema';
import { actionRulesFor, type ConversionActionExplanation, ruleRef } from './action-rules';

type Line = typeof commissionLines.$inferSelect;

const DAY_MS = 86_400_000;

/** The key of a conversion's line for one rule: computing the conversion again writes nothing. */
export const conversionLineKey = (conversionId: string, ruleId: string) => `cv:${conversionId}:${ruleId}`;

/**
 * CPL/CPA: the action lines a conversion (lead, sign-up, custom) earns its credited partner, from
 * the action rules of the plan version in force when it happened — a fixed amount per conversion.
 * There is no completion to wait for, so lines are held for the program's hold days from the
 * conversion's time (the release job makes them payable); flagged conversions wait in review.
 * Lines written under an earlier version (a plan fix published in force from before the
 * conversion) get correction lines for the difference. Running it again writes nothing.
 */
export async function computeConversionCommission(
  ctx: TenantContext,
  executor: Executor,
  conversionId: string,
): Promise<{ lines: Line[] }> {
  const [conversion] = await executor
    .select()
    .from(conversions)
    .where(and(eq(conversions.orgId, ctx.orgId), eq(conversions.id, conversionId)));
  if (!conversion?.enrollmentId || !conversion.programId) return { lines: [] };
  const [row] = await executor
    .select({ enrollment: enrollments, currency: programs.currency, holdDays: programs.holdDays })
    .from(enrollments)
    .innerJoin(programs, and(eq(programs.orgId, enrollments.orgId), eq(programs.id, enrollments.programId)))
    .where(and(eq(enrollments.orgId, ctx.orgId), eq(enrollments.id, conversion.enrollmentId)));
  if (!row || row.enrollment.programId !== conversion.programId) return { lines: [] };
  const version = await versionInForce(ctx, executor, conversion.programId, conversion.occurredAt);
  if (!version) return { lines: [] };
  const plan = parsePlanVersion(version);
  const rules = actionRulesFor(
    plan,
    { kind: conversion.kind, name: conversion.name },
    row.enrollment.groupId,
  );
  const now = ctx.services.clock.now();
  const flagged = conversion.flags.length > 0;
  const holdUntil = new Date(conversion.occurredAt.getTime() + row.holdDays * DAY_MS);
  const values = rules.map((rule): typeof commissionLines.$inferInsert => {
    const explanation: ConversionActionExplanation = {
      rule: ruleRef(rule),
      action: {
        event: conversion.kind,
        name: conversion.name,
        conversionId: conversion.id,
        occurredAt: conversion.occurredAt.toISOString(),
      },
      calc: { type: 'fixed_per_action', amountMinor: rule.amountMinor.toString() },
      exact: `${rule.amountMinor}/1`,
      rounding: 'half_up',
    };
    return {
      orgId: ctx.orgId,
      id: newId('commissionLine'),
      enrollmentId: row.enrollment.id,
      programId: conversion.programId!,
      planVersionId: version.id,
      ruleId: rule.id,
      kind: 'action',
      conversionId: conversion.id,
      sourceKey: conversionLineKey(conversion.id, rule.id),
      currency: row.currency,
      baseMinor: 0n,
      ratePpm: null,
      amountMinor: rule.amountMinor,
      rounding: 'half_up',
      status: flagged ? 'review' : 'on_hold',
      holdUntil: flagged ? null : holdUntil,
      explanation,
      earnedAt: conversion.occurredAt,
      createdAt: now,
      updatedAt: now,
    };
  });
  const created =
    values.length === 0
      ? []
      : await executor.insert(commissionLines).values(values).onConflictDoNothing().returning();
  // lines written under another version (a plan fix published since) are corrected, never edited
  const existing = await executor
    .select()
    .from(commissionLines)
    .where(and(eq(commissionLines.orgId, ctx.orgId), eq(commissionLines.conversionId, conversion.id)));
  const owed = new Map(rules.map((rule) => [conversionLineKey(conversion.id, rule.id), rule.amountMinor]));
  const corrections = existing
    .filter((line) => line.kind === 'action' && line.status !== 'rejected' && line.status !== 'void')
    .flatMap((line): (typeof commissionLines.$inferInsert)[] => {
      const earlier = correctionsOf(line, existing);
      const effective = correctedAmount(line, existing);
      const target = owed.get(line.sourceKey) ?? 0n;
      if (target === effective) return [];
      return [
        correctionLine(ctx, line, {
          previousMinor: effective,
          newMinor: target,
          stillEarned: owed.has(line.sourceKey),
          sequence: earlier.length + 1,
          versionId: version.id,
          status: flagged ? 'review' : 'on_hold',
          holdUntil: flagged ? null : holdUntil,
          earnedAt: conversion.occurredAt,
        }),
      ];
    });
  const corrected =
    corrections.length === 0
      ? []
      : await executor.insert(commissionLines).values(corrections).onConflictDoNothing().returning();
  await reconcileLedger(ctx, executor, [...created, ...corrected]);
  const lines = await executor
    .select()
    .from(commissionLines)
    .where(and(eq(commissionLines.orgId, ctx.orgId), eq(commissionLines.conversionId, conversion.id)));
  return { lines };
}
