import { and, asc, desc, eq, ilike, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { afterCursor, decodeCursor, type Page, toPage } from '../../platform/http/paging';
import type { TenantContext } from '../../platform/services';
import { identities } from '../auth';
import { orgMembers, staffGroupMembers, staffGroups } from './schema';
import type { StaffGroupQuery } from './staff-group-schemas';

export type StaffGroupView = {
  id: string;
  name: string;
  description: string | null;
  memberCount: number;
  createdAt: string;
  updatedAt: string;
};

const memberCount = sql<number>`(select count(*)::int from ${staffGroupMembers}
  where ${staffGroupMembers.orgId} = ${staffGroups.orgId} and ${staffGroupMembers.groupId} = ${staffGroups.id})`;

const columns = {
  id: staffGroups.id,
  name: staffGroups.name,
  description: staffGroups.description,
  memberCount,
  createdAt: staffGroups.createdAt,
  updatedAt: staffGroups.updatedAt,
};

function toView(row: { createdAt: Date; updatedAt: Date } & Omit<StaffGroupView, 'createdAt' | 'updatedAt'>) {
  return {
    ...row,
    memberCount: Number(row.memberCount),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Staff groups of the organisation with their member counts, by name unless asked otherwise. */
export async function findStaffGroups(
  ctx: TenantContext,
  query: StaffGroupQuery,
): Promise<Page<StaffGroupView>> {
  const cursor = decodeCursor(query.cursor);
  const byName = query.sort === 'name';
  const sortColumn = byName ? staffGroups.name : staffGroups.createdAt;
  const conditions: (SQL | undefined)[] = [
    eq(staffGroups.orgId, ctx.orgId),
    query.q ? ilike(staffGroups.name, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
    afterCursor({
      sortColumn,
      idColumn: staffGroups.id,
      cursor,
      order: query.order,
      cast: byName ? 'text' : 'timestamptz',
    }),
  ];
  const direction = query.order === 'asc' ? asc : desc;
  const rows = await ctx.services.db
    .select(columns)
    .from(staffGroups)
    .where(and(...conditions))
    .orderBy(direction(sortColumn), direction(staffGroups.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => ({ value: byName ? row.name : row.createdAt.toISOString(), id: row.id }),
    toView,
  );
}

/** One staff group of the organisation with its members; not-found for any other. */
export async function getStaffGroupById(
  ctx: TenantContext,
  groupId: string,
  executor: Executor = ctx.services.db,
) {
  const [row] = await executor
    .select(columns)
    .from(staffGroups)
    .where(and(eq(staffGroups.orgId, ctx.orgId), eq(staffGroups.id, groupId)));
  if (!row) throw notFound('Staff group');
  const members = await executor
    .select({
      id: orgMembers.id,
      fullName: identities.fullName,
      email: identities.email,
      role: orgMembers.role,
    })
    .from(staffGroupMembers)
    .innerJoin(
      orgMembers,
      and(eq(orgMembers.orgId, staffGroupMembers.orgId), eq(orgMembers.id, staffGroupMembers.memberId)),
    )
    .innerJoin(identities, eq(identities.id, orgMembers.identityId))
    .where(and(eq(staffGroupMembers.orgId, ctx.orgId), eq(staffGroupMembers.groupId, groupId)))
    .orderBy(asc(identities.fullName), asc(orgMembers.id));
  return { ...toView(row), members };
}
