import { and, eq } from 'drizzle-orm';
import { mapDatabaseError } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { GROUP_NAME_TAKEN } from './create-staff-group';
import { getStaffGroupById } from './find-staff-groups';
import { staffGroups } from './schema';
import type { StaffGroupPatch } from './staff-group-schemas';

/** Renames a staff group or changes its description. */
export async function updateStaffGroup(ctx: TenantContext, groupId: string, patch: StaffGroupPatch) {
  const { db, clock } = ctx.services;
  try {
    return await db.transaction(async (tx) => {
      const before = await getStaffGroupById(ctx, groupId, tx);
      await tx
        .update(staffGroups)
        .set({ ...patch, updatedAt: clock.now() })
        .where(and(eq(staffGroups.orgId, ctx.orgId), eq(staffGroups.id, groupId)));
      const after = await getStaffGroupById(ctx, groupId, tx);
      const changed = Object.keys(patch) as (keyof StaffGroupPatch)[];
      await recordAudit(ctx, tx, {
        action: 'staff_group.updated',
        entityType: 'staff_group',
        entityId: groupId,
        before: Object.fromEntries(changed.map((key) => [key, before[key]])),
        after: Object.fromEntries(changed.map((key) => [key, after[key]])),
      });
      return after;
    });
  } catch (error) {
    throw mapDatabaseError(error, { staff_groups_org_name_uq: GROUP_NAME_TAKEN });
  }
}
