import { and, asc, eq, or } from 'drizzle-orm';
import type { TenantContext } from '../../../platform/services';
import { savedViews } from '../schema-enrollments';
import { toSavedView } from './saved-view-access';

/** The caller's saved directory views and those shared with the organisation (API keys: shared only). */
export async function findSavedViews(ctx: TenantContext) {
  const memberId = ctx.actor.type === 'member' ? ctx.actor.id : null;
  const rows = await ctx.services.db
    .select()
    .from(savedViews)
    .where(
      and(
        eq(savedViews.orgId, ctx.orgId),
        memberId
          ? or(eq(savedViews.memberId, memberId), eq(savedViews.shared, true))
          : eq(savedViews.shared, true),
      ),
    )
    .orderBy(asc(savedViews.name), asc(savedViews.id));
  return { items: rows.map((row) => toSavedView(ctx, row)) };
}
