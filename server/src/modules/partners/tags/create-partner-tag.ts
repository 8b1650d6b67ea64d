import { mapDatabaseError } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { partnerTags } from '../schema-enrollments';
import { getPartnerTagView } from './get-partner-tag';
import type { NewPartnerTag } from './schemas';

export const PARTNER_TAG_NAME_TAKEN = 'A tag with this name already exists';

/** Creates a partner tag; names are unique in the organisation whatever their case. */
export async function createPartnerTag(ctx: TenantContext, input: NewPartnerTag) {
  try {
    return await ctx.services.db.transaction(async (tx) => {
      const now = ctx.services.clock.now();
      const id = newId('partnerTag', now.getTime());
      const color = input.color ?? 'gray';
      await tx.insert(partnerTags).values({ orgId: ctx.orgId, id, name: input.name, color, createdAt: now });
      await recordAudit(ctx, tx, {
        action: 'partner_tag.created',
        entityType: 'partner_tag',
        entityId: id,
        after: { name: input.name, color },
      });
      return getPartnerTagView(ctx, id, tx);
    });
  } catch (error) {
    throw mapDatabaseError(error, { partner_tags_org_name_uq: PARTNER_TAG_NAME_TAKEN });
  }
}
