import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { enrollments } from '../partners';
import { programs } from '../programs/schema';
import { reconcileLedger } from './ledger';
import { toLineView } from './line-view';
import { commissionLines } from './schema';

export type IncidentalInput = {
  enrollmentId: string;
  /** Positive for a bonus, negative for a penalty. */
  amountMinor: bigint;
  reason: string;
  /** Names the entry so a retried request or a re-imported row writes it once. */
  reference?: string;
};

/**
 * CK phát sinh: a one-off bonus or penalty with a reason, entered by staff. It waits in review
 * until an accountant approves it; then it is payable (or, negative, reduces what is payable).
 */
export async function addIncidental(ctx: TenantContext, executor: Executor, input: IncidentalInput) {
  return toLineView((await addIncidentalLine(ctx, executor, input)).line);
}

/** `addIncidental`, saying whether the line is new or was already there under its reference. */
export async function addIncidentalLine(
  ctx: TenantContext,
  executor: Executor,
  input: IncidentalInput,
): Promise<{ line: typeof commissionLines.$inferSelect; created: boolean }> {
  if (input.amountMinor === 0n) {
    throw new AppError('validation_failed', 'The amount cannot be zero', {
      details: [{ path: 'amountMinor', message: 'A bonus is positive, a penalty negative' }],
    });
  }
  const [row] = await executor
    .select({ enrollment: enrollments, currency: programs.currency })
    .from(enrollments)
    .innerJoin(programs, and(eq(programs.orgId, enrollments.orgId), eq(programs.id, enrollments.programId)))
    .where(and(eq(enrollments.orgId, ctx.orgId), eq(enrollments.id, input.enrollmentId)));
  if (!row) throw notFound('Enrollment');
  const now = ctx.services.clock.now();
  const id = newId('commissionLine');
  const sourceKey = `incidental:${input.reference?.trim() || id}`;
  await executor
    .insert(commissionLines)
    .values({
      orgId: ctx.orgId,
      id,
      enrollmentId: row.enrollment.id,
      programId: row.enrollment.programId,
      kind: 'incidental',
      sourceKey,
      currency: row.currency,
      baseMinor: 0n,
      amountMinor: input.amountMinor,
      rounding: 'half_up',
      status: 'review',
      explanation: { incidental: { reason: input.reason.trim(), enteredBy: ctx.actor.label } },
      earnedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing();
  const [line] = await executor
    .select()
    .from(commissionLines)
    .where(and(eq(commissionLines.orgId, ctx.orgId), eq(commissionLines.sourceKey, sourceKey)));
  if (line!.id === id) {
    await reconcileLedger(ctx, executor, [line!]);
    await recordAudit(ctx, executor, {
      action: 'commissions.incidental_added',
      entityType: 'commission_line',
      entityId: id,
      after: {
        enrollmentId: line!.enrollmentId,
        amountMinor: input.amountMinor.toString(),
        reason: input.reason,
      },
    });
  }
  return { line: line!, created: line!.id === id };
}
