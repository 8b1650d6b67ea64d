import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { conflict, forbidden } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { canGrantRole, type RoleName } from '../../platform/permissions';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { identities, normaliseEmail } from '../auth';
import { actorRole } from './actor';
import { getOrganisationRow } from './get-organisation';
import { type InvitationView, toInvitationView } from './invitation-status';
import { invitations, orgMembers } from './schema';
import { sendInvitationMail } from './send-invitation-mail';

/**
 * Invites a person by email with a role the inviter may grant. A pending invitation of the same
 * email is replaced (its link stops working); inviting someone already on the staff is refused.
 */
export async function createInvitation(
  ctx: TenantContext,
  input: { email: string; role: RoleName },
): Promise<InvitationView> {
  const { db, clock } = ctx.services;
  const email = normaliseEmail(input.email);
  if (!canGrantRole(actorRole(ctx), input.role)) {
    throw forbidden('You cannot invite someone with a role above your own');
  }
  return db.transaction(async (tx) => {
    const org = await getOrganisationRow(ctx, tx, { forUpdate: true });
    const now = clock.now();
    const [existing] = await tx
      .select({ id: orgMembers.id })
      .from(orgMembers)
      .innerJoin(identities, eq(identities.id, orgMembers.identityId))
      .where(and(eq(orgMembers.orgId, ctx.orgId), sql`lower(${identities.email}) = ${email}`));
    if (existing) {
      const message = 'This person is already a member of the organisation';
      throw conflict(message, [{ path: 'body.email', message }]);
    }
    const replaced = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(invitations.orgId, ctx.orgId),
          eq(invitations.email, email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, now),
        ),
      )
      .returning({ id: invitations.id });
    const inviterName = ctx.actor.label;
    const { tokenHash, expiresAt } = await sendInvitationMail(ctx, tx, {
      email,
      role: input.role,
      inviterName,
      org,
    });
    const [row] = await tx
      .insert(invitations)
      .values({
        orgId: ctx.orgId,
        id: newId('invitation', now.getTime()),
        email,
        role: input.role,
        tokenHash,
        invitedBy: ctx.actor.type === 'system' ? null : ctx.actor.id,
        inviterName,
        expiresAt,
        createdAt: now,
      })
      .returning();
    const view = toInvitationView(row!, now);
    await recordAudit(ctx, tx, {
      action: 'invitation.created',
      entityType: 'invitation',
      entityId: view.id,
      after: { email, role: input.role, expiresAt: view.expiresAt, replaced: replaced.map((r) => r.id) },
    });
    return view;
  });
}
