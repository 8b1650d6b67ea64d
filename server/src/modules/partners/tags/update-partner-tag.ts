import { and, eq } from 'drizzle-orm';
import { mapDatabaseError } from '../../../platform/errors';
import type { TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { partnerTags } from '../schema-enrollments';
import { PARTNER_TAG_NAME_TAKEN } from './create-partner-tag';
import { getPartnerTagById, getPartnerTagView } from './get-partner-tag';
import type { PartnerTagPatch } from './schemas';

/** Renames a partner tag or changes its colour. */
export async function updatePartnerTag(ctx: TenantContext, tagId: string, patch: PartnerTagPatch) {
  try {
    return await ctx.services.db.transaction(async (tx) => {
      const before = await getPartnerTagById(ctx, tx, tagId);
      if (Object.keys(patch).length > 0) {
        await tx
          .update(partnerTags)
          .set(patch)
          .where(and(eq(partnerTags.orgId, ctx.orgId), eq(partnerTags.id, tagId)));
      }
      await recordAudit(ctx, tx, {
        action: 'partner_tag.updated',
        entityType: 'partner_tag',
        entityId: tagId,
        before: { name: before.name, color: before.color },
        after: patch,
      });
      return getPartnerTagView(ctx, tagId, tx);
    });
  } catch (error) {
    throw mapDatabaseError(error, { partner_tags_org_name_uq: PARTNER_TAG_NAME_TAKEN });
  }
}
