import { sql } from 'drizzle-orm';
import type { TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { createEnrollment } from '../create-enrollment';
import { createPartnerAccount } from '../create-partner-account';
import { partnerProfiles } from '../schema-enrollments';
import type { NewPartner } from './schemas';

/**
 * Staff add a partner by hand: the person's global identity (reused when the phone or email is
 * known, in any organisation), their enrollment in the program (source 'staff') and province.
 */
export async function addPartner(ctx: TenantContext, input: NewPartner) {
  return ctx.services.db.transaction(async (tx) => {
    const { partner, identity } = await createPartnerAccount(ctx.services, tx, {
      fullName: input.fullName,
      phone: input.phone,
      email: input.email,
    });
    const enrollment = await createEnrollment(ctx, tx, {
      programId: input.programId,
      partnerId: partner.id,
      fullName: identity.fullName,
      source: 'staff',
      status: input.status,
      referralCode: input.referralCode,
      uplineReferralCode: input.uplineReferralCode,
      externalId: input.externalId,
    });
    if (input.province) {
      const now = ctx.services.clock.now();
      await tx
        .insert(partnerProfiles)
        .values({
          orgId: ctx.orgId,
          partnerId: partner.id,
          province: input.province,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoUpdate({
          target: [partnerProfiles.orgId, partnerProfiles.partnerId],
          set: { province: sql`excluded.province`, updatedAt: now },
        });
    }
    await recordAudit(ctx, tx, {
      action: 'partner.added',
      entityType: 'enrollment',
      entityId: enrollment.id,
      after: { partnerId: partner.id, programId: input.programId, status: input.status, source: 'staff' },
    });
    return { partnerId: partner.id, enrollmentId: enrollment.id };
  });
}
