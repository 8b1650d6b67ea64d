import { and, eq } from 'drizzle-orm';
import { notFound } from '../../../platform/errors';
import type { Services, TenantContext } from '../../../platform/services';
import { enrollments, partners } from '../../partners';

/**
 * The organisation of one of the signed-in partner's approved enrollments, as a read-only context.
 * Another partner's enrollment, or one not (or no longer) approved, is not found.
 */
export async function myEnrollmentContext(
  services: Services,
  identityId: string,
  enrollmentId: string,
): Promise<TenantContext> {
  const [row] = await services.db
    .select({ orgId: enrollments.orgId })
    .from(enrollments)
    .innerJoin(partners, eq(partners.id, enrollments.partnerId))
    .where(
      and(
        eq(enrollments.id, enrollmentId),
        eq(partners.identityId, identityId),
        eq(enrollments.status, 'approved'),
      ),
    );
  if (!row) throw notFound('Enrollment');
  return { orgId: row.orgId, services, actor: { type: 'system', label: 'Partner (catalog)' } };
}
