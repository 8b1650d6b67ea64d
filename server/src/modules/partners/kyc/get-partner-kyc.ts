import { and, eq } from 'drizzle-orm';
import { openWith } from '../../../platform/crypto';
import type { TenantContext } from '../../../platform/services';
import { getOrgDataKey } from '../../orgs';
import { assertPartnerEnrolled } from '../assert-partner-enrolled';
import { findBankByBin } from '../banks/vn-banks';
import { maskKeepLast4, maskName } from '../mask';
import { partnerProfiles } from '../schema-enrollments';

const DOTS = '••••••';

/**
 * A partner's know-your-partner data as staff see it by default: the citizen id and account
 * number reduced to their last four digits, date of birth and address hidden, the holder's
 * initials, the bank by name. Revealing clear values is a separate, audited request.
 */
export async function getPartnerKyc(ctx: TenantContext, partnerId: string) {
  const { db } = ctx.services;
  await assertPartnerEnrolled(ctx, db, partnerId);
  const [profile] = await db
    .select()
    .from(partnerProfiles)
    .where(and(eq(partnerProfiles.orgId, ctx.orgId), eq(partnerProfiles.partnerId, partnerId)));
  const holder = profile?.bankHolderEnc ? openWith(await getOrgDataKey(ctx), profile.bankHolderEnc) : null;
  return {
    partnerId,
    citizenId: profile?.citizenIdEnc ? maskKeepLast4(null, profile.citizenIdLast4) : null,
    dateOfBirth: profile?.dateOfBirthEnc ? '••••-••-••' : null,
    address: profile?.addressEnc ? DOTS : null,
    bank: findBankByBin(profile?.bankBin) ?? null,
    bankAccount: profile?.bankAccountEnc ? maskKeepLast4(null, profile.bankAccountLast4) : null,
    bankHolder: maskName(holder),
    bankVerifiedAt: profile?.bankVerifiedAt?.toISOString() ?? null,
    updatedAt: profile?.updatedAt.toISOString() ?? null,
  };
}
