import { and, asc, desc, eq, ilike, type SQL, sql } from 'drizzle-orm';
import { afterCursor, decodeCursor, toPage } from '../../../platform/http/paging';
import type { TenantContext } from '../../../platform/services';
import { partnerTags } from '../schema-enrollments';
import { toPartnerTagView } from './get-partner-tag';
import type { PartnerTagQuery } from './schemas';

// qualified by hand: drizzle writes bare column names in a one-table select
const enrollmentCount = sql<number>`(select count(*)::int from enrollment_tags t
  where t.org_id = "partner_tags"."org_id" and t.tag_id = "partner_tags"."id")`;

/** Partner tags of the organisation by name, with how many enrollments carry each. */
export async function findPartnerTags(ctx: TenantContext, query: PartnerTagQuery) {
  const cursor = decodeCursor(query.cursor);
  const conditions: (SQL | undefined)[] = [
    eq(partnerTags.orgId, ctx.orgId),
    query.q ? ilike(partnerTags.name, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
    afterCursor({ sortColumn: partnerTags.name, idColumn: partnerTags.id, cursor, order: query.order }),
  ];
  const direction = query.order === 'asc' ? asc : desc;
  const rows = await ctx.services.db
    .select({ tag: partnerTags, enrollmentCount })
    .from(partnerTags)
    .where(and(...conditions))
    .orderBy(direction(partnerTags.name), direction(partnerTags.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => ({ value: row.tag.name, id: row.tag.id }),
    (row) => toPartnerTagView({ ...row.tag, enrollmentCount: row.enrollmentCount }),
  );
}
