import { and, eq, isNotNull } from 'drizzle-orm';
import { AppError } from '../../../platform/errors';
import type { TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { assertPartnerEnrolled } from '../assert-partner-enrolled';
import { partnerProfiles } from '../schema-enrollments';

/**
 * Marks a partner's bank account as verified (the organisation checked it against the partner's
 * documents). Payouts by bank transfer go only to verified accounts; changing the account clears it.
 */
export async function verifyPartnerBank(ctx: TenantContext, partnerId: string) {
  const now = ctx.services.clock.now();
  return ctx.services.db.transaction(async (tx) => {
    await assertPartnerEnrolled(ctx, tx, partnerId);
    const [verified] = await tx
      .update(partnerProfiles)
      .set({ bankVerifiedAt: now, updatedAt: now })
      .where(
        and(
          eq(partnerProfiles.orgId, ctx.orgId),
          eq(partnerProfiles.partnerId, partnerId),
          isNotNull(partnerProfiles.bankAccountEnc),
        ),
      )
      .returning({ bankVerifiedAt: partnerProfiles.bankVerifiedAt });
    if (!verified)
      throw new AppError('unprocessable', 'This partner has no bank account to verify', {
        details: [{ path: 'bankAccount', message: 'Add the bank account first' }],
      });
    await recordAudit(ctx, tx, {
      action: 'partner.bank_verified',
      entityType: 'partner',
      entityId: partnerId,
    });
    return { bankVerifiedAt: now.toISOString() };
  });
}
