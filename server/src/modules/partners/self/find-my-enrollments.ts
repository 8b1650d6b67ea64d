import { and, asc, eq } from 'drizzle-orm';
import { notFound } from '../../../platform/errors';
import type { Services } from '../../../platform/services';
import { orgs } from '../../orgs';
import { programs } from '../../programs';
import { enrollments } from '../schema-enrollments';
import { getMyPartner } from './my-partner';

/** `${appUrl}/p/join/{pageCode}?ref={code}`: the link a partner shares. */
export function referralLink(services: Services, pageCode: string, code: string): string {
  return `${services.config.appUrl}/p/join/${encodeURIComponent(pageCode)}?ref=${encodeURIComponent(code)}`;
}

/** The signed-in partner's programs in every organisation: status, terms, code and link. */
export async function findMyEnrollments(services: Services, identityId: string) {
  const { partner } = await getMyPartner(services, identityId);
  const rows = await services.db
    .select({
      id: enrollments.id,
      orgId: enrollments.orgId,
      orgName: orgs.name,
      programId: programs.id,
      programName: programs.name,
      terms: programs.terms,
      description: programs.description,
      currency: programs.currency,
      pageCode: programs.pageCode,
      status: enrollments.status,
      statusReason: enrollments.statusReason,
      referralCode: enrollments.referralCode,
      joinedAt: enrollments.joinedAt,
      approvedAt: enrollments.approvedAt,
    })
    .from(enrollments)
    .innerJoin(orgs, eq(orgs.id, enrollments.orgId))
    .innerJoin(programs, and(eq(programs.orgId, enrollments.orgId), eq(programs.id, enrollments.programId)))
    .where(eq(enrollments.partnerId, partner.id))
    .orderBy(asc(enrollments.joinedAt), asc(enrollments.id));
  return {
    items: rows.map((row) => ({
      id: row.id,
      organisation: { id: row.orgId, name: row.orgName },
      program: {
        id: row.programId,
        name: row.programName,
        description: row.description,
        terms: row.terms,
        currency: row.currency,
      },
      status: row.status,
      statusReason: row.statusReason,
      referralCode: row.referralCode,
      referralLink: referralLink(services, row.pageCode, row.referralCode),
      joinedAt: row.joinedAt.toISOString(),
      approvedAt: row.approvedAt?.toISOString() ?? null,
    })),
  };
}

/** The referral link of one of the signed-in partner's enrollments (another's is not found). */
export async function getMyReferralLink(services: Services, identityId: string, enrollmentId: string) {
  const { partner } = await getMyPartner(services, identityId);
  const [row] = await services.db
    .select({ pageCode: programs.pageCode, code: enrollments.referralCode })
    .from(enrollments)
    .innerJoin(programs, and(eq(programs.orgId, enrollments.orgId), eq(programs.id, enrollments.programId)))
    .where(and(eq(enrollments.partnerId, partner.id), eq(enrollments.id, enrollmentId)));
  if (!row) throw notFound('Enrollment');
  return referralLink(services, row.pageCode, row.code);
}
