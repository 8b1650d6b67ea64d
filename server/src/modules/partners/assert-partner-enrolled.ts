import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import { enrollments } from './schema-enrollments';

/**
 * Throws not-found unless the partner has an enrollment in the organisation; answers the ids of
 * those enrollments. A partner is global, so this is what makes them "a partner of this org".
 */
export async function assertPartnerEnrolled(
  ctx: TenantContext,
  executor: Executor,
  partnerId: string,
): Promise<{ id: string; careMemberId: string | null }[]> {
  const rows = await executor
    .select({ id: enrollments.id, careMemberId: enrollments.careMemberId })
    .from(enrollments)
    .where(and(eq(enrollments.orgId, ctx.orgId), eq(enrollments.partnerId, partnerId)));
  if (rows.length === 0) throw notFound('Partner');
  return rows;
}
