import { and, asc, desc, eq } from 'drizzle-orm';
import { afterCursor, decodeCursor, toPage } from '../../platform/http/paging';
import type { Services } from '../../platform/services';
import { ensureDefaultLink } from './ensure-default-link';
import { recentClickCounts } from './link-queries';
import { toLinkView } from './link-view';
import { getMyEnrollment } from './my-enrollment';
import { links } from './schema';

/**
 * The partner's links in one program, newest first, with their default link apart (made now for
 * enrollments approved before links existed) and clicks of the last 30 days.
 */
export async function findMyLinks(
  services: Services,
  identityId: string,
  query: { enrollmentId: string; limit: number; cursor?: string; order: 'asc' | 'desc' },
) {
  const { ctx, enrollment, program } = await getMyEnrollment(services, identityId, query.enrollmentId);
  const defaultLink =
    enrollment.status === 'approved' ? await ensureDefaultLink(ctx, services.db, enrollment) : undefined;
  const direction = query.order === 'asc' ? asc : desc;
  const rows = await services.db
    .select()
    .from(links)
    .where(
      and(
        eq(links.orgId, ctx.orgId),
        eq(links.enrollmentId, enrollment.id),
        afterCursor({
          sortColumn: links.createdAt,
          idColumn: links.id,
          cursor: decodeCursor(query.cursor),
          order: query.order,
          cast: 'timestamptz',
        }),
      ),
    )
    .orderBy(direction(links.createdAt), direction(links.id))
    .limit(query.limit + 1);
  const counts = await recentClickCounts(ctx, services.db, [
    ...rows.map((row) => row.id),
    ...(defaultLink ? [defaultLink.id] : []),
  ]);
  const appUrl = services.config.appUrl;
  const page = toPage(
    rows,
    query.limit,
    (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    (row) => toLinkView(row, program, appUrl, counts.get(row.id) ?? 0),
  );
  return {
    defaultLink: defaultLink
      ? toLinkView(defaultLink, program, appUrl, counts.get(defaultLink.id) ?? 0)
      : null,
    ...page,
  };
}
