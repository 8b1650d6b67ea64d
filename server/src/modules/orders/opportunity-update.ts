import { and, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import type { NotificationKind } from '../notifications';
import { notifyEnrollmentPartner } from './alerts-recipients';
import { getOpportunityRow, toStaffOpportunity } from './opportunity-find';
import { type OpportunityStatus, opportunities } from './schema';

/**
 * The pipeline's moves. Won is final (a won opportunity has, or is about to get, its order); a
 * lost one can be reopened.
 */
export const OPPORTUNITY_MOVES: Record<OpportunityStatus, readonly OpportunityStatus[]> = {
  new: ['contacted', 'won', 'lost'],
  contacted: ['new', 'won', 'lost'],
  lost: ['new', 'contacted'],
  won: [],
};

const NOTIFIED: Partial<Record<OpportunityStatus, NotificationKind>> = {
  contacted: 'opportunity_contacted',
  won: 'opportunity_won',
  lost: 'opportunity_lost',
};

export type OpportunityPatch = {
  status?: OpportunityStatus;
  /** Required to mark an opportunity lost. */
  reason?: string | null;
  need?: string;
  estimatedValueMinor?: bigint | null;
};

/** Staff move an opportunity through the pipeline (and may edit what is needed); the CTV is told. */
export async function updateOpportunity(ctx: TenantContext, opportunityId: string, patch: OpportunityPatch) {
  return ctx.services.db.transaction(async (tx) => {
    const before = await getOpportunityRow(ctx, tx, opportunityId, { forUpdate: true });
    const moving = patch.status !== undefined && patch.status !== before.status;
    if (moving && !OPPORTUNITY_MOVES[before.status].includes(patch.status!)) {
      throw new AppError(
        'unprocessable',
        `An opportunity cannot move from ${before.status} to ${patch.status}`,
        {
          details: [
            {
              path: 'body.status',
              message: `Allowed: ${OPPORTUNITY_MOVES[before.status].join(', ') || 'none'}`,
            },
          ],
        },
      );
    }
    if (moving && patch.status === 'lost' && !patch.reason?.trim()) {
      throw new AppError('validation_failed', 'Say why the opportunity was lost', {
        details: [{ path: 'body.reason', message: 'A reason is needed to mark it lost' }],
      });
    }
    const now = ctx.services.clock.now();
    const [after] = await tx
      .update(opportunities)
      .set({
        ...(moving
          ? { status: patch.status, statusReason: patch.status === 'lost' ? patch.reason!.trim() : null }
          : {}),
        ...(patch.need !== undefined ? { need: patch.need } : {}),
        ...(patch.estimatedValueMinor !== undefined
          ? { estimatedValueMinor: patch.estimatedValueMinor }
          : {}),
        updatedAt: now,
      })
      .where(and(eq(opportunities.orgId, ctx.orgId), eq(opportunities.id, opportunityId)))
      .returning();
    await recordAudit(ctx, tx, {
      action: moving ? 'opportunity.status_changed' : 'opportunity.updated',
      entityType: 'opportunity',
      entityId: opportunityId,
      before: {
        status: before.status,
        need: before.need,
        estimatedValueMinor: before.estimatedValueMinor?.toString() ?? null,
      },
      after: {
        status: after!.status,
        reason: after!.statusReason,
        need: after!.need,
        estimatedValueMinor: after!.estimatedValueMinor?.toString() ?? null,
      },
    });
    const kind = moving ? NOTIFIED[after!.status] : undefined;
    if (kind) {
      await notifyEnrollmentPartner(ctx, tx, {
        enrollmentId: after!.enrollmentId,
        kind,
        params: {
          customerName: after!.customerName,
          ...(after!.statusReason ? { reason: after!.statusReason } : {}),
        },
      });
    }
    return toStaffOpportunity(ctx, tx, after!);
  });
}
