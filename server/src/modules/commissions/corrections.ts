import { newId } from '../../platform/ids';
import type { TenantContext } from '../../platform/services';
import type { CommissionLineStatus, commissionLines } from './schema';

type Line = Pick<typeof commissionLines.$inferSelect, 'id' | 'kind' | 'reversesLineId' | 'amountMinor'>;
type NewLine = typeof commissionLines.$inferInsert;

/** The correction lines written so far for a line, among the lines of its order or conversion. */
export function correctionsOf<T extends Line>(line: Line, lines: T[]): T[] {
  return lines.filter((l) => l.kind === 'correction' && l.reversesLineId === line.id);
}

/** What a line is worth now: its amount plus the corrections written for it. */
export function correctedAmount(line: Line, lines: Line[]): bigint {
  return correctionsOf(line, lines).reduce((sum, c) => sum + c.amountMinor, line.amountMinor);
}

/**
 * A correction of `prior`: a new line for the difference between what it is worth now and what it
 * is owed, never an edit. It keeps the line's partner, program, rule, source (order and item, or
 * conversion), level, currency and rounding, and explains both amounts; a line no longer earned at
 * all says so.
 */
export function correctionLine(
  ctx: TenantContext,
  prior: typeof commissionLines.$inferSelect,
  input: {
    previousMinor: bigint;
    newMinor: bigint;
    /** False when nothing pays the line any more (the rule was dropped, the order lost its partner). */
    stillEarned: boolean;
    /** The nth correction of the line; its key is the line's key with `:c{n}`, unless given. */
    sequence: number;
    sourceKey?: string;
    /** The version whose computation asked for the correction (a plan fix names the new version). */
    versionId: string | null;
    status: CommissionLineStatus;
    holdUntil: Date | null;
    earnedAt: Date;
    /** The recomputed line, when the correction comes from computing it again. */
    recomputed?: { baseMinor: bigint; ratePpm: bigint | null; explanation: NewLine['explanation'] };
  },
): NewLine {
  const now = ctx.services.clock.now();
  const { recomputed } = input;
  return {
    orgId: ctx.orgId,
    id: newId('commissionLine'),
    enrollmentId: prior.enrollmentId,
    programId: prior.programId,
    planVersionId: input.versionId,
    ruleId: prior.ruleId,
    kind: 'correction',
    orderId: prior.orderId,
    lineNo: prior.lineNo,
    conversionId: prior.conversionId,
    reversesLineId: prior.id,
    sourceKey: input.sourceKey ?? `${prior.sourceKey}:c${input.sequence}`,
    level: prior.level,
    currency: prior.currency,
    baseMinor: recomputed?.baseMinor ?? 0n,
    ratePpm: recomputed?.ratePpm ?? null,
    amountMinor: input.newMinor - input.previousMinor,
    rounding: prior.rounding,
    status: input.status,
    holdUntil: input.holdUntil,
    explanation: {
      correction: {
        ofLineId: prior.id,
        previousMinor: input.previousMinor.toString(),
        newMinor: input.newMinor.toString(),
      },
      ...(recomputed ? { recomputed: recomputed.explanation } : {}),
      ...(input.stillEarned ? {} : { reason: 'no_longer_earned' }),
    },
    earnedAt: input.earnedAt,
    createdAt: now,
    updatedAt: now,
  };
}
