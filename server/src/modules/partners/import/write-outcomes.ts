import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import type { TenantContext } from '../../../platform/services';
import type { RowOutcome } from './import-enrollments';

/**
 * Records what happened to rows (the row report) and advances the import's progress counters.
 * The range of row numbers bounds the primary-key scan, so a batch reads its own rows, not the whole
 * import (whatever the planner's statistics of a freshly uploaded file say).
 */
export async function writeOutcomes(
  ctx: TenantContext,
  tx: Executor,
  importId: string,
  outcomes: RowOutcome[],
) {
  if (outcomes.length === 0) return;
  const rowNumbers = outcomes.map((item) => item.rowNumber);
  const first = rowNumbers.reduce((min, value) => Math.min(min, value));
  const last = rowNumbers.reduce((max, value) => Math.max(max, value));
  await tx.execute(sql`
    update partner_import_rows r set outcome = u.outcome, enrollment_id = u.enrollment_id, errors = u.errors::jsonb
      from unnest(${sql.param(rowNumbers)}::int[],
                  ${sql.param(outcomes.map((item) => item.outcome))}::text[],
                  ${sql.param(outcomes.map((item) => item.enrollmentId))}::text[],
                  ${sql.param(outcomes.map((item) => (item.errors ? JSON.stringify(item.errors) : null)))}::text[])
           as u(row_number, outcome, enrollment_id, errors)
     where r.org_id = ${ctx.orgId} and r.import_id = ${importId} and r.row_number = u.row_number
       and r.row_number between ${first} and ${last}`);
  const count = (outcome: RowOutcome['outcome']) =>
    outcomes.filter((item) => item.outcome === outcome).length;
  await tx.execute(sql`
    update partner_imports set processed_rows = processed_rows + ${outcomes.length},
           created_count = created_count + ${count('created')}, updated_count = updated_count + ${count('updated')},
           unchanged_count = unchanged_count + ${count('unchanged')}, error_count = error_count + ${count('error')}
     where org_id = ${ctx.orgId} and id = ${importId}`);
}
