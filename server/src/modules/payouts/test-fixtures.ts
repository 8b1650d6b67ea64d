import { and, eq } from 'drizzle-orm';
import { createTestEnrollment, createTestProgram } from '../../../../test/enrollment-fixtures';
import { createTestOrg, systemContext } from '../../../../test/factories';
import type { TestEnv } from '../../../../test/harness';
import { newId } from '../../platform/ids';
import { ledgerEntries } from '../commissions/schema';
import { partnerProfiles, savePartnerKyc, verifyPartnerBank } from '../partners';
import { programs } from '../programs/schema';

/** An organisation with a VND program (minimum payout 200,000 ₫). */
export async function payoutProgram(env: TestEnv) {
  const { org } = await createTestOrg(env);
  const program = await createTestProgram(env, org.id);
  await env.services.db.update(programs).set({ minPayoutMinor: 200_000n }).where(eq(programs.id, program.id));
  return { org, program, ctx: systemContext(env, org.id) };
}

/** An approved partner with a Vietcombank account on file (unless told otherwise). */
export async function payee(
  env: TestEnv,
  orgId: string,
  programId: string,
  options: {
    fullName?: string;
    bank?: boolean;
    /** The organisation verified the account (default when there is one). */
    verified?: boolean;
    isCompany?: boolean;
    taxCommitment?: boolean;
  } = {},
) {
  const made = await createTestEnrollment(env, orgId, {
    programId,
    fullName: options.fullName ?? 'Nguyễn Thị Hồng Nhung',
    status: 'approved',
  });
  const ctx = systemContext(env, orgId);
  if (options.bank !== false) {
    await savePartnerKyc(ctx, made.partner.id, {
      bankBin: '970436',
      bankAccount: '0071000123456',
      bankHolder: options.fullName ?? 'Nguyễn Thị Hồng Nhung',
    });
    if (options.verified !== false) await verifyPartnerBank(ctx, made.partner.id);
  }
  if (options.isCompany || options.taxCommitment) {
    await env.services.db
      .update(partnerProfiles)
      .set({ isCompany: options.isCompany ?? false, taxCommitment: options.taxCommitment ?? false })
      .where(and(eq(partnerProfiles.orgId, orgId), eq(partnerProfiles.partnerId, made.partner.id)));
  }
  return made;
}

/** Makes an amount payable to an enrollment, as an approved adjustment would. */
export async function givePayable(
  env: TestEnv,
  orgId: string,
  enrollmentId: string,
  amountMinor: bigint,
  at?: Date,
  currency = 'VND',
) {
  await env.services.db.insert(ledgerEntries).values({
    orgId,
    id: newId('ledgerEntry'),
    enrollmentId,
    currency,
    bucket: 'payable',
    amountMinor,
    kind: 'adjustment',
    memo: 'Test earnings',
    idempotencyKey: `test:${newId('ledgerEntry')}`,
    createdAt: at ?? env.clock.now(),
  });
}
