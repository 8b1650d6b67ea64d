import { and, asc, desc, eq, ilike, or } from 'drizzle-orm';
import { afterCursor, decodeCursor, toPage } from '../../platform/http/paging';
import type { TenantContext } from '../../platform/services';
import { identities } from '../auth';
import { enrollments, partners } from '../partners';
import { programs } from '../programs';
import { recentClickCounts } from './link-queries';
import { toLinkView } from './link-view';
import { links } from './schema';
import type { LinksQuery } from './schemas';

/** All partners' links of the organisation, newest first, filtered, with 30-day clicks. */
export async function findLinks(ctx: TenantContext, query: LinksQuery) {
  const { db, config } = ctx.services;
  const direction = query.order === 'asc' ? asc : desc;
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, '\\$&')}%` : undefined;
  const rows = await db
    .select({
      link: links,
      partnerName: identities.fullName,
      referralCode: enrollments.referralCode,
      programName: programs.name,
      programDestination: programs.destinationUrl,
    })
    .from(links)
    .innerJoin(enrollments, and(eq(enrollments.orgId, links.orgId), eq(enrollments.id, links.enrollmentId)))
    .innerJoin(partners, eq(partners.id, enrollments.partnerId))
    .innerJoin(identities, eq(identities.id, partners.identityId))
    .innerJoin(programs, and(eq(programs.orgId, links.orgId), eq(programs.id, links.programId)))
    .where(
      and(
        eq(links.orgId, ctx.orgId),
        query.programId ? eq(links.programId, query.programId) : undefined,
        query.enrollmentId ? eq(links.enrollmentId, query.enrollmentId) : undefined,
        query.status ? eq(links.status, query.status) : undefined,
        pattern
          ? or(ilike(links.code, pattern), ilike(links.title, pattern), ilike(links.destinationUrl, pattern))
          : undefined,
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
  const counts = await recentClickCounts(
    ctx,
    db,
    rows.map((row) => row.link.id),
  );
  return toPage(
    rows,
    query.limit,
    (row) => ({ value: row.link.createdAt.toISOString(), id: row.link.id }),
    (row) => ({
      ...toLinkView(
        row.link,
        { destinationUrl: row.programDestination },
        config.appUrl,
        counts.get(row.link.id) ?? 0,
      ),
      partnerName: row.partnerName,
      referralCode: row.referralCode,
      programName: row.programName,
    }),
  );
}
