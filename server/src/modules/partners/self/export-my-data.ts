import { and, eq } from 'drizzle-orm';
import { openWith } from '../../../platform/crypto';
import type { Services } from '../../../platform/services';
import { unsafeListNotificationsOfIdentity } from '../../notifications';
import { getOrgDataKey, orgs } from '../../orgs';
import { programs } from '../../programs';
import { enrollmentEvents, enrollments, partnerProfiles } from '../schema-enrollments';
import { getMyPartner, selfContext } from './my-partner';

const SEALED = ['citizenIdEnc', 'dateOfBirthEnc', 'addressEnc', 'bankAccountEnc', 'bankHolderEnc'] as const;

/**
 * Everything Kênh holds about the signed-in partner, across organisations, as one JSON document:
 * identity, and per organisation the enrollments with their history and the profile (sealed fields
 * opened — it is their own data). Internal staff notes are not part of it.
 */
export async function exportMyData(services: Services, identityId: string) {
  const { partner, identity } = await getMyPartner(services, identityId);
  const db = services.db;
  const rows = await db
    .select({ enrollment: enrollments, programName: programs.name, orgName: orgs.name })
    .from(enrollments)
    .innerJoin(orgs, eq(orgs.id, enrollments.orgId))
    .innerJoin(programs, and(eq(programs.orgId, enrollments.orgId), eq(programs.id, enrollments.programId)))
    .where(eq(enrollments.partnerId, partner.id));
  const orgIds = [...new Set(rows.map((row) => row.enrollment.orgId))];
  const organisations = [];
  for (const orgId of orgIds) {
    const [profile] = await db
      .select()
      .from(partnerProfiles)
      .where(and(eq(partnerProfiles.orgId, orgId), eq(partnerProfiles.partnerId, partner.id)));
    const opened: Record<string, string | null> = {};
    if (profile) {
      const key = await getOrgDataKey(selfContext(services, orgId, identity.fullName));
      for (const field of SEALED) {
        const sealed = profile[field];
        opened[field.replace(/Enc$/, '')] = sealed ? openWith(key, sealed) : null;
      }
    }
    const mine = rows.filter((row) => row.enrollment.orgId === orgId);
    const history = [];
    for (const { enrollment } of mine) {
      history.push(
        ...(await db
          .select({
            enrollmentId: enrollmentEvents.enrollmentId,
            type: enrollmentEvents.type,
            toValue: enrollmentEvents.toValue,
            reason: enrollmentEvents.reason,
            at: enrollmentEvents.createdAt,
          })
          .from(enrollmentEvents)
          .where(and(eq(enrollmentEvents.orgId, orgId), eq(enrollmentEvents.enrollmentId, enrollment.id)))),
      );
    }
    organisations.push({
      id: orgId,
      name: mine[0]!.orgName,
      enrollments: mine.map(({ enrollment, programName }) => ({
        id: enrollment.id,
        program: programName,
        status: enrollment.status,
        statusReason: enrollment.statusReason,
        referralCode: enrollment.referralCode,
        source: enrollment.source,
        joinedAt: enrollment.joinedAt.toISOString(),
        approvedAt: enrollment.approvedAt?.toISOString() ?? null,
      })),
      history: history.map((event) => ({ ...event, at: event.at.toISOString() })),
      profile: profile
        ? {
            province: profile.province,
            socialLinks: profile.socialLinks ?? [],
            customAnswers: profile.customAnswers ?? {},
            bankBin: profile.bankBin,
            ...opened,
          }
        : null,
    });
  }
  return {
    exportedAt: services.clock.now().toISOString(),
    identity: {
      id: identity.id,
      fullName: identity.fullName,
      email: identity.email,
      phone: identity.phone,
      locale: identity.locale,
      emailVerifiedAt: identity.emailVerifiedAt?.toISOString() ?? null,
      phoneVerifiedAt: identity.phoneVerifiedAt?.toISOString() ?? null,
      createdAt: identity.createdAt.toISOString(),
    },
    partner: { id: partner.id, createdAt: partner.createdAt.toISOString() },
    organisations,
    notifications: await unsafeListNotificationsOfIdentity(db, identity.id),
  };
}
