import { and, asc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { afterCursor, decodeCursor, type PageQuery, toPage } from '../../platform/http/paging';
import type { TenantContext } from '../../platform/services';
import { identities } from '../auth';
import { programs } from '../programs';
import { maskPhone } from './mask';
import { partners } from './schema';
import { enrollments } from './schema-enrollments';

const upline = alias(enrollments, 'upline');
const uplinePartner = alias(partners, 'upline_partner');
const uplineIdentity = alias(identities, 'upline_identity');

/**
 * The approval queue: pending enrollments, oldest first, with who applied (phone masked), to which
 * program and recruited by whom.
 */
export async function findPendingEnrollments(
  ctx: TenantContext,
  query: Omit<PageQuery, 'order'> & { programId?: string },
) {
  const cursor = decodeCursor(query.cursor);
  const conditions: (SQL | undefined)[] = [
    eq(enrollments.orgId, ctx.orgId),
    eq(enrollments.status, 'pending'),
    query.programId ? eq(enrollments.programId, query.programId) : undefined,
    afterCursor({
      sortColumn: enrollments.joinedAt,
      idColumn: enrollments.id,
      cursor,
      order: 'asc',
      cast: 'timestamptz',
    }),
  ];
  const rows = await ctx.services.db
    .select({
      id: enrollments.id,
      joinedAt: enrollments.joinedAt,
      source: enrollments.source,
      referralCode: enrollments.referralCode,
      partnerId: partners.id,
      fullName: identities.fullName,
      phone: identities.phone,
      email: identities.email,
      programId: programs.id,
      programName: programs.name,
      uplineId: upline.id,
      uplineCode: upline.referralCode,
      uplineName: uplineIdentity.fullName,
    })
    .from(enrollments)
    .innerJoin(partners, eq(partners.id, enrollments.partnerId))
    .innerJoin(identities, eq(identities.id, partners.identityId))
    .innerJoin(programs, and(eq(programs.orgId, enrollments.orgId), eq(programs.id, enrollments.programId)))
    .leftJoin(upline, and(eq(upline.orgId, enrollments.orgId), eq(upline.id, enrollments.uplineEnrollmentId)))
    .leftJoin(uplinePartner, eq(uplinePartner.id, upline.partnerId))
    .leftJoin(uplineIdentity, eq(uplineIdentity.id, uplinePartner.identityId))
    .where(and(...conditions))
    .orderBy(asc(enrollments.joinedAt), asc(enrollments.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => ({ value: row.joinedAt.toISOString(), id: row.id }),
    (row) => ({
      id: row.id,
      joinedAt: row.joinedAt.toISOString(),
      source: row.source,
      referralCode: row.referralCode,
      partner: { id: row.partnerId, fullName: row.fullName, phone: maskPhone(row.phone), email: row.email },
      program: { id: row.programId, name: row.programName },
      upline: row.uplineId
        ? { id: row.uplineId, referralCode: row.uplineCode!, fullName: row.uplineName }
        : null,
    }),
  );
}
