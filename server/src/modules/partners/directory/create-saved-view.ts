import { newId } from '../../../platform/ids';
import type { TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { savedViews } from '../schema-enrollments';
import { toSavedView, viewerId } from './saved-view-access';
import type { SavedViewBody } from './schemas';

/** Saves a set of directory filters under a name, for the caller or shared with the organisation. */
export async function createSavedView(ctx: TenantContext, input: SavedViewBody) {
  const memberId = viewerId(ctx);
  return ctx.services.db.transaction(async (tx) => {
    const now = ctx.services.clock.now();
    const [row] = await tx
      .insert(savedViews)
      .values({
        orgId: ctx.orgId,
        id: newId('savedView', now.getTime()),
        memberId,
        name: input.name,
        filters: input.filters,
        shared: input.shared,
        createdAt: now,
      })
      .returning();
    await recordAudit(ctx, tx, {
      action: 'saved_view.created',
      entityType: 'saved_view',
      entityId: row!.id,
      after: row,
    });
    return toSavedView(ctx, row!);
  });
}
