import { and, asc, desc, eq, ilike, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import { afterCursor, decodeCursor, type Page, toPage } from '../../platform/http/paging';
import { escapeLike } from '../../platform/name-search';
import type { RoleName } from '../../platform/permissions';
import type { TenantContext } from '../../platform/services';
import { identities } from '../auth';
import { orgMembers, staffGroupMembers, staffGroups } from './schema';
import type { MemberQuery } from './schemas';

export type MemberView = {
  id: string;
  identityId: string;
  fullName: string;
  email: string | null;
  role: RoleName;
  status: 'active' | 'disabled';
  twoFactorEnabled: boolean;
  groups: { id: string; name: string }[];
  createdAt: string;
};

const memberColumns = {
  id: orgMembers.id,
  identityId: orgMembers.identityId,
  fullName: identities.fullName,
  email: identities.email,
  role: orgMembers.role,
  status: orgMembers.status,
  twoFactorEnabled: sql<boolean>`${isNotNull(identities.totpEnabledAt)}`,
  createdAt: orgMembers.createdAt,
};

/** Staff of the organisation, filtered by text, role and status, sorted by name or joining date. */
export async function findMembers(ctx: TenantContext, query: MemberQuery): Promise<Page<MemberView>> {
  const cursor = decodeCursor(query.cursor);
  const byName = query.sort === 'name';
  const sortColumn = byName ? identities.fullName : orgMembers.createdAt;
  const conditions: (SQL | undefined)[] = [
    eq(orgMembers.orgId, ctx.orgId),
    query.role ? eq(orgMembers.role, query.role) : undefined,
    query.status ? eq(orgMembers.status, query.status) : undefined,
    query.q
      ? or(
          ilike(identities.fullName, `%${escapeLike(query.q)}%`),
          ilike(identities.email, `%${escapeLike(query.q)}%`),
        )
      : undefined,
    afterCursor({
      sortColumn,
      idColumn: orgMembers.id,
      cursor,
      order: query.order,
      cast: byName ? 'text' : 'timestamptz',
    }),
  ];
  const direction = query.order === 'asc' ? asc : desc;
  const rows = await ctx.services.db
    .select(memberColumns)
    .from(orgMembers)
    .innerJoin(identities, eq(identities.id, orgMembers.identityId))
    .where(and(...conditions))
    .orderBy(direction(sortColumn), direction(orgMembers.id))
    .limit(query.limit + 1);
  const page = toPage(
    rows,
    query.limit,
    (row) => ({ value: byName ? row.fullName : row.createdAt.toISOString(), id: row.id }),
    (row) => row,
  );
  const groups = await groupsOfMembers(
    ctx,
    page.items.map((row) => row.id),
  );
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((row) => toMemberView(row, groups.get(row.id) ?? [])),
  };
}

/** One member of the organisation, or undefined. */
export async function findMemberById(ctx: TenantContext, memberId: string): Promise<MemberView | undefined> {
  const [row] = await ctx.services.db
    .select(memberColumns)
    .from(orgMembers)
    .innerJoin(identities, eq(identities.id, orgMembers.identityId))
    .where(and(eq(orgMembers.orgId, ctx.orgId), eq(orgMembers.id, memberId)));
  if (!row) return undefined;
  const groups = await groupsOfMembers(ctx, [row.id]);
  return toMemberView(row, groups.get(row.id) ?? []);
}

function toMemberView(
  row: Omit<MemberView, 'groups' | 'createdAt'> & { createdAt: Date },
  groups: MemberView['groups'],
): MemberView {
  return {
    ...row,
    twoFactorEnabled: Boolean(row.twoFactorEnabled),
    groups,
    createdAt: row.createdAt.toISOString(),
  };
}

async function groupsOfMembers(ctx: TenantContext, memberIds: string[]) {
  const byMember = new Map<string, { id: string; name: string }[]>();
  if (memberIds.length === 0) return byMember;
  const rows = await ctx.services.db
    .select({ memberId: staffGroupMembers.memberId, id: staffGroups.id, name: staffGroups.name })
    .from(staffGroupMembers)
    .innerJoin(
      staffGroups,
      and(eq(staffGroups.orgId, staffGroupMembers.orgId), eq(staffGroups.id, staffGroupMembers.groupId)),
    )
    .where(and(eq(staffGroupMembers.orgId, ctx.orgId), inArray(staffGroupMembers.memberId, memberIds)))
    .orderBy(asc(staffGroups.name));
  for (const row of rows) {
    const list = byMember.get(row.memberId) ?? [];
    list.push({ id: row.id, name: row.name });
    byMember.set(row.memberId, list);
  }
  return byMember;
}
