import { and, eq, or } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import { AppError, notFound } from '../../../platform/errors';
import type { TenantContext } from '../../../platform/services';
import { savedViews } from '../schema-enrollments';

export type SavedView = typeof savedViews.$inferSelect;

/** The member behind the request: saved views belong to staff, not to API keys. */
export function viewerId(ctx: TenantContext): string {
  if (ctx.actor.type !== 'member') {
    throw new AppError('forbidden', 'Saved views belong to staff members; API keys have none');
  }
  return ctx.actor.id;
}

export function toSavedView(ctx: TenantContext, row: SavedView) {
  return {
    id: row.id,
    name: row.name,
    filters: row.filters,
    shared: row.shared,
    mine: ctx.actor.type === 'member' && row.memberId === ctx.actor.id,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A view the caller may see (their own, or shared); `own` requires it to be theirs (to change it). */
export async function getSavedViewById(ctx: TenantContext, executor: Executor, id: string, own: boolean) {
  if (ctx.actor.type !== 'member') throw notFound('Saved view');
  const memberId = ctx.actor.id;
  const [row] = await executor
    .select()
    .from(savedViews)
    .where(
      and(
        eq(savedViews.orgId, ctx.orgId),
        eq(savedViews.id, id),
        own
          ? eq(savedViews.memberId, memberId)
          : or(eq(savedViews.memberId, memberId), eq(savedViews.shared, true)),
      ),
    );
  if (!row) throw notFound('Saved view');
  return row;
}
