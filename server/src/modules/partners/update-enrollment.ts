import { and, eq, ne } from 'drizzle-orm';
import { AppError, conflict, mapDatabaseError } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import { findActiveMember } from '../orgs';
import { applyEnrollmentChanges, type EnrollmentChanges } from './apply-enrollment-changes';
import { findEnrollmentByReferralCode } from './create-enrollment';
import { getEnrollmentById } from './get-enrollment';
import { getPartnerGroupById } from './groups/get-partner-group';
import { normaliseReferralCode } from './referral-code';
import { enrollments } from './schema-enrollments';

export const CODE_TAKEN = 'This referral code is taken';
export const EXTERNAL_ID_TAKEN = 'Another partner has this partner id';

/**
 * Edits an enrollment's referral code (unique in the organisation ignoring case), group, care
 * staff member or the business's own partner id. Each change leaves a history event.
 */
export async function updateEnrollment(ctx: TenantContext, enrollmentId: string, patch: EnrollmentChanges) {
  try {
    return await ctx.services.db.transaction(async (tx) => {
      const before = await getEnrollmentById(ctx, tx, enrollmentId, { forUpdate: true });
      const changes: EnrollmentChanges = { ...patch };
      if (patch.referralCode !== undefined) {
        changes.referralCode = normaliseReferralCode(patch.referralCode ?? '');
        const owner = await findEnrollmentByReferralCode(ctx, tx, changes.referralCode);
        if (owner && owner.id !== enrollmentId) {
          throw conflict(CODE_TAKEN, [{ path: 'body.referralCode', message: 'Choose another code' }]);
        }
      }
      if (patch.groupId)
        await assertKnown(() => getPartnerGroupById(ctx, tx, patch.groupId!), 'body.groupId');
      if (patch.careMemberId && !(await findActiveMember(ctx, patch.careMemberId, tx))) {
        throw invalid('body.careMemberId', 'No active staff member has this id');
      }
      if (patch.externalId) {
        const [other] = await tx
          .select({ id: enrollments.id })
          .from(enrollments)
          .where(
            and(
              eq(enrollments.orgId, ctx.orgId),
              eq(enrollments.externalId, patch.externalId),
              ne(enrollments.id, enrollmentId),
            ),
          );
        if (other) throw conflict(EXTERNAL_ID_TAKEN, [{ path: 'body.externalId', message: 'Already used' }]);
      }
      const { enrollment } = await applyEnrollmentChanges(ctx, tx, before, changes);
      return enrollment;
    });
  } catch (error) {
    throw mapDatabaseError(error, {
      enrollments_code_uq: CODE_TAKEN,
      enrollments_external_uq: EXTERNAL_ID_TAKEN,
    });
  }
}

function invalid(path: string, message: string) {
  return new AppError('unprocessable', message, { details: [{ path, message }] });
}

async function assertKnown(find: () => Promise<unknown>, path: string) {
  try {
    await find();
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') throw invalid(path, error.message);
    throw error;
  }
}
