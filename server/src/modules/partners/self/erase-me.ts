import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../../platform/errors';
import type { Services } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { identities, revokeSessionsOfIdentity } from '../../auth';
import { unsafeDeleteNotificationsOfIdentity } from '../../notifications';
import { orgMembers } from '../../orgs';
import { enrollments, partnerNotes, partnerProfiles } from '../schema-enrollments';
import { getMyPartner, selfContext } from './my-partner';

export const ERASED_NAME = 'Đã xoá';

/**
 * Erases the signed-in partner's personal data: the identity keeps only its id (name "Đã xoá", no
 * email, phone, password or second factor), sessions end, every organisation's profile is cleared
 * and marked anonymised, staff notes about them and the data of imported rows are removed.
 * Enrollments stay, attached to the anonymised record, for what accounting must keep.
 * Staff of an organisation cannot erase themselves here (their organisation would lose an account).
 */
export async function eraseMe(services: Services, identityId: string) {
  const { partner, identity } = await getMyPartner(services, identityId);
  const [staff] = await services.db
    .select({ id: orgMembers.id })
    .from(orgMembers)
    .where(eq(orgMembers.identityId, identityId))
    .limit(1);
  if (staff)
    throw new AppError(
      'conflict',
      'This account is also staff of an organisation; ask its owner to remove you first',
    );
  const now = services.clock.now();
  await services.db.transaction(async (tx) => {
    const orgIds = (
      await tx
        .selectDistinct({ orgId: enrollments.orgId })
        .from(enrollments)
        .where(eq(enrollments.partnerId, partner.id))
    ).map((row) => row.orgId);
    await tx
      .update(identities)
      .set({
        fullName: ERASED_NAME,
        email: null,
        phone: null,
        passwordHash: null,
        totpSecretEnc: null,
        totpEnabledAt: null,
        emailVerifiedAt: null,
        phoneVerifiedAt: null,
        updatedAt: now,
      })
      .where(eq(identities.id, identity.id));
    await revokeSessionsOfIdentity(services, identity.id, { executor: tx });
    for (const orgId of orgIds) {
      await tx
        .insert(partnerProfiles)
        .values({ orgId, partnerId: partner.id, anonymisedAt: now, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({
          target: [partnerProfiles.orgId, partnerProfiles.partnerId],
          set: {
            province: null,
            socialLinks: null,
            customAnswers: null,
            citizenIdEnc: null,
            dateOfBirthEnc: null,
            addressEnc: null,
            bankBin: null,
            bankAccountEnc: null,
            bankHolderEnc: null,
            bankAccountLast4: null,
            citizenIdLast4: null,
            anonymisedAt: now,
            updatedAt: now,
          },
        });
      await recordAudit(selfContext(services, orgId, ERASED_NAME), tx, {
        action: 'partner.erased',
        entityType: 'partner',
        entityId: partner.id,
      });
    }
    await unsafeDeleteNotificationsOfIdentity(tx, identity.id);
    if (orgIds.length > 0) {
      await tx.delete(partnerNotes).where(eq(partnerNotes.partnerId, partner.id));
      await tx.execute(sql`
        update partner_import_rows set data = '{}'::jsonb
         where enrollment_id in (select id from enrollments where partner_id = ${partner.id})
           and org_id = any(${sql.param(orgIds)}::text[])`);
    }
  });
  return { erased: true as const };
}
