import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { afterCursor, type Cursor, decodeCursor, type Page, toPage } from '../../../platform/http/paging';
import type { TenantContext } from '../../../platform/services';
import { identities } from '../../auth';
import { orgMembers } from '../../orgs';
import { programs } from '../../programs';
import { partners } from '../schema';
import {
  enrollments,
  enrollmentTags,
  partnerGroups,
  partnerProfiles,
  partnerTags,
} from '../schema-enrollments';
import { directoryConditions } from './directory-conditions';
import type { DirectoryFilters, DirectoryQuery, DirectoryRow } from './schemas';

const careIdentity = alias(identities, 'care_identity');
const upline = alias(enrollments, 'upline');

const SORT_COLUMNS = {
  joinedAt: enrollments.joinedAt,
  name: enrollments.sortName,
  code: enrollments.referralCode,
} as const;

/** One query over the directory's joins; `extra` narrows it further (the partner page, exports). */
export async function selectDirectoryRows(
  ctx: TenantContext,
  options: {
    filters: Partial<DirectoryFilters>;
    limit: number;
    cursor?: Cursor;
    order?: 'asc' | 'desc';
    extra?: SQL;
  },
) {
  const sort = options.filters.sort ?? 'joinedAt';
  const order = options.order ?? 'desc';
  const sortColumn = SORT_COLUMNS[sort];
  const direction = order === 'asc' ? asc : desc;
  // The page is cut on enrollments alone (plus profiles for the province filter), then only its
  // rows are joined: a search matching thousands of partners never joins them all.
  const pageIds = await ctx.services.db
    .select({ id: enrollments.id })
    .from(enrollments)
    .leftJoin(
      partnerProfiles,
      and(eq(partnerProfiles.orgId, enrollments.orgId), eq(partnerProfiles.partnerId, enrollments.partnerId)),
    )
    .where(
      and(
        ...directoryConditions(ctx, options.filters),
        options.extra,
        afterCursor({
          sortColumn,
          idColumn: enrollments.id,
          cursor: options.cursor,
          order,
          cast: sort === 'joinedAt' ? 'timestamptz' : 'text',
        }),
      ),
    )
    .orderBy(direction(sortColumn), direction(enrollments.id))
    .limit(options.limit);
  if (pageIds.length === 0) return [];
  const rows = await ctx.services.db
    .select({
      enrollmentId: enrollments.id,
      partnerId: enrollments.partnerId,
      fullName: identities.fullName,
      sortName: enrollments.sortName,
      phone: identities.phone,
      email: identities.email,
      referralCode: enrollments.referralCode,
      externalId: enrollments.externalId,
      programId: programs.id,
      programName: programs.name,
      status: enrollments.status,
      groupId: partnerGroups.id,
      groupName: partnerGroups.name,
      careMemberId: orgMembers.id,
      careName: careIdentity.fullName,
      province: partnerProfiles.province,
      uplineEnrollmentId: enrollments.uplineEnrollmentId,
      uplineReferralCode: upline.referralCode,
      source: enrollments.source,
      joinedAt: enrollments.joinedAt,
    })
    .from(enrollments)
    .innerJoin(partners, eq(partners.id, enrollments.partnerId))
    .innerJoin(identities, eq(identities.id, partners.identityId))
    .innerJoin(programs, and(eq(programs.orgId, enrollments.orgId), eq(programs.id, enrollments.programId)))
    .leftJoin(
      partnerGroups,
      and(eq(partnerGroups.orgId, enrollments.orgId), eq(partnerGroups.id, enrollments.groupId)),
    )
    .leftJoin(
      orgMembers,
      and(eq(orgMembers.orgId, enrollments.orgId), eq(orgMembers.id, enrollments.careMemberId)),
    )
    .leftJoin(careIdentity, eq(careIdentity.id, orgMembers.identityId))
    .leftJoin(
      partnerProfiles,
      and(eq(partnerProfiles.orgId, enrollments.orgId), eq(partnerProfiles.partnerId, enrollments.partnerId)),
    )
    .leftJoin(upline, and(eq(upline.orgId, enrollments.orgId), eq(upline.id, enrollments.uplineEnrollmentId)))
    .where(
      and(
        eq(enrollments.orgId, ctx.orgId),
        inArray(
          enrollments.id,
          pageIds.map((row) => row.id),
        ),
      ),
    )
    .orderBy(direction(sortColumn), direction(enrollments.id));
  const tags = await tagsOfEnrollments(
    ctx,
    rows.map((row) => row.enrollmentId),
  );
  return rows.map((row) => ({
    cursor: {
      value:
        sort === 'joinedAt' ? row.joinedAt.toISOString() : sort === 'name' ? row.sortName : row.referralCode,
      id: row.enrollmentId,
    },
    row: toDirectoryRow(row, tags.get(row.enrollmentId) ?? []),
  }));
}

type RawRow = Omit<DirectoryRow, 'program' | 'group' | 'careMember' | 'tags' | 'joinedAt'> & {
  programId: string;
  programName: string;
  groupId: string | null;
  groupName: string | null;
  careMemberId: string | null;
  careName: string | null;
  sortName: string;
  joinedAt: Date;
};

function toDirectoryRow(row: RawRow, tags: DirectoryRow['tags']): DirectoryRow {
  return {
    enrollmentId: row.enrollmentId,
    partnerId: row.partnerId,
    fullName: row.fullName,
    phone: row.phone,
    email: row.email,
    referralCode: row.referralCode,
    externalId: row.externalId,
    program: { id: row.programId, name: row.programName },
    status: row.status,
    group: row.groupId ? { id: row.groupId, name: row.groupName ?? '' } : null,
    tags,
    careMember: row.careMemberId ? { id: row.careMemberId, fullName: row.careName ?? '' } : null,
    province: row.province,
    uplineEnrollmentId: row.uplineEnrollmentId,
    uplineReferralCode: row.uplineReferralCode,
    source: row.source,
    joinedAt: row.joinedAt.toISOString(),
  };
}

async function tagsOfEnrollments(ctx: TenantContext, enrollmentIds: string[]) {
  const byEnrollment = new Map<string, DirectoryRow['tags']>();
  if (enrollmentIds.length === 0) return byEnrollment;
  const rows = await ctx.services.db
    .select({
      enrollmentId: enrollmentTags.enrollmentId,
      id: partnerTags.id,
      name: partnerTags.name,
      color: partnerTags.color,
    })
    .from(enrollmentTags)
    .innerJoin(
      partnerTags,
      and(eq(partnerTags.orgId, enrollmentTags.orgId), eq(partnerTags.id, enrollmentTags.tagId)),
    )
    .where(and(eq(enrollmentTags.orgId, ctx.orgId), inArray(enrollmentTags.enrollmentId, enrollmentIds)))
    .orderBy(asc(partnerTags.name));
  for (const row of rows) {
    const list = byEnrollment.get(row.enrollmentId) ?? [];
    list.push({ id: row.id, name: row.name, color: row.color });
    byEnrollment.set(row.enrollmentId, list);
  }
  return byEnrollment;
}

/**
 * The partner directory: one row per enrollment, filtered, searched, sorted and paged by cursor.
 */
export async function findPartners(ctx: TenantContext, query: DirectoryQuery): Promise<Page<DirectoryRow>> {
  const rows = await selectDirectoryRows(ctx, {
    filters: query,
    limit: query.limit + 1,
    cursor: decodeCursor(query.cursor),
    order: query.order,
  });
  return toPage(
    rows,
    query.limit,
    (item) => item.cursor,
    (item) => item.row,
  );
}
