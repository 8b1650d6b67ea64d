import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import type { TenantContext } from '../../platform/services';
import { identities } from '../auth';
import { getEnrollmentById } from './get-enrollment';
import { partners } from './schema';
import { enrollments } from './schema-enrollments';

export type UplineLink = { enrollmentId: string; partnerId: string; depth: number };

/**
 * The chain above an enrollment, nearest first: its upline (depth 1), their upline (depth 2)…
 * Bounded at 50 levels so a corrupted chain cannot loop forever.
 */
export async function findUplineChain(
  executor: Executor,
  orgId: string,
  enrollmentId: string,
): Promise<UplineLink[]> {
  const result = await executor.execute(sql`
    with recursive chain(id, partner_id, upline_id, depth) as (
      select e.id, e.partner_id, e.upline_enrollment_id, 0
        from enrollments e where e.org_id = ${orgId} and e.id = ${enrollmentId}
      union all
      select e.id, e.partner_id, e.upline_enrollment_id, c.depth + 1
        from enrollments e join chain c on e.org_id = ${orgId} and e.id = c.upline_id
       where c.depth < 50
    )
    select id, partner_id, depth from chain where depth > 0 order by depth`);
  const rows = (result as unknown as { rows: { id: string; partner_id: string; depth: number }[] }).rows;
  return rows.map((row) => ({ enrollmentId: row.id, partnerId: row.partner_id, depth: Number(row.depth) }));
}

/** The upline chain of an enrollment of the organisation with names and codes, nearest first. */
export async function findUplineOfEnrollment(ctx: TenantContext, enrollmentId: string) {
  const executor = ctx.services.db;
  await getEnrollmentById(ctx, executor, enrollmentId);
  const chain = await findUplineChain(executor, ctx.orgId, enrollmentId);
  if (chain.length === 0) return { items: [] };
  const rows = await executor
    .select({
      id: enrollments.id,
      partnerId: enrollments.partnerId,
      fullName: identities.fullName,
      referralCode: enrollments.referralCode,
      status: enrollments.status,
      programId: enrollments.programId,
    })
    .from(enrollments)
    .innerJoin(partners, eq(partners.id, enrollments.partnerId))
    .innerJoin(identities, eq(identities.id, partners.identityId))
    .where(
      and(
        eq(enrollments.orgId, ctx.orgId),
        inArray(
          enrollments.id,
          chain.map((link) => link.enrollmentId),
        ),
      ),
    );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return { items: chain.map((link) => ({ depth: link.depth, ...byId.get(link.enrollmentId)! })) };
}
