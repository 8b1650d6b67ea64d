import { eq } from 'drizzle-orm';
import { identities } from '../modules/auth';
import { findEnrollmentByReferralCode, partners } from '../modules/partners';
import { findUsableInvitation, unsafeGetActiveProgramByPageCode } from '../modules/programs';
import type { Services } from '../platform/services';
import { joinContext } from './join-program';

/** The given name only, as people address each other: last word in Vietnamese, first elsewhere. */
export function givenName(fullName: string, locale: string): string {
  const words = fullName.trim().split(/\s+/);
  return (locale === 'vi' ? words.at(-1) : words[0]) ?? '';
}

/**
 * What a public join page shows: the program (active only, else 404), the organisation's name, the
 * referrer of `?ref=` (given name and code, only an approved partner of the same organisation) and
 * the invitation of `?invite=`.
 */
export async function getJoinPage(
  services: Services,
  input: { pageCode: string; ref?: string; invite?: string },
) {
  const { program, org } = await unsafeGetActiveProgramByPageCode(services.db, input.pageCode);
  const ctx = joinContext(services, program.orgId);
  let referrer: { name: string; code: string } | null = null;
  if (input.ref) {
    const enrollment = await findEnrollmentByReferralCode(ctx, services.db, input.ref).catch(() => undefined);
    if (enrollment?.status === 'approved') {
      const [person] = await services.db
        .select({ fullName: identities.fullName })
        .from(partners)
        .innerJoin(identities, eq(identities.id, partners.identityId))
        .where(eq(partners.id, enrollment.partnerId));
      if (person) referrer = { name: givenName(person.fullName, org.locale), code: enrollment.referralCode };
    }
  }
  const invitation = input.invite
    ? await findUsableInvitation(ctx, services.db, program.id, input.invite)
    : undefined;
  return {
    program: {
      name: program.name,
      description: program.description,
      terms: program.terms,
      joinMode: program.joinMode,
      currency: program.currency,
      joinForm: program.joinForm,
    },
    org: { name: org.name },
    referrer,
    invitation: input.invite
      ? {
          valid: Boolean(invitation),
          fullName: invitation?.fullName ?? null,
          email: invitation?.email ?? null,
          phone: invitation?.phone ?? null,
        }
      : null,
    inviteRequired: program.joinMode === 'invite',
  };
}
