import { and, eq } from 'drizzle-orm';
import { sealWith } from '../../../platform/crypto';
import type { Executor } from '../../../platform/db';
import { AppError } from '../../../platform/errors';
import type { TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { getOrgDataKey, orgs } from '../../orgs';
import { assertPartnerEnrolled } from '../assert-partner-enrolled';
import { recordEnrollmentEvents } from '../create-enrollment';
import { partnerProfiles } from '../schema-enrollments';
import { SEALED_COLUMN, toBankHolderName } from './kyc-columns';
import type { KycField, KycInput } from './schemas';

const MIN_AGE = 16;

function invalid(path: string, message: string) {
  return new AppError('validation_failed', message, { details: [{ path: `body.${path}`, message }] });
}

/** Age in whole years on `today` (both YYYY-MM-DD). */
function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/**
 * Stores a partner's know-your-partner data for the organisation, sealed with its data key; only
 * the bank BIN and the last four digits of the citizen id and account stay readable. Omitted
 * fields keep their value, null clears. Audited by field names, never values.
 */
export async function savePartnerKyc(
  ctx: TenantContext,
  partnerId: string,
  input: KycInput,
  executor: Executor = ctx.services.db,
) {
  return executor.transaction(async (tx) => {
    const enrolled = await assertPartnerEnrolled(ctx, tx, partnerId);
    const [org] = await tx.select({ timeZone: orgs.timeZone }).from(orgs).where(eq(orgs.id, ctx.orgId));
    if (input.dateOfBirth) {
      const today = new Intl.DateTimeFormat('en-CA', {
        timeZone: org?.timeZone ?? 'Asia/Ho_Chi_Minh',
      }).format(ctx.services.clock.now());
      if (input.dateOfBirth > today) throw invalid('dateOfBirth', 'The date of birth is in the future');
      if (ageOn(input.dateOfBirth, today) < MIN_AGE)
        throw invalid('dateOfBirth', `Partners must be at least ${MIN_AGE}`);
    }
    const holder = input.bankHolder ? toBankHolderName(input.bankHolder) : input.bankHolder;
    if (holder && !/^[A-Z]+( [A-Z]+)+$|^[A-Z]{2,}$/.test(holder)) {
      throw invalid('bankHolder', 'Use letters and spaces only, as printed by the bank');
    }
    const [current] = await tx
      .select()
      .from(partnerProfiles)
      .where(and(eq(partnerProfiles.orgId, ctx.orgId), eq(partnerProfiles.partnerId, partnerId)))
      .for('update');
    const bankBin = input.bankBin !== undefined ? input.bankBin : (current?.bankBin ?? null);
    const hasAccount = input.bankAccount !== undefined ? input.bankAccount : current?.bankAccountEnc;
    if (hasAccount && !bankBin) throw invalid('bankBin', 'Choose the bank of this account');

    const key = await getOrgDataKey(ctx, tx);
    const values: KycInput & { bankHolder?: string | null } = { ...input, bankHolder: holder };
    const set: Partial<typeof partnerProfiles.$inferInsert> = {};
    const changed: (KycField | 'bankBin')[] = [];
    for (const field of Object.keys(SEALED_COLUMN) as KycField[]) {
      const value = values[field];
      if (value === undefined) continue;
      set[SEALED_COLUMN[field]] = value === null ? null : sealWith(key, value);
      changed.push(field);
    }
    if (input.citizenId !== undefined) set.citizenIdLast4 = input.citizenId?.slice(-4) ?? null;
    if (input.bankAccount !== undefined) set.bankAccountLast4 = input.bankAccount?.slice(-4) ?? null;
    if (input.bankBin !== undefined) {
      set.bankBin = input.bankBin;
      changed.push('bankBin');
    }
    if (input.bankBin !== undefined || input.bankAccount !== undefined || input.bankHolder !== undefined) {
      set.bankVerifiedAt = null;
    }
    const now = ctx.services.clock.now();
    if (changed.length > 0) {
      await tx
        .insert(partnerProfiles)
        .values({ orgId: ctx.orgId, partnerId, ...set, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({
          target: [partnerProfiles.orgId, partnerProfiles.partnerId],
          set: { ...set, updatedAt: now },
        });
      await recordEnrollmentEvents(
        ctx,
        tx,
        enrolled.map((enrollment) => ({
          enrollmentId: enrollment.id,
          type: 'profile_changed' as const,
          toValue: `kyc:${changed.join(',')}`,
        })),
      );
      await recordAudit(ctx, tx, {
        action: 'partner.kyc_updated',
        entityType: 'partner',
        entityId: partnerId,
        after: { fields: changed },
      });
    }
    return changed;
  });
}
