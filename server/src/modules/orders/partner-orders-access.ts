import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import type { Services, TenantContext } from '../../platform/services';
import { identities } from '../auth';
import { orgs } from '../orgs';
import { enrollments, findPartnerByIdentity, partners } from '../partners';
import { programs } from '../programs';

/** One of the signed-in partner's enrollments, with what order entry needs from its program. */
export type PartnerSeat = {
  ctx: TenantContext;
  partnerId: string;
  partnerName: string;
  enrollment: { id: string; status: string; careMemberId: string | null };
  program: { id: string; name: string; currency: string };
  orgName: string;
};

/** Every enrollment of the signed-in partner, in every organisation (the partner app's scope). */
export async function findMyEnrollmentRefs(services: Services, identityId: string) {
  const partner = await requirePartner(services.db, identityId);
  const rows = await services.db
    .select({ id: enrollments.id, orgId: enrollments.orgId })
    .from(enrollments)
    .where(eq(enrollments.partnerId, partner.id));
  return { partnerId: partner.id, enrollments: rows };
}

/**
 * The signed-in partner's enrollment `enrollmentId` and a context acting in its organisation.
 * Another partner's enrollment is not found; `approved` refuses enrollments that may not sell.
 */
export async function getMySeat(
  services: Services,
  identityId: string,
  enrollmentId: string,
  options: { approved?: boolean; executor?: Executor } = {},
): Promise<PartnerSeat> {
  const executor = options.executor ?? services.db;
  const partner = await requirePartner(executor, identityId);
  const [row] = await executor
    .select({
      id: enrollments.id,
      orgId: enrollments.orgId,
      status: enrollments.status,
      careMemberId: enrollments.careMemberId,
      programId: programs.id,
      programName: programs.name,
      currency: programs.currency,
      orgName: orgs.name,
      fullName: identities.fullName,
    })
    .from(enrollments)
    .innerJoin(programs, and(eq(programs.orgId, enrollments.orgId), eq(programs.id, enrollments.programId)))
    .innerJoin(orgs, eq(orgs.id, enrollments.orgId))
    .innerJoin(identities, eq(identities.id, identityId))
    .where(and(eq(enrollments.id, enrollmentId), eq(enrollments.partnerId, partner.id)));
  if (!row) throw notFound('Enrollment');
  if (options.approved && row.status !== 'approved') {
    throw new AppError('forbidden', 'Only approved partners of this program can do this');
  }
  return {
    ctx: {
      orgId: row.orgId,
      services,
      actor: { type: 'system', label: `Partner ${row.fullName} (self-service)` },
    },
    partnerId: partner.id,
    partnerName: row.fullName,
    enrollment: { id: row.id, status: row.status, careMemberId: row.careMemberId },
    program: { id: row.programId, name: row.programName, currency: row.currency },
    orgName: row.orgName,
  };
}

/** The enrollments a partner-app list covers: one of theirs when named, else all of theirs. */
export async function myEnrollmentScope(services: Services, identityId: string, enrollmentId?: string) {
  const mine = await findMyEnrollmentRefs(services, identityId);
  const scope = enrollmentId ? mine.enrollments.filter((row) => row.id === enrollmentId) : mine.enrollments;
  if (enrollmentId && scope.length === 0) throw notFound('Enrollment');
  return {
    partnerId: mine.partnerId,
    ids: scope.map((row) => row.id),
    orgIds: [...new Set(scope.map((r) => r.orgId))],
  };
}

async function requirePartner(executor: Executor, identityId: string) {
  const partner = await findPartnerByIdentity(executor, identityId);
  if (!partner) throw new AppError('forbidden', 'This account is not a partner account');
  return partner;
}

/** Names of enrollments' partners and programs, for lists. */
export async function enrollmentLabels(executor: Executor, orgId: string, enrollmentIds: string[]) {
  if (enrollmentIds.length === 0) return new Map<string, EnrollmentLabel>();
  const rows = await executor
    .select({
      id: enrollments.id,
      partnerId: enrollments.partnerId,
      referralCode: enrollments.referralCode,
      careMemberId: enrollments.careMemberId,
      name: identities.fullName,
    })
    .from(enrollments)
    .innerJoin(partners, eq(partners.id, enrollments.partnerId))
    .innerJoin(identities, eq(identities.id, partners.identityId))
    .where(and(eq(enrollments.orgId, orgId), inArray(enrollments.id, enrollmentIds)));
  return new Map(rows.map((row) => [row.id, row]));
}

export type EnrollmentLabel = {
  id: string;
  partnerId: string;
  referralCode: string;
  careMemberId: string | null;
  name: string;
};
