import { and, asc, desc, eq, ilike, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import { afterCursor, decodeCursor, toPage } from '../../../platform/http/paging';
import type { TenantContext } from '../../../platform/services';
import { enrollments, partnerGroups } from '../schema-enrollments';
import { getPartnerGroupById, type PartnerGroup } from './get-partner-group';
import type { PartnerGroupQuery } from './schemas';

// qualified by hand: drizzle writes bare column names, and both tables have an "id"
const enrollmentCount = sql<number>`(select count(*)::int from enrollments e
  where e.org_id = "partner_groups"."org_id" and e.group_id = "partner_groups"."id")`;

export function toPartnerGroupView(group: PartnerGroup & { enrollmentCount: number }) {
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    enrollmentCount: Number(group.enrollmentCount),
    createdAt: group.createdAt.toISOString(),
    updatedAt: group.updatedAt.toISOString(),
  };
}

/** Partner groups (tiers) of the organisation by name, with how many enrollments each holds. */
export async function findPartnerGroups(ctx: TenantContext, query: PartnerGroupQuery) {
  const cursor = decodeCursor(query.cursor);
  const conditions: (SQL | undefined)[] = [
    eq(partnerGroups.orgId, ctx.orgId),
    query.q ? ilike(partnerGroups.name, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
    afterCursor({ sortColumn: partnerGroups.name, idColumn: partnerGroups.id, cursor, order: query.order }),
  ];
  const direction = query.order === 'asc' ? asc : desc;
  const rows = await ctx.services.db
    .select({ group: partnerGroups, enrollmentCount })
    .from(partnerGroups)
    .where(and(...conditions))
    .orderBy(direction(partnerGroups.name), direction(partnerGroups.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => ({ value: row.group.name, id: row.group.id }),
    (row) => toPartnerGroupView({ ...row.group, enrollmentCount: row.enrollmentCount }),
  );
}

/** One partner group with its enrollment count; not-found for another organisation's. */
export async function getPartnerGroupView(
  ctx: TenantContext,
  groupId: string,
  executor: Executor = ctx.services.db,
) {
  const group = await getPartnerGroupById(ctx, executor, groupId);
  const [row] = await executor
    .select({ count: sql<number>`count(*)::int` })
    .from(enrollments)
    .where(and(eq(enrollments.orgId, ctx.orgId), eq(enrollments.groupId, groupId)));
  return toPartnerGroupView({ ...group, enrollmentCount: Number(row?.count ?? 0) });
}
