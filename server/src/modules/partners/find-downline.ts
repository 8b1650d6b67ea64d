import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { decodeCursor, type PageQuery, toPage } from '../../platform/http/paging';
import type { TenantContext } from '../../platform/services';
import { getEnrollmentById } from './get-enrollment';
import type { EnrollmentStatus } from './schema-enrollments';

/** Deepest level the tree is walked to; a chain is never deeper than a program allows (≤ 50). */
const MAX_LEVEL = 50;

type Row = {
  id: string;
  partner_id: string;
  full_name: string;
  referral_code: string;
  status: EnrollmentStatus;
  program_id: string;
  joined_at: Date | string;
  direct_count: number | string;
};

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** How many partners sit at each level below an enrollment: [{level: 1, count}, …]. */
export async function countDownlineLevels(executor: Executor, orgId: string, enrollmentId: string) {
  const result = await executor.execute(sql`
    with recursive tree(id, level) as (
      select e.id, 1 from enrollments e where e.org_id = ${orgId} and e.upline_enrollment_id = ${enrollmentId}
      union all
      select e.id, t.level + 1
        from enrollments e join tree t on e.org_id = ${orgId} and e.upline_enrollment_id = t.id
       where t.level < ${MAX_LEVEL}
    )
    select level, count(*)::int as count from tree group by level order by level`);
  return rowsOf<{ level: number; count: number }>(result).map((row) => ({
    level: Number(row.level),
    count: Number(row.count),
  }));
}

/**
 * The referral tree below an enrollment, one level at a time (level 1 = direct recruits), in
 * joining order and paged, with the partner counts of every level.
 */
export async function findDownline(
  ctx: TenantContext,
  enrollmentId: string,
  query: Omit<PageQuery, 'order'> & { level: number },
) {
  const executor = ctx.services.db;
  await getEnrollmentById(ctx, executor, enrollmentId);
  const cursor = decodeCursor(query.cursor);
  const orgId = ctx.orgId;
  const after = cursor ? sql`and (e.joined_at, e.id) > (${cursor.value}::timestamptz, ${cursor.id})` : sql``;
  const result = await executor.execute(sql`
    with recursive tree(id, level) as (
      select e.id, 1 from enrollments e where e.org_id = ${orgId} and e.upline_enrollment_id = ${enrollmentId}
      union all
      select e.id, t.level + 1
        from enrollments e join tree t on e.org_id = ${orgId} and e.upline_enrollment_id = t.id
       where t.level < ${query.level}::int
    )
    select e.id, e.partner_id, i.full_name, e.referral_code, e.status, e.program_id, e.joined_at,
           (select count(*) from enrollments d where d.org_id = ${orgId} and d.upline_enrollment_id = e.id)
             as direct_count
      from tree t
      join enrollments e on e.org_id = ${orgId} and e.id = t.id
      join partners p on p.id = e.partner_id
      join identities i on i.id = p.identity_id
     where t.level = ${query.level}::int ${after}
     order by e.joined_at, e.id
     limit ${query.limit + 1}`);
  const page = toPage(
    rowsOf<Row>(result),
    query.limit,
    (row) => ({ value: new Date(row.joined_at).toISOString(), id: row.id }),
    (row) => ({
      id: row.id,
      partnerId: row.partner_id,
      fullName: row.full_name,
      referralCode: row.referral_code,
      status: row.status,
      programId: row.program_id,
      level: query.level,
      joinedAt: new Date(row.joined_at).toISOString(),
      directCount: Number(row.direct_count),
    }),
  );
  const levels = await countDownlineLevels(executor, orgId, enrollmentId);
  return { ...page, levels, total: levels.reduce((sum, level) => sum + level.count, 0) };
}
