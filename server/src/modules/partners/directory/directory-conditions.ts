import { eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../../platform/errors';
import { escapeLike, namePatterns, phonePrefixes } from '../../../platform/name-search';
import type { TenantContext } from '../../../platform/services';
import { identities } from '../../auth';
import { partners } from '../schema';
import { enrollments, enrollmentTags, partnerProfiles } from '../schema-enrollments';
import type { DirectoryFilters } from './schemas';

/**
 * The search condition: name (its start or the start of any word; marks ignored), email, referral code, phone
 * prefixes, the business's partner id. Each alternative is its own index look-up, united into a
 * set of enrollment ids, so one alternative never forces a scan of the whole join.
 */
function searchCondition(ctx: TenantContext, q: string): SQL {
  const [nameStart, wordStart] = namePatterns(q);
  const phones = phonePrefixes(q) ?? [];
  const identityMatches = [
    sql`select id from ${identities} where lower(${identities.email}) like ${`${escapeLike(q.trim().toLowerCase())}%`}`,
    ...phones.map(
      (prefix) =>
        sql`select id from ${identities} where ${identities.phone} like ${`${escapeLike(prefix)}%`}`,
    ),
  ];
  return sql`${enrollments.id} in (
    select e.id from ${enrollments} e where e.org_id = ${ctx.orgId} and e.sort_name like ${nameStart}
    union select e.id from ${enrollments} e where e.org_id = ${ctx.orgId} and e.sort_name like ${wordStart}
    union select e.id from ${enrollments} e where e.org_id = ${ctx.orgId}
      and upper(e.referral_code) like ${`${escapeLike(q.trim().toUpperCase())}%`}
    union select e.id from ${enrollments} e where e.org_id = ${ctx.orgId} and e.external_id = ${q.trim()}
    union select e.id from ${enrollments} e join ${partners} p on p.id = e.partner_id
      where e.org_id = ${ctx.orgId} and p.identity_id in (${sql.join(identityMatches, sql` union `)})
  )`;
}

/** Conditions of the directory's filters; every one keeps the organisation's scope. */
export function directoryConditions(ctx: TenantContext, filters: Partial<DirectoryFilters>): SQL[] {
  const conditions: (SQL | undefined)[] = [eq(enrollments.orgId, ctx.orgId)];
  if (filters.programId) conditions.push(eq(enrollments.programId, filters.programId));
  if (filters.status?.length) conditions.push(inArray(enrollments.status, filters.status));
  if (filters.groupId) conditions.push(eq(enrollments.groupId, filters.groupId));
  if (filters.careMemberId) conditions.push(eq(enrollments.careMemberId, filters.careMemberId));
  if (filters.mine) {
    if (ctx.actor.type !== 'member') {
      throw new AppError('validation_failed', 'Only staff members have partners of their own', {
        details: [{ path: 'query.mine', message: 'Use careMemberId with an API key' }],
      });
    }
    conditions.push(eq(enrollments.careMemberId, ctx.actor.id));
  }
  if (filters.uplineEnrollmentId) {
    conditions.push(eq(enrollments.uplineEnrollmentId, filters.uplineEnrollmentId));
  }
  if (filters.joinedFrom) conditions.push(gte(enrollments.joinedAt, new Date(filters.joinedFrom)));
  if (filters.joinedTo) conditions.push(lt(enrollments.joinedAt, new Date(filters.joinedTo)));
  if (filters.province) conditions.push(eq(partnerProfiles.province, filters.province));
  if (filters.tagId) {
    conditions.push(
      sql`exists (select 1 from ${enrollmentTags} where ${enrollmentTags.orgId} = ${ctx.orgId}
        and ${enrollmentTags.enrollmentId} = ${enrollments.id} and ${enrollmentTags.tagId} = ${filters.tagId})`,
    );
  }
  if (filters.q) conditions.push(searchCondition(ctx, filters.q));
  return conditions.filter((condition): condition is SQL => condition !== undefined);
}
