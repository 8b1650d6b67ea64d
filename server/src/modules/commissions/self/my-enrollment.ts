import { and, eq } from 'drizzle-orm';
import { AppError, notFound } from '../../../platform/errors';
import type { Services, TenantContext } from '../../../platform/services';
import { enrollments, findPartnerByIdentity } from '../../partners';
import { programs } from '../../programs/schema';

/**
 * One of the signed-in partner's enrollments with what commissions need (group, program currency),
 * and a context acting in its organisation. Another partner's enrollment is not found.
 */
export async function getMyCommissionEnrollment(
  services: Services,
  identityId: string,
  enrollmentId: string,
) {
  const partner = await findPartnerByIdentity(services.db, identityId);
  if (!partner) throw new AppError('forbidden', 'This account is not a partner account');
  const [row] = await services.db
    .select({
      id: enrollments.id,
      orgId: enrollments.orgId,
      programId: enrollments.programId,
      groupId: enrollments.groupId,
      status: enrollments.status,
      currency: programs.currency,
    })
    .from(enrollments)
    .innerJoin(programs, and(eq(programs.orgId, enrollments.orgId), eq(programs.id, enrollments.programId)))
    .where(and(eq(enrollments.partnerId, partner.id), eq(enrollments.id, enrollmentId)));
  if (!row) throw notFound('Enrollment');
  const ctx: TenantContext = {
    orgId: row.orgId,
    services,
    actor: { type: 'system', label: `Partner ${partner.id} (self-service)` },
  };
  return { ctx, enrollment: row };
}

export type MyCommissionEnrollment = Awaited<ReturnType<typeof getMyCommissionEnrollment>>['enrollment'];
