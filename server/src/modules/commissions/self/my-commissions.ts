import type { PageQuery } from '../../../platform/http/paging';
import type { Services } from '../../../platform/services';
import { findCommissionLines } from '../find-lines';
import type { CommissionLineStatus } from '../schema';
import { getMyCommissionEnrollment } from './my-enrollment';

/** The partner's own commission lines in one program, newest earned first, each with its explanation. */
export async function findMyCommissions(
  services: Services,
  identityId: string,
  query: PageQuery & { enrollmentId: string; status?: CommissionLineStatus[]; orderId?: string },
) {
  const { ctx, enrollment } = await getMyCommissionEnrollment(services, identityId, query.enrollmentId);
  const page = await findCommissionLines(ctx, services.db, {
    limit: query.limit,
    cursor: query.cursor,
    order: query.order,
    status: query.status,
    enrollmentId: enrollment.id,
    orderId: query.orderId,
  });
  return {
    // who decided is staff business; the partner sees the decision and its reason
    items: page.items.map(({ decidedBy: _, ...line }) => line),
    nextCursor: page.nextCursor,
  };
}
