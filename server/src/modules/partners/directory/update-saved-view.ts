import { and, eq } from 'drizzle-orm';
import type { TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { savedViews } from '../schema-enrollments';
import { getSavedViewById, toSavedView } from './saved-view-access';
import type { SavedViewPatch } from './schemas';

/** Renames a view, replaces its filters or shares it; only its owner may. */
export async function updateSavedView(ctx: TenantContext, id: string, patch: SavedViewPatch) {
  return ctx.services.db.transaction(async (tx) => {
    const before = await getSavedViewById(ctx, tx, id, true);
    const [row] = await tx
      .update(savedViews)
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.filters !== undefined ? { filters: patch.filters } : {}),
        ...(patch.shared !== undefined ? { shared: patch.shared } : {}),
      })
      .where(and(eq(savedViews.orgId, ctx.orgId), eq(savedViews.id, id)))
      .returning();
    await recordAudit(ctx, tx, {
      action: 'saved_view.updated',
      entityType: 'saved_view',
      entityId: id,
      before,
      after: row,
    });
    return toSavedView(ctx, row!);
  });
}
