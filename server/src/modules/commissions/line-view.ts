import type { commissionLines, ledgerEntries } from './schema';

type Line = typeof commissionLines.$inferSelect;
type Entry = typeof ledgerEntries.$inferSelect;

/** A commission line for the API: money as strings of minor units, the explanation as stored. */
export function toLineView(line: Line) {
  return {
    id: line.id,
    enrollmentId: line.enrollmentId,
    programId: line.programId,
    planVersionId: line.planVersionId,
    ruleId: line.ruleId,
    kind: line.kind,
    orderId: line.orderId,
    lineNo: line.lineNo,
    conversionId: line.conversionId,
    reversesLineId: line.reversesLineId,
    level: line.level,
    currency: line.currency,
    baseMinor: line.baseMinor.toString(),
    ratePpm: line.ratePpm?.toString() ?? null,
    amountMinor: line.amountMinor.toString(),
    rounding: line.rounding,
    status: line.status,
    explanation: line.explanation as Record<string, unknown>,
    holdUntil: line.holdUntil?.toISOString() ?? null,
    decidedBy: line.decidedBy,
    decidedAt: line.decidedAt?.toISOString() ?? null,
    decisionReason: line.decisionReason,
    earnedAt: line.earnedAt.toISOString(),
    createdAt: line.createdAt.toISOString(),
  };
}
export type LineView = ReturnType<typeof toLineView>;

export function toEntryView(entry: Entry) {
  return {
    id: entry.id,
    enrollmentId: entry.enrollmentId,
    currency: entry.currency,
    bucket: entry.bucket,
    amountMinor: entry.amountMinor.toString(),
    kind: entry.kind,
    commissionLineId: entry.commissionLineId,
    orderId: entry.orderId,
    payoutId: entry.payoutId,
    memo: entry.memo,
    createdAt: entry.createdAt.toISOString(),
  };
}
