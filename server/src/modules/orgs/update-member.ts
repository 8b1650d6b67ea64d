import { and, eq } from 'drizzle-orm';
import { forbidden, notFound } from '../../platform/errors';
import { canGrantRole } from '../../platform/permissions';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { actorRole } from './actor';
import { assertAnotherActiveOwner, lockMemberForChange } from './assert-member-change';
import { findMemberById, type MemberView } from './find-members';
import { orgMembers } from './schema';
import type { MemberPatch } from './schemas';

/**
 * Changes a member's role or status. Nobody grants a role above their own, and the last active
 * owner can be neither demoted nor disabled. A disabled member keeps their account but their
 * sessions no longer open this organisation.
 */
export async function updateMember(
  ctx: TenantContext,
  memberId: string,
  patch: MemberPatch,
): Promise<MemberView> {
  const { db, clock } = ctx.services;
  await db.transaction(async (tx) => {
    const member = await lockMemberForChange(ctx, tx, memberId);
    if (patch.role && patch.role !== member.role && !canGrantRole(actorRole(ctx), patch.role)) {
      throw forbidden('You cannot grant a role above your own');
    }
    const demoted = patch.role !== undefined && patch.role !== 'owner';
    const disabled = patch.status === 'disabled';
    if (demoted || disabled) await assertAnotherActiveOwner(ctx, tx, member);
    const changes = {
      ...(patch.role !== undefined && patch.role !== member.role ? { role: patch.role } : {}),
      ...(patch.status !== undefined && patch.status !== member.status ? { status: patch.status } : {}),
    };
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(orgMembers)
      .set({ ...changes, updatedAt: clock.now() })
      .where(and(eq(orgMembers.orgId, ctx.orgId), eq(orgMembers.id, memberId)));
    await recordAudit(ctx, tx, {
      action: 'member.updated',
      entityType: 'member',
      entityId: memberId,
      before: Object.fromEntries(
        Object.keys(changes).map((key) => [key, member[key as keyof typeof changes]]),
      ),
      after: changes,
    });
  });
  const view = await findMemberById(ctx, memberId);
  if (!view) throw notFound('Member');
  return view;
}
