import { and, eq } from 'drizzle-orm';
import { conflict } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { getInvitationRow } from './find-invitations';
import { invitationStatus } from './invitation-status';
import { invitations } from './schema';

/** Withdraws an invitation so its link stops working. Revoking twice changes nothing. */
export async function revokeInvitation(ctx: TenantContext, invitationId: string): Promise<void> {
  const { db, clock } = ctx.services;
  await db.transaction(async (tx) => {
    const row = await getInvitationRow(ctx, tx, invitationId);
    const now = clock.now();
    const status = invitationStatus(row, now);
    if (status === 'accepted')
      throw conflict('This invitation was already accepted: remove the member instead');
    if (status === 'revoked') return;
    await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.orgId, ctx.orgId), eq(invitations.id, invitationId)));
    await recordAudit(ctx, tx, {
      action: 'invitation.revoked',
      entityType: 'invitation',
      entityId: invitationId,
      before: { status },
      after: { status: 'revoked' },
    });
  });
}
