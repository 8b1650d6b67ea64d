import { sql } from 'drizzle-orm';
import type { Services } from '../../../platform/services';
import { getMyPartner } from './my-partner';

const MAX_LEVELS = 10;

/** "Trần Thị Mai" → "Mai T.": recruits see each other by given name and initial only. */
export function shortName(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  if (words.length < 2) return words[0] ?? '';
  return `${words.at(-1)} ${words[0]!.slice(0, 1).toUpperCase()}.`;
}

/**
 * The partners the signed-in partner recruited directly (name shortened, program, status, date),
 * and how many partners sit at each level of their downline.
 */
export async function findMyRecruits(services: Services, identityId: string) {
  const { partner } = await getMyPartner(services, identityId);
  const result = await services.db.execute(sql`
    with recursive tree(org_id, id, level) as (
      select e.org_id, e.id, 1 from enrollments e join enrollments mine
        on mine.org_id = e.org_id and mine.id = e.upline_enrollment_id
       where mine.partner_id = ${partner.id}
      union all
      select e.org_id, e.id, t.level + 1 from enrollments e join tree t
        on e.org_id = t.org_id and e.upline_enrollment_id = t.id where t.level < ${MAX_LEVELS}
    )
    select t.level, e.id, e.status, e.joined_at, p.name as program_name, i.full_name
      from tree t join enrollments e on e.org_id = t.org_id and e.id = t.id
      join programs p on p.org_id = e.org_id and p.id = e.program_id
      join partners pa on pa.id = e.partner_id join identities i on i.id = pa.identity_id
     order by t.level, e.joined_at desc, e.id`);
  const rows = (
    result as unknown as {
      rows: {
        level: number;
        id: string;
        status: string;
        joined_at: string | Date;
        program_name: string;
        full_name: string;
      }[];
    }
  ).rows;
  const levels = new Map<number, number>();
  for (const row of rows) levels.set(Number(row.level), (levels.get(Number(row.level)) ?? 0) + 1);
  return {
    levels: [...levels.entries()].map(([level, count]) => ({ level, count })),
    items: rows
      .filter((row) => Number(row.level) === 1)
      .map((row) => ({
        enrollmentId: row.id,
        name: shortName(row.full_name),
        program: row.program_name,
        status: row.status,
        joinedAt: new Date(row.joined_at).toISOString(),
      })),
  };
}
