import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { getStaffGroupById } from './find-staff-groups';
import { orgMembers, staffGroupMembers, staffGroups } from './schema';

/** Replaces the members of a staff group. Every id must name a member of this organisation. */
export async function setStaffGroupMembers(
  ctx: TenantContext,
  groupId: string,
  memberIds: string[],
  executor: Executor = ctx.services.db,
) {
  const { clock } = ctx.services;
  return executor.transaction(async (tx) => {
    const before = await getStaffGroupById(ctx, groupId, tx);
    await tx
      .select({ id: staffGroups.id })
      .from(staffGroups)
      .where(and(eq(staffGroups.orgId, ctx.orgId), eq(staffGroups.id, groupId)))
      .for('update');
    const found =
      memberIds.length === 0
        ? []
        : await tx
            .select({ id: orgMembers.id })
            .from(orgMembers)
            .where(and(eq(orgMembers.orgId, ctx.orgId), inArray(orgMembers.id, memberIds)));
    const known = new Set(found.map((row) => row.id));
    const unknown = memberIds.flatMap((id, index) => (known.has(id) ? [] : [index]));
    if (unknown.length > 0) {
      throw new AppError('unprocessable', 'Some ids are not members of this organisation', {
        details: unknown.map((index) => ({ path: `body.memberIds.${index}`, message: 'No such member' })),
      });
    }
    await tx
      .delete(staffGroupMembers)
      .where(and(eq(staffGroupMembers.orgId, ctx.orgId), eq(staffGroupMembers.groupId, groupId)));
    const now = clock.now();
    if (memberIds.length > 0) {
      await tx
        .insert(staffGroupMembers)
        .values(memberIds.map((memberId) => ({ orgId: ctx.orgId, groupId, memberId, createdAt: now })));
    }
    await tx
      .update(staffGroups)
      .set({ updatedAt: now })
      .where(and(eq(staffGroups.orgId, ctx.orgId), eq(staffGroups.id, groupId)));
    const after = await getStaffGroupById(ctx, groupId, tx);
    await recordAudit(ctx, tx, {
      action: 'staff_group.members_set',
      entityType: 'staff_group',
      entityId: groupId,
      before: { memberIds: before.members.map((m) => m.id) },
      after: { memberIds: after.members.map((m) => m.id) },
    });
    return after;
  });
}
