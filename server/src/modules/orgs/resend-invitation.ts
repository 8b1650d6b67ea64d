import { and, eq } from 'drizzle-orm';
import { conflict } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { getInvitationRow } from './find-invitations';
import { getOrganisationRow } from './get-organisation';
import { type InvitationView, invitationStatus, toInvitationView } from './invitation-status';
import { invitations } from './schema';
import { sendInvitationMail } from './send-invitation-mail';

/** Sends a pending or expired invitation again with a new link, valid 7 days; the old link stops working. */
export async function resendInvitation(ctx: TenantContext, invitationId: string): Promise<InvitationView> {
  const { db, clock } = ctx.services;
  return db.transaction(async (tx) => {
    const row = await getInvitationRow(ctx, tx, invitationId);
    const now = clock.now();
    const status = invitationStatus(row, now);
    if (status === 'accepted' || status === 'revoked') {
      throw conflict(`This invitation was ${status} and cannot be sent again`);
    }
    const org = await getOrganisationRow(ctx, tx);
    const { tokenHash, expiresAt } = await sendInvitationMail(ctx, tx, {
      email: row.email,
      role: row.role,
      inviterName: row.inviterName,
      org,
    });
    const [updated] = await tx
      .update(invitations)
      .set({ tokenHash, expiresAt })
      .where(and(eq(invitations.orgId, ctx.orgId), eq(invitations.id, invitationId)))
      .returning();
    await recordAudit(ctx, tx, {
      action: 'invitation.resent',
      entityType: 'invitation',
      entityId: invitationId,
      before: { expiresAt: row.expiresAt },
      after: { expiresAt },
    });
    return toInvitationView(updated!, now);
  });
}
