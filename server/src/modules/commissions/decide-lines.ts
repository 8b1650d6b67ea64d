import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { orders } from '../orders/schema';
import { type LineFilters, lineConditions } from './find-lines';
import { reconcileLedger } from './ledger';
import { type CommissionLineStatus, commissionLines } from './schema';

export const MAX_DECISION = 5000;

/** The statuses a person can still decide on; reversals follow their line, not a decision. */
const UNDECIDED: CommissionLineStatus[] = ['pending', 'on_hold', 'review'];

/**
 * What a decision by this filter would cover, before anyone makes it: the undecided lines (not
 * reversals) and their amount per currency, and whether they fit in one decision.
 */
export async function undecidedSummary(ctx: TenantContext, executor: Executor, filter: LineFilters) {
  const rows = await executor
    .select({
      currency: commissionLines.currency,
      lines: sql<number>`count(*)::int`,
      amountMinor: sql<string>`coalesce(sum(${commissionLines.amountMinor}), 0)::text`,
    })
    .from(commissionLines)
    .where(
      and(
        ...lineConditions(ctx, filter),
        notInArray(commissionLines.kind, ['reversal']),
        inArray(commissionLines.status, UNDECIDED),
      ),
    )
    .groupBy(commissionLines.currency)
    .orderBy(commissionLines.currency);
  const lines = rows.reduce((sum, row) => sum + row.lines, 0);
  return {
    lines,
    totals: rows.map((row) => ({ currency: row.currency, amountMinor: row.amountMinor })),
    maxPerDecision: MAX_DECISION,
  };
}

export type Decision = { decision: 'approve'; reason?: string } | { decision: 'reject'; reason: string };

/**
 * An accountant's decision on lines, chosen by ids or by a filter. Approving makes a line payable
 * when its order is completed (the hold is waived) and lets a held line of a flagged order follow
 * its order; rejecting takes its amount out of every balance. Reversals follow their line, paid
 * or void lines are not decided again; the answer says what happened to each line asked for.
 */
export async function decideCommissionLines(
  ctx: TenantContext,
  executor: Executor,
  input: Decision & { lineIds?: string[]; filter?: LineFilters },
): Promise<{ decided: number; skipped: { id: string; reason: string }[] }> {
  if (!input.lineIds?.length && !input.filter) {
    throw new AppError('validation_failed', 'Name the lines to decide: lineIds or a filter');
  }
  if (input.decision === 'reject' && !input.reason?.trim()) {
    throw new AppError('validation_failed', 'A rejection needs a reason', {
      details: [{ path: 'reason', message: 'Required when rejecting' }],
    });
  }
  const conditions = lineConditions(ctx, input.filter ?? {});
  if (input.lineIds?.length) conditions.push(inArray(commissionLines.id, input.lineIds));
  conditions.push(notInArray(commissionLines.kind, ['reversal']));
  const lines = await executor
    .select({ line: commissionLines, orderStatus: orders.status, completedAt: orders.completedAt })
    .from(commissionLines)
    .leftJoin(orders, and(eq(orders.orgId, commissionLines.orgId), eq(orders.id, commissionLines.orderId)))
    .where(and(...conditions))
    .limit(MAX_DECISION + 1);
  if (lines.length > MAX_DECISION) {
    throw new AppError('validation_failed', `At most ${MAX_DECISION} lines at once; narrow the filter`);
  }
  const now = ctx.services.clock.now();
  const actor = ctx.actor.type === 'system' ? null : ctx.actor.id;
  const skipped: { id: string; reason: string }[] = [];
  const found = new Set(lines.map((row) => row.line.id));
  for (const id of input.lineIds ?? []) if (!found.has(id)) skipped.push({ id, reason: 'not_found' });
  const changed: (typeof commissionLines.$inferSelect)[] = [];
  for (const { line, completedAt } of lines) {
    if (!UNDECIDED.includes(line.status)) {
      skipped.push({ id: line.id, reason: `already_${line.status}` });
      continue;
    }
    const status =
      input.decision === 'reject' ? 'rejected' : completedAt || !line.orderId ? 'approved' : 'pending';
    const [updated] = await executor
      .update(commissionLines)
      .set({
        status,
        decidedAt: now,
        decidedBy: actor,
        decisionReason: input.reason?.trim() || null,
        updatedAt: now,
      })
      .where(and(eq(commissionLines.orgId, ctx.orgId), eq(commissionLines.id, line.id)))
      .returning();
    changed.push(updated!);
    // reversals and corrections of a decided line follow it
    const followers = await executor
      .update(commissionLines)
      .set({ status, updatedAt: now })
      .where(
        and(
          eq(commissionLines.orgId, ctx.orgId),
          eq(commissionLines.reversesLineId, line.id),
          inArray(commissionLines.status, UNDECIDED),
        ),
      )
      .returning();
    changed.push(...followers);
  }
  await reconcileLedger(ctx, executor, changed);
  if (changed.length > 0) {
    await recordAudit(ctx, executor, {
      action: input.decision === 'approve' ? 'commissions.approved' : 'commissions.rejected',
      entityType: 'commission_line',
      after: { lineIds: changed.map((line) => line.id), reason: input.reason ?? null },
    });
  }
  return { decided: changed.length, skipped };
}
