import { and, eq, inArray } from 'drizzle-orm';
import { AppError, notFound } from '../../platform/errors';
import type { Services, TenantContext } from '../../platform/services';
import { enrollments, findPartnerByIdentity } from '../partners';
import { programs } from '../programs';
import { links } from './schema';

/**
 * One of the signed-in partner's enrollments, with the program settings links need, and a context
 * acting in its organisation. Another partner's enrollment is not found.
 */
export async function getMyEnrollment(services: Services, identityId: string, enrollmentId: string) {
  const partner = await findPartnerByIdentity(services.db, identityId);
  if (!partner) throw new AppError('forbidden', 'This account is not a partner account');
  const [row] = await services.db
    .select({
      enrollment: {
        id: enrollments.id,
        orgId: enrollments.orgId,
        programId: enrollments.programId,
        status: enrollments.status,
        referralCode: enrollments.referralCode,
      },
      program: {
        id: programs.id,
        destinationUrl: programs.destinationUrl,
        allowedDomains: programs.allowedDomains,
        status: programs.status,
      },
    })
    .from(enrollments)
    .innerJoin(programs, and(eq(programs.orgId, enrollments.orgId), eq(programs.id, enrollments.programId)))
    .where(and(eq(enrollments.partnerId, partner.id), eq(enrollments.id, enrollmentId)));
  if (!row) throw notFound('Enrollment');
  const ctx: TenantContext = {
    orgId: row.enrollment.orgId,
    services,
    actor: { type: 'system', label: `Partner ${partner.id} (self-service)` },
  };
  return { ctx, partnerId: partner.id, ...row };
}

export type MyEnrollment = Awaited<ReturnType<typeof getMyEnrollment>>;

/** Links are made only by approved partners of programs that still run. */
export function assertCanShare(mine: MyEnrollment) {
  if (mine.enrollment.status !== 'approved')
    throw new AppError('conflict', 'Your membership of this program is not approved, so it has no links');
  if (mine.program.status === 'archived') throw new AppError('conflict', 'This program has ended');
}

/** The enrollment owning one of the signed-in partner's links; another partner's link is not found. */
export async function getMyLinkEnrollment(services: Services, identityId: string, linkId: string) {
  const partner = await findPartnerByIdentity(services.db, identityId);
  if (!partner) throw new AppError('forbidden', 'This account is not a partner account');
  const mine = await services.db
    .select({ orgId: enrollments.orgId, id: enrollments.id })
    .from(enrollments)
    .where(eq(enrollments.partnerId, partner.id));
  if (mine.length === 0) throw notFound('Link');
  const [link] = await services.db
    .select({ enrollmentId: links.enrollmentId })
    .from(links)
    .where(
      and(
        inArray(
          links.orgId,
          mine.map((row) => row.orgId),
        ),
        eq(links.id, linkId),
        inArray(
          links.enrollmentId,
          mine.map((row) => row.id),
        ),
      ),
    );
  if (!link) throw notFound('Link');
  return getMyEnrollment(services, identityId, link.enrollmentId);
}
