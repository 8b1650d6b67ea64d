import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { actorRole } from '../orgs';
import { ensureDefaultLink } from '../tracking';
import { recordEnrollmentEvent } from './create-enrollment';
import { assertStatusChange } from './enrollment-status-rules';
import { getEnrollmentById } from './get-enrollment';
import { notifyEnrollmentDecision } from './notify-enrollment-decision';
import { type EnrollmentStatus, enrollments } from './schema-enrollments';

export type StatusChange = { status: EnrollmentStatus; reason?: string | null };

/**
 * Moves an enrollment to another status (see enrollment-status-rules.ts for what may follow what),
 * keeping the reason, a 'status_changed' history event and an audit entry; mails the partner on
 * approval or rejection. The first approval stamps `approved_at`.
 */
export async function changeEnrollmentStatus(
  ctx: TenantContext,
  enrollmentId: string,
  change: StatusChange,
  executor: Executor = ctx.services.db,
) {
  return executor.transaction(async (tx) => {
    const before = await getEnrollmentById(ctx, tx, enrollmentId, { forUpdate: true });
    const reason = change.reason?.trim() || null;
    assertStatusChange({ from: before.status, to: change.status, role: actorRole(ctx), reason });
    const now = ctx.services.clock.now();
    const [after] = await tx
      .update(enrollments)
      .set({
        status: change.status,
        statusReason: reason,
        statusChangedAt: now,
        approvedAt: change.status === 'approved' ? (before.approvedAt ?? now) : before.approvedAt,
        updatedAt: now,
      })
      .where(and(eq(enrollments.orgId, ctx.orgId), eq(enrollments.id, enrollmentId)))
      .returning();
    await recordEnrollmentEvent(ctx, tx, {
      enrollmentId,
      type: 'status_changed',
      fromValue: before.status,
      toValue: change.status,
      reason,
    });
    await recordAudit(ctx, tx, {
      action: 'enrollment.status_changed',
      entityType: 'enrollment',
      entityId: enrollmentId,
      before: { status: before.status, reason: before.statusReason },
      after: { status: change.status, reason },
    });
    if (change.status === 'approved') await ensureDefaultLink(ctx, tx, after!);
    await notifyEnrollmentDecision(ctx, tx, after!);
    return after!;
  });
}
