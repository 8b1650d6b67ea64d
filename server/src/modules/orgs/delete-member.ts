import { and, eq } from 'drizzle-orm';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { assertAnotherActiveOwner, lockMemberForChange } from './assert-member-change';
import { orgMembers } from './schema';

/**
 * Removes a person from the organisation (their group memberships go with it). Their account and
 * other organisations stay; the audit log keeps what they did.
 */
export async function deleteMember(ctx: TenantContext, memberId: string): Promise<void> {
  await ctx.services.db.transaction(async (tx) => {
    const member = await lockMemberForChange(ctx, tx, memberId);
    await assertAnotherActiveOwner(ctx, tx, member);
    await tx.delete(orgMembers).where(and(eq(orgMembers.orgId, ctx.orgId), eq(orgMembers.id, memberId)));
    await recordAudit(ctx, tx, {
      action: 'member.removed',
      entityType: 'member',
      entityId: memberId,
      before: { identityId: member.identityId, role: member.role, status: member.status },
    });
  });
}
