import { sql } from 'drizzle-orm';
import type { JoinFields } from '../modules/joining/schemas';
import { getOrgDataKey } from '../modules/orgs';
import { partnerProfiles } from '../modules/partners';
import { sealWith } from '../platform/crypto';
import type { Executor } from '../platform/db';
import type { TenantContext } from '../platform/services';

/**
 * Saves what the join form collected in the organisation's partner profile: province, social links
 * and custom answers in clear; citizen ID, date of birth and bank account sealed with the
 * organisation's data key (last 4 digits kept for masked display). Fields not given stay as they were.
 */
export async function saveJoinProfile(
  ctx: TenantContext,
  executor: Executor,
  partnerId: string,
  fields: JoinFields,
) {
  const needsKey = fields.citizenId || fields.dateOfBirth || fields.bankAccount;
  const key = needsKey ? await getOrgDataKey(ctx, executor) : undefined;
  const seal = (plain: string) => sealWith(key!, plain);
  const values = {
    ...(fields.province ? { province: fields.province } : {}),
    ...(fields.socialLinks ? { socialLinks: fields.socialLinks } : {}),
    ...(fields.answers ? { customAnswers: fields.answers } : {}),
    ...(fields.citizenId
      ? { citizenIdEnc: seal(fields.citizenId), citizenIdLast4: fields.citizenId.slice(-4) }
      : {}),
    ...(fields.dateOfBirth ? { dateOfBirthEnc: seal(fields.dateOfBirth) } : {}),
    ...(fields.bankAccount
      ? {
          bankBin: fields.bankAccount.bankBin,
          bankAccountEnc: seal(fields.bankAccount.accountNumber),
          bankHolderEnc: seal(fields.bankAccount.holderName),
          bankAccountLast4: fields.bankAccount.accountNumber.slice(-4),
        }
      : {}),
  };
  const now = ctx.services.clock.now();
  await executor
    .insert(partnerProfiles)
    .values({ orgId: ctx.orgId, partnerId, ...values, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [partnerProfiles.orgId, partnerProfiles.partnerId],
      set: { ...values, updatedAt: sql`excluded.updated_at` },
    });
}
