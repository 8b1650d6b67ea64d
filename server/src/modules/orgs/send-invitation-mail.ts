import { randomToken } from '../../platform/crypto';
import type { Executor } from '../../platform/db';
import type { RoleName } from '../../platform/permissions';
import type { TenantContext } from '../../platform/services';
import { sendMail } from '../mail';
import { INVITATION_MS } from './invitation-status';
import { roleLabel } from './role-labels';

/**
 * Makes a fresh token for an invitation and queues the mail carrying its link, in the caller's
 * transaction. Only the token's hash is stored; the link is the only place the token exists.
 */
export async function sendInvitationMail(
  ctx: TenantContext,
  tx: Executor,
  invitation: { email: string; role: RoleName; inviterName: string; org: { name: string; locale: string } },
): Promise<{ tokenHash: string; expiresAt: Date }> {
  const { services } = ctx;
  const token = randomToken();
  const expiresAt = new Date(services.clock.now().getTime() + INVITATION_MS);
  await sendMail(services, tx, {
    to: invitation.email,
    template: 'invitation',
    locale: invitation.org.locale,
    orgId: ctx.orgId,
    vars: {
      inviterName: invitation.inviterName,
      orgName: invitation.org.name,
      role: roleLabel(invitation.org.locale, invitation.role),
      link: `${services.config.appUrl}/invitations/accept?token=${encodeURIComponent(token)}`,
    },
  });
  return { tokenHash: services.keys.hashToken(token), expiresAt };
}
