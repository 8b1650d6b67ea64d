import type { Executor } from '../../platform/db';
import { mapDatabaseError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { getStaffGroupById } from './find-staff-groups';
import { staffGroups } from './schema';
import type { NewStaffGroup } from './staff-group-schemas';

export const GROUP_NAME_TAKEN = 'A staff group with this name already exists';

/** Creates a staff group; names are unique in the organisation, whatever their case. */
export async function createStaffGroup(
  ctx: TenantContext,
  input: NewStaffGroup,
  executor: Executor = ctx.services.db,
) {
  const { clock } = ctx.services;
  try {
    return await executor.transaction(async (tx) => {
      const now = clock.now();
      const id = newId('staffGroup', now.getTime());
      await tx.insert(staffGroups).values({
        orgId: ctx.orgId,
        id,
        name: input.name,
        description: input.description ?? null,
        createdAt: now,
        updatedAt: now,
      });
      const group = await getStaffGroupById(ctx, id, tx);
      await recordAudit(ctx, tx, {
        action: 'staff_group.created',
        entityType: 'staff_group',
        entityId: id,
        after: { name: group.name, description: group.description },
      });
      return group;
    });
  } catch (error) {
    throw mapDatabaseError(error, { staff_groups_org_name_uq: GROUP_NAME_TAKEN });
  }
}
