import { and, eq } from 'drizzle-orm';
import { AppError, mapDatabaseError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { Services } from '../../platform/services';
import { recordAudit } from '../audit';
import { assertPasswordStrength, createIdentity, findIdentityByLogin, verifyPassword } from '../auth';
import type { AcceptInvitationInput } from './invitation-schemas';
import { invitationStatus } from './invitation-status';
import { invitations, orgMembers, orgs } from './schema';

/** The invitation a link's token names, with its organisation; unsafe: the token is the credential. */
export async function unsafeFindInvitationByToken(services: Services, token: string) {
  const [row] = await services.db
    .select({ invitation: invitations, orgName: orgs.name })
    .from(invitations)
    .innerJoin(orgs, eq(orgs.id, invitations.orgId))
    .where(eq(invitations.tokenHash, services.keys.hashToken(token)));
  if (!row) throw notFound('Invitation');
  const identity = await findIdentityByLogin(services.db, { email: row.invitation.email });
  return {
    orgName: row.orgName,
    email: row.invitation.email,
    role: row.invitation.role,
    inviterName: row.invitation.inviterName,
    accountExists: Boolean(identity),
    status: invitationStatus(row.invitation, services.clock.now()),
  };
}

/**
 * Accepts an invitation from its link, once. A person who already has an account proves it with
 * their password; anyone else gets a new account, its email verified by the link itself.
 */
export async function acceptInvitation(services: Services, input: AcceptInvitationInput) {
  const now = services.clock.now();
  try {
    return await services.db.transaction(async (tx) => {
      const [invitation] = await tx
        .select()
        .from(invitations)
        .where(eq(invitations.tokenHash, services.keys.hashToken(input.token)))
        .for('update');
      if (!invitation) throw notFound('Invitation');
      const status = invitationStatus(invitation, now);
      if (status !== 'pending') {
        const reasons = {
          accepted: 'This invitation was already used',
          revoked: 'This invitation was withdrawn',
          expired: 'This invitation has expired: ask for a new one',
        };
        throw new AppError('unprocessable', reasons[status]);
      }
      let identity = await findIdentityByLogin(tx, { email: invitation.email });
      if (identity) {
        if (!identity.passwordHash || !(await verifyPassword(identity.passwordHash, input.password))) {
          throw new AppError('unauthenticated', 'The password does not match the account of this email');
        }
      } else {
        if (!input.fullName) {
          throw new AppError('validation_failed', 'Your name is needed to create the account', {
            details: [{ path: 'body.fullName', message: 'Required' }],
          });
        }
        assertPasswordStrength(input.password);
        identity = await createIdentity(services, tx, {
          email: invitation.email,
          fullName: input.fullName,
          password: input.password,
          emailVerified: true,
        });
      }
      const memberId = newId('member', now.getTime());
      await tx.insert(orgMembers).values({
        orgId: invitation.orgId,
        id: memberId,
        identityId: identity.id,
        role: invitation.role,
        createdAt: now,
        updatedAt: now,
      });
      await tx
        .update(invitations)
        .set({ acceptedAt: now })
        .where(and(eq(invitations.orgId, invitation.orgId), eq(invitations.id, invitation.id)));
      const ctx = {
        orgId: invitation.orgId,
        services,
        actor: { type: 'system' as const, label: identity.fullName },
      };
      await recordAudit(ctx, tx, {
        action: 'invitation.accepted',
        entityType: 'invitation',
        entityId: invitation.id,
        after: { memberId, identityId: identity.id },
      });
      await recordAudit(ctx, tx, {
        action: 'member.joined',
        entityType: 'member',
        entityId: memberId,
        after: {
          identityId: identity.id,
          email: invitation.email,
          role: invitation.role,
          invitationId: invitation.id,
        },
      });
      return { orgId: invitation.orgId, email: invitation.email, memberId };
    });
  } catch (error) {
    throw mapDatabaseError(error, {
      org_members_org_identity_uq: 'You are already a member of this organisation',
    });
  }
}
