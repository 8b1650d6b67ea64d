import type { TenantContext } from '../../platform/services';
import { changeEnrollmentStatus } from './change-enrollment-status';
import { runBulk } from './run-bulk';

/**
 * Approves or rejects many enrollments from the approval queue, each on its own: ids that are
 * unknown, of another organisation or not in a status allowing the decision answer an error
 * result and leave the others done.
 */
export async function decideEnrollments(
  ctx: TenantContext,
  input: { enrollmentIds: string[]; status: 'approved' | 'rejected'; reason?: string | null },
) {
  return runBulk(input.enrollmentIds, async (enrollmentId) => {
    const enrollment = await changeEnrollmentStatus(ctx, enrollmentId, {
      status: input.status,
      reason: input.reason,
    });
    return { status: enrollment.status };
  });
}
