import { eq, sql } from 'drizzle-orm';
import { conflict } from '../../../platform/errors';
import type { Services } from '../../../platform/services';
import { findIdentityByLogin, identities, normaliseEmail } from '../../auth';
import { enrollments, partnerProfiles } from '../schema-enrollments';
import { getMyPartner } from './my-partner';

export type MyProfilePatch = {
  fullName?: string;
  email?: string | null;
  province?: string | null;
  socialLinks?: string[];
};

/** The signed-in partner's own profile: name, contacts, and province and links (one per organisation). */
export async function getMyProfile(services: Services, identityId: string) {
  const { partner, identity } = await getMyPartner(services, identityId);
  const [profile] = await services.db
    .select({ province: partnerProfiles.province, socialLinks: partnerProfiles.socialLinks })
    .from(partnerProfiles)
    .where(eq(partnerProfiles.partnerId, partner.id))
    .orderBy(sql`${partnerProfiles.updatedAt} desc`)
    .limit(1);
  return {
    partnerId: partner.id,
    fullName: identity.fullName,
    email: identity.email,
    emailVerified: Boolean(identity.emailVerifiedAt),
    phone: identity.phone,
    province: profile?.province ?? null,
    socialLinks: profile?.socialLinks ?? [],
  };
}

/**
 * Changes the partner's name and email (global) and province and social links in every
 * organisation they are enrolled in. A changed email must be verified again.
 */
export async function updateMyProfile(services: Services, identityId: string, patch: MyProfilePatch) {
  const { partner, identity } = await getMyPartner(services, identityId);
  const now = services.clock.now();
  await services.db.transaction(async (tx) => {
    const email = patch.email ? normaliseEmail(patch.email) : patch.email;
    if (email && email !== identity.email) {
      const other = await findIdentityByLogin(tx, { email });
      if (other && other.id !== identity.id) {
        throw conflict('This email belongs to another account', [
          { path: 'body.email', message: 'Already used' },
        ]);
      }
    }
    const emailChanged = email !== undefined && email !== identity.email;
    if (patch.fullName !== undefined || emailChanged) {
      await tx
        .update(identities)
        .set({
          ...(patch.fullName !== undefined ? { fullName: patch.fullName } : {}),
          ...(emailChanged ? { email, emailVerifiedAt: null } : {}),
          updatedAt: now,
        })
        .where(eq(identities.id, identity.id));
    }
    if (patch.province !== undefined || patch.socialLinks !== undefined) {
      const orgIds = (
        await tx
          .selectDistinct({ orgId: enrollments.orgId })
          .from(enrollments)
          .where(eq(enrollments.partnerId, partner.id))
      ).map((row) => row.orgId);
      const set = {
        ...(patch.province !== undefined ? { province: patch.province } : {}),
        ...(patch.socialLinks !== undefined ? { socialLinks: patch.socialLinks } : {}),
        updatedAt: now,
      };
      for (const orgId of orgIds) {
        await tx
          .insert(partnerProfiles)
          .values({ orgId, partnerId: partner.id, ...set, createdAt: now })
          .onConflictDoUpdate({ target: [partnerProfiles.orgId, partnerProfiles.partnerId], set });
      }
    }
  });
  return getMyProfile(services, identityId);
}
