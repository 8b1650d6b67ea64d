import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../modules/audit';
import type { NewProgramPartner } from '../modules/joining/schemas';
import { findActiveMember } from '../modules/orgs';
import { createEnrollment, createPartnerAccount, partnerGroups } from '../modules/partners';
import { getProgramById } from '../modules/programs';
import { AppError } from '../platform/errors';
import type { TenantContext } from '../platform/services';

const unknownRecord = (path: string, message: string) =>
  new AppError('unprocessable', message, { details: [{ path, message }] });

/**
 * Staff add a partner to a program by hand (source 'staff', approved unless asked otherwise): the
 * person's global identity (reused by phone or email, created without a password — they set one
 * through password reset), the enrollment with its upline, group and care staff, an audit entry.
 */
export async function addProgramPartner(ctx: TenantContext, programId: string, input: NewProgramPartner) {
  return ctx.services.db.transaction(async (tx) => {
    const program = await getProgramById(ctx, tx, programId);
    if (program.status === 'archived') throw new AppError('conflict', 'This program is archived');
    if (input.groupId) {
      const [group] = await tx
        .select({ id: partnerGroups.id })
        .from(partnerGroups)
        .where(and(eq(partnerGroups.orgId, ctx.orgId), eq(partnerGroups.id, input.groupId)));
      if (!group) throw unknownRecord('body.groupId', 'No such partner group');
    }
    if (input.careMemberId && !(await findActiveMember(ctx, input.careMemberId, tx)))
      throw unknownRecord('body.careMemberId', 'No such active staff member');
    const { partner, identity } = await createPartnerAccount(ctx.services, tx, {
      fullName: input.fullName,
      phone: input.phone,
      email: input.email,
    });
    const enrollment = await createEnrollment(ctx, tx, {
      programId,
      partnerId: partner.id,
      fullName: identity.fullName,
      source: 'staff',
      status: input.status,
      referralCode: input.referralCode,
      uplineReferralCode: input.uplineReferralCode,
      externalId: input.externalId,
      groupId: input.groupId,
      careMemberId: input.careMemberId,
    });
    await recordAudit(ctx, tx, {
      action: 'partner.added',
      entityType: 'enrollment',
      entityId: enrollment.id,
      after: {
        partnerId: partner.id,
        programId,
        status: enrollment.status,
        source: 'staff',
        referralCode: enrollment.referralCode,
        groupId: enrollment.groupId,
        careMemberId: enrollment.careMemberId,
      },
    });
    return {
      id: enrollment.id,
      programId: enrollment.programId,
      partnerId: enrollment.partnerId,
      status: enrollment.status,
      referralCode: enrollment.referralCode,
      source: enrollment.source,
      groupId: enrollment.groupId,
      careMemberId: enrollment.careMemberId,
      uplineEnrollmentId: enrollment.uplineEnrollmentId,
      externalId: enrollment.externalId,
      joinedAt: enrollment.joinedAt.toISOString(),
    };
  });
}
