import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { getProgramById } from './get-program';
import { inviteUrlOf } from './program-invitations';
import { programInvitations } from './schema';

/** The token of a shareable link is derived from its row, so the link can be shown again. */
function linkToken(ctx: TenantContext, invitationId: string): string {
  return ctx.services.keys.hashToken(`program-invite-link:${invitationId}`).slice(0, 43);
}

/**
 * The program's shareable invitation link (multi-use, no expiry), made on first request;
 * `rotate` revokes the current link and makes a new one.
 */
export async function getProgramInviteLink(ctx: TenantContext, programId: string, rotate = false) {
  const { db, clock, keys, config } = ctx.services;
  return db.transaction(async (tx) => {
    const program = await getProgramById(ctx, tx, programId);
    const active = and(
      eq(programInvitations.orgId, ctx.orgId),
      eq(programInvitations.programId, programId),
      eq(programInvitations.kind, 'link'),
      isNull(programInvitations.revokedAt),
    );
    const now = clock.now();
    let [row] = await tx.select().from(programInvitations).where(active);
    if (row && rotate) {
      await tx.update(programInvitations).set({ revokedAt: now }).where(active);
      row = undefined;
    }
    if (!row) {
      if (program.status === 'archived') throw new AppError('conflict', 'This program is archived');
      const id = newId('programInvitation', now.getTime());
      [row] = await tx
        .insert(programInvitations)
        .values({
          orgId: ctx.orgId,
          id,
          programId,
          kind: 'link',
          tokenHash: keys.hashToken(linkToken(ctx, id)),
          createdBy: ctx.actor.type === 'system' ? null : ctx.actor.id,
          createdAt: now,
        })
        .returning();
      await recordAudit(ctx, tx, {
        action: rotate ? 'program_invite_link.rotated' : 'program_invite_link.created',
        entityType: 'program',
        entityId: programId,
      });
    }
    return {
      link: inviteUrlOf(config.appUrl, program, linkToken(ctx, row!.id)),
      createdAt: row!.createdAt.toISOString(),
    };
  });
}
