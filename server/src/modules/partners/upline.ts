import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';

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
