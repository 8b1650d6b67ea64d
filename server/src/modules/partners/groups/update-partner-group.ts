import { and, eq } from 'drizzle-orm';
import { mapDatabaseError } from '../../../platform/errors';
import type { TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { partnerGroups } from '../schema-enrollments';
import { PARTNER_GROUP_NAME_TAKEN } from './create-partner-group';
import { getPartnerGroupView } from './find-partner-groups';
import { getPartnerGroupById } from './get-partner-group';
import type { PartnerGroupPatch } from './schemas';

/** Renames a partner group or changes its description. */
export async function updatePartnerGroup(ctx: TenantContext, groupId: string, patch: PartnerGroupPatch) {
  try {
    return await ctx.services.db.transaction(async (tx) => {
      const before = await getPartnerGroupById(ctx, tx, groupId);
      await tx
        .update(partnerGroups)
        .set({ ...patch, updatedAt: ctx.services.clock.now() })
        .where(and(eq(partnerGroups.orgId, ctx.orgId), eq(partnerGroups.id, groupId)));
      await recordAudit(ctx, tx, {
        action: 'partner_group.updated',
        entityType: 'partner_group',
        entityId: groupId,
        before: { name: before.name, description: before.description },
        after: patch,
      });
      return getPartnerGroupView(ctx, groupId, tx);
    });
  } catch (error) {
    throw mapDatabaseError(error, { partner_groups_org_name_uq: PARTNER_GROUP_NAME_TAKEN });
  }
}
