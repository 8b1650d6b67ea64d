import { and, eq } from 'drizzle-orm';
import type { TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { recordEnrollmentEvents } from '../create-enrollment';
import { enrollmentTags, partnerTags } from '../schema-enrollments';
import { getPartnerTagById } from './get-partner-tag';

/** Deletes a tag and takes it off every enrollment (each keeps a 'tags_changed' history event). */
export async function deletePartnerTag(ctx: TenantContext, tagId: string) {
  await ctx.services.db.transaction(async (tx) => {
    const tag = await getPartnerTagById(ctx, tx, tagId);
    const removed = await tx
      .delete(enrollmentTags)
      .where(and(eq(enrollmentTags.orgId, ctx.orgId), eq(enrollmentTags.tagId, tagId)))
      .returning({ enrollmentId: enrollmentTags.enrollmentId });
    await recordEnrollmentEvents(
      ctx,
      tx,
      removed.map((row) => ({
        enrollmentId: row.enrollmentId,
        type: 'tags_changed' as const,
        fromValue: tag.name,
        toValue: null,
        reason: 'Tag deleted',
      })),
    );
    await tx.delete(partnerTags).where(and(eq(partnerTags.orgId, ctx.orgId), eq(partnerTags.id, tagId)));
    await recordAudit(ctx, tx, {
      action: 'partner_tag.deleted',
      entityType: 'partner_tag',
      entityId: tagId,
      before: { name: tag.name, color: tag.color, enrollmentCount: removed.length },
    });
  });
}
