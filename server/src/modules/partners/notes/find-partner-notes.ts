import { and, desc, eq } from 'drizzle-orm';
import { afterCursor, decodeCursor, type PageQuery, toPage } from '../../../platform/http/paging';
import type { TenantContext } from '../../../platform/services';
import { assertPartnerEnrolled } from '../assert-partner-enrolled';
import { partnerNotes } from '../schema-enrollments';
import { toPartnerNoteView } from './partner-note-view';

/** Internal notes about a partner, newest first. */
export async function findPartnerNotes(
  ctx: TenantContext,
  partnerId: string,
  query: Omit<PageQuery, 'order'>,
) {
  const { db } = ctx.services;
  await assertPartnerEnrolled(ctx, db, partnerId);
  const cursor = decodeCursor(query.cursor);
  const rows = await db
    .select()
    .from(partnerNotes)
    .where(
      and(
        eq(partnerNotes.orgId, ctx.orgId),
        eq(partnerNotes.partnerId, partnerId),
        afterCursor({
          sortColumn: partnerNotes.createdAt,
          idColumn: partnerNotes.id,
          cursor,
          order: 'desc',
          cast: 'timestamptz',
        }),
      ),
    )
    .orderBy(desc(partnerNotes.createdAt), desc(partnerNotes.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    toPartnerNoteView,
  );
}
