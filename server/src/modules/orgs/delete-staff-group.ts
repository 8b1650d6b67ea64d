import { and, eq } from 'drizzle-orm';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { getStaffGroupById } from './find-staff-groups';
import { staffGroups } from './schema';

/** Deletes a staff group; its memberships go with it, the members stay. */
export async function deleteStaffGroup(ctx: TenantContext, groupId: string): Promise<void> {
  await ctx.services.db.transaction(async (tx) => {
    const before = await getStaffGroupById(ctx, groupId, tx);
    await tx.delete(staffGroups).where(and(eq(staffGroups.orgId, ctx.orgId), eq(staffGroups.id, groupId)));
    await recordAudit(ctx, tx, {
      action: 'staff_group.deleted',
      entityType: 'staff_group',
      entityId: groupId,
      before: {
        name: before.name,
        description: before.description,
        memberIds: before.members.map((m) => m.id),
      },
    });
  });
}
