import { eq } from 'drizzle-orm';
import type { Services } from '../../../platform/services';
import { savePartnerKyc } from '../kyc/save-partner-kyc';
import { enrollments } from '../schema-enrollments';
import { getMyPartner, selfContext } from './my-partner';

export type MyBank = { bankBin: string; bankAccount: string; bankHolder: string };

/**
 * The partner's bank account, stored in every organisation they are enrolled in, sealed with each
 * organisation's own key (through the KYC use case, which validates and audits it).
 */
export async function setMyBank(services: Services, identityId: string, bank: MyBank) {
  const { partner, identity } = await getMyPartner(services, identityId);
  const orgIds = (
    await services.db
      .selectDistinct({ orgId: enrollments.orgId })
      .from(enrollments)
      .where(eq(enrollments.partnerId, partner.id))
  ).map((row) => row.orgId);
  await services.db.transaction(async (tx) => {
    for (const orgId of orgIds) {
      await savePartnerKyc(selfContext(services, orgId, identity.fullName), partner.id, bank, tx);
    }
  });
  return { organisations: orgIds.length, bankAccountLast4: bank.bankAccount.slice(-4) };
}
