import { mapDatabaseError } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { partnerGroups } from '../schema-enrollments';
import { getPartnerGroupView } from './find-partner-groups';
import type { NewPartnerGroup } from './schemas';

export const PARTNER_GROUP_NAME_TAKEN = 'A partner group with this name already exists';

/** Creates a partner group (tier); names are unique in the organisation whatever their case. */
export async function createPartnerGroup(ctx: TenantContext, input: NewPartnerGroup) {
  try {
    return await ctx.services.db.transaction(async (tx) => {
      const now = ctx.services.clock.now();
      const id = newId('partnerGroup', now.getTime());
      await tx.insert(partnerGroups).values({
        orgId: ctx.orgId,
        id,
        name: input.name,
        description: input.description ?? '',
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(ctx, tx, {
        action: 'partner_group.created',
        entityType: 'partner_group',
        entityId: id,
        after: { name: input.name, description: input.description ?? '' },
      });
      return getPartnerGroupView(ctx, id, tx);
    });
  } catch (error) {
    throw mapDatabaseError(error, { partner_groups_org_name_uq: PARTNER_GROUP_NAME_TAKEN });
  }
}
