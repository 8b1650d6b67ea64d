import { and, asc, desc, eq, ilike, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { afterCursor, decodeCursor, type Page, toPage } from '../../platform/http/paging';
import type { TenantContext } from '../../platform/services';
import type { InvitationQuery } from './invitation-schemas';
import { type InvitationView, invitationStatusCondition, toInvitationView } from './invitation-status';
import { invitations } from './schema';

/** Invitations of the organisation, filtered by status, role and email, newest first by default. */
export async function findInvitations(
  ctx: TenantContext,
  query: InvitationQuery,
): Promise<Page<InvitationView>> {
  const now = ctx.services.clock.now();
  const cursor = decodeCursor(query.cursor);
  const byEmail = query.sort === 'email';
  const sortColumn = byEmail ? invitations.email : invitations.createdAt;
  const conditions: (SQL | undefined)[] = [
    eq(invitations.orgId, ctx.orgId),
    query.status ? invitationStatusCondition(query.status, now) : undefined,
    query.role ? eq(invitations.role, query.role) : undefined,
    query.q ? ilike(invitations.email, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
    afterCursor({
      sortColumn,
      idColumn: invitations.id,
      cursor,
      order: query.order,
      cast: byEmail ? 'text' : 'timestamptz',
    }),
  ];
  const direction = query.order === 'asc' ? asc : desc;
  const rows = await ctx.services.db
    .select()
    .from(invitations)
    .where(and(...conditions))
    .orderBy(direction(sortColumn), direction(invitations.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => ({ value: byEmail ? row.email : row.createdAt.toISOString(), id: row.id }),
    (row) => toInvitationView(row, now),
  );
}

/** One invitation of the organisation, locked for the caller's transaction; not-found for any other. */
export async function getInvitationRow(ctx: TenantContext, executor: Executor, invitationId: string) {
  const [row] = await executor
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, ctx.orgId), eq(invitations.id, invitationId)))
    .for('update');
  if (!row) throw notFound('Invitation');
  return row;
}
