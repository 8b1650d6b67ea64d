import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import type { Enrollment } from './create-enrollment';
import { enrollments } from './schema-enrollments';

/**
 * The enrollment with this id in the organisation; another organisation's is not found.
 * `forUpdate` locks the row until the caller's transaction ends (status, upline, code changes).
 */
export async function getEnrollmentById(
  ctx: TenantContext,
  executor: Executor,
  enrollmentId: string,
  options: { forUpdate?: boolean } = {},
): Promise<Enrollment> {
  const query = executor
    .select()
    .from(enrollments)
    .where(and(eq(enrollments.orgId, ctx.orgId), eq(enrollments.id, enrollmentId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Enrollment');
  return row;
}
