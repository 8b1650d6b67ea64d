import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import type { TenantContext } from '../../platform/services';
import { balancesOf } from '../commissions/ledger';
import { enrollments, findBankByBin, partnerProfiles } from '../partners';
import { programs } from '../programs/schema';
import { toWithdrawalView } from './queries';
import { payouts } from './schema';
import { taxRuleOf } from './tax';
import { listWithdrawals, payoutSettingsOf } from './withdrawals';

/** What the partner app's payout screen shows for one enrollment. */
export async function myPayouts(ctx: TenantContext, executor: Executor, enrollmentId: string) {
  const [row] = await executor
    .select({ enrollment: enrollments, currency: programs.currency, minPayoutMinor: programs.minPayoutMinor })
    .from(enrollments)
    .innerJoin(programs, and(eq(programs.orgId, enrollments.orgId), eq(programs.id, enrollments.programId)))
    .where(and(eq(enrollments.orgId, ctx.orgId), eq(enrollments.id, enrollmentId)));
  const { enrollment, currency, minPayoutMinor } = row!;
  const [profile] = await executor
    .select()
    .from(partnerProfiles)
    .where(and(eq(partnerProfiles.orgId, ctx.orgId), eq(partnerProfiles.partnerId, enrollment.partnerId)));
  const settings = await payoutSettingsOf(ctx, executor, enrollment.programId);
  const rule = await taxRuleOf(ctx, executor);
  const balances = (await balancesOf(ctx, executor, enrollmentId)).get(currency);
  const requests = await listWithdrawals(ctx, executor, { enrollmentId, limit: 50 });
  const rows = await executor
    .select()
    .from(payouts)
    .where(and(eq(payouts.orgId, ctx.orgId), eq(payouts.enrollmentId, enrollmentId)))
    .orderBy(desc(payouts.createdAt))
    .limit(50);
  const text = (value: bigint | undefined) => (value ?? 0n).toString();
  return {
    enrollmentId,
    currency,
    balances: {
      payableMinor: text(balances?.payable),
      inPaymentMinor: text(balances?.in_payment),
      paidMinor: text(balances?.paid),
      withheldMinor: text(balances?.withheld),
      storeCreditMinor: text(balances?.store_credit),
      depositMinor: text(balances?.deposit),
    },
    settings: {
      minimumMinor: minPayoutMinor.toString(),
      methods: settings.methods,
      schedule: settings.schedule,
      storeCreditBonusPpm: settings.storeCreditBonusPpm,
      bankAccount:
        profile?.bankBin && profile.bankAccountEnc
          ? {
              shortName: findBankByBin(profile.bankBin)?.shortName ?? null,
              accountLast4: profile.bankAccountLast4,
            }
          : null,
      // the rate that applies to this program's payouts: none when the rule is off or in another currency
      taxRatePpm: rule.enabled && rule.currency === currency ? rule.ratePpm : 0,
      taxThresholdMinor: rule.thresholdMinor.toString(),
      taxExempt: Boolean(profile?.isCompany || profile?.taxCommitment),
    },
    requests: requests.filter((request) => request.status !== 'cancelled').map(toWithdrawalView),
    payouts: rows
      .filter((payout) => payout.status !== 'draft' && payout.status !== 'cancelled')
      .map((payout) => ({
        id: payout.id,
        currency: payout.currency,
        grossMinor: payout.grossMinor.toString(),
        taxMinor: payout.taxMinor.toString(),
        netMinor: payout.netMinor.toString(),
        taxReason: payout.taxReason,
        method: payout.method,
        status: payout.status,
        reference: payout.reference,
        bank: payout.bankBin
          ? {
              shortName: findBankByBin(payout.bankBin)?.shortName ?? null,
              accountLast4: payout.bankAccountLast4,
            }
          : null,
        failureReason: payout.failureReason,
        paidAt: payout.paidAt?.toISOString() ?? null,
        createdAt: payout.createdAt.toISOString(),
      })),
  };
}
