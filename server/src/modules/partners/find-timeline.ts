import { and, desc, eq } from 'drizzle-orm';
import { afterCursor, decodeCursor, type PageQuery, toPage } from '../../platform/http/paging';
import type { TenantContext } from '../../platform/services';
import { getEnrollmentById } from './get-enrollment';
import { enrollmentEvents } from './schema-enrollments';

/** The history of an enrollment (status, upline, group, care, code, tags, KYC access), newest first. */
export async function findTimeline(
  ctx: TenantContext,
  enrollmentId: string,
  query: Omit<PageQuery, 'order'>,
) {
  const { db } = ctx.services;
  await getEnrollmentById(ctx, db, enrollmentId);
  const cursor = decodeCursor(query.cursor);
  const rows = await db
    .select()
    .from(enrollmentEvents)
    .where(
      and(
        eq(enrollmentEvents.orgId, ctx.orgId),
        eq(enrollmentEvents.enrollmentId, enrollmentId),
        afterCursor({
          sortColumn: enrollmentEvents.createdAt,
          idColumn: enrollmentEvents.id,
          cursor,
          order: 'desc',
          cast: 'timestamptz',
        }),
      ),
    )
    .orderBy(desc(enrollmentEvents.createdAt), desc(enrollmentEvents.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    (row) => ({
      id: row.id,
      type: row.type,
      fromValue: row.fromValue,
      toValue: row.toValue,
      reason: row.reason,
      actor: { type: row.actorType, id: row.actorId, label: row.actorLabel },
      createdAt: row.createdAt.toISOString(),
    }),
  );
}
