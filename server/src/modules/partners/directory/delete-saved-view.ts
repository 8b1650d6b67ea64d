import { and, eq } from 'drizzle-orm';
import type { TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { savedViews } from '../schema-enrollments';
import { getSavedViewById } from './saved-view-access';

/** Deletes a view; only its owner may. */
export async function deleteSavedView(ctx: TenantContext, id: string) {
  await ctx.services.db.transaction(async (tx) => {
    const before = await getSavedViewById(ctx, tx, id, true);
    await tx.delete(savedViews).where(and(eq(savedViews.orgId, ctx.orgId), eq(savedViews.id, id)));
    await recordAudit(ctx, tx, {
      action: 'saved_view.deleted',
      entityType: 'saved_view',
      entityId: id,
      before,
    });
  });
}
