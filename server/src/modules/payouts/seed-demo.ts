import type { Services, TenantContext } from '../../platform/services';
import { addIncidental } from '../commissions/add-incidental';
import { decideCommissionLines } from '../commissions/decide-lines';
import { savePartnerKyc, verifyPartnerBank } from '../partners';
import { approvePayoutBatch } from './approve-batch';
import { payableBalances } from './balances';
import { buildPayoutBatch } from './build-batch';
import { batchPayouts } from './queries';
import { payoutSettings } from './schema';
import { markPayoutsPaid } from './settle-payouts';

const BANKS: { bin: string; account: string }[] = [
  { bin: '970436', account: '0071000123456' },
  { bin: '970415', account: '101872345678' },
  { bin: '970422', account: '0350123456789' },
];

/**
 * Payouts in the demo: the program pays by VietQR, bank file or store credit (5 % bonus); the demo
 * CTV and two others have bank accounts; the others were paid last month in a completed batch
 * (10 % tax withheld where due); the demo CTV has exactly 2.450.000 ₫ payable, ready to withdraw.
 */
export async function seedDemoPayouts(
  services: Services,
  ctx: TenantContext,
  input: { programId: string; enrollments: { id: string; partnerId: string; fullName: string }[] },
) {
  const [demo, ...others] = input.enrollments;
  if (!demo) return { paid: 0 };
  await services.db
    .insert(payoutSettings)
    .values({
      orgId: ctx.orgId,
      programId: input.programId,
      methods: ['vietqr', 'bank_file', 'store_credit'],
      storeCreditBonusPpm: 50_000,
    })
    .onConflictDoNothing();
  const withBank = [demo, ...others.slice(0, 2)];
  for (const [index, person] of withBank.entries()) {
    await savePartnerKyc(ctx, person.partnerId, {
      bankBin: BANKS[index]!.bin,
      bankAccount: BANKS[index]!.account,
      bankHolder: person.fullName,
    });
    await verifyPartnerBank(ctx, person.partnerId);
  }

  // last month's bonuses of the two others, paid in a batch
  const paid = others.slice(0, 2);
  await services.db.transaction(async (tx) => {
    const lineIds: string[] = [];
    for (const [index, person] of paid.entries()) {
      const line = await addIncidental(ctx, tx, {
        enrollmentId: person.id,
        amountMinor: index === 0 ? 2_600_000n : 1_200_000n,
        reason: 'Thưởng doanh số tháng trước',
        reference: `demo-bonus-${person.id}`,
      });
      lineIds.push(line.id);
    }
    if (lineIds.length > 0) await decideCommissionLines(ctx, tx, { decision: 'approve', lineIds });
  });
  if (paid.length > 0) {
    const built = await services.db
      .transaction((tx) =>
        buildPayoutBatch(ctx, tx, {
          currency: 'VND',
          source: 'balances',
          programId: input.programId,
          enrollmentIds: paid.map((person) => person.id),
          method: 'vietqr',
        }),
      )
      .catch(() => undefined);
    if (built) {
      await services.db.transaction((tx) => approvePayoutBatch(ctx, tx, built.batchId));
      const rows = await batchPayouts(ctx, services.db, built.batchId);
      await services.db.transaction((tx) =>
        markPayoutsPaid(
          ctx,
          tx,
          rows.filter((row) => row.status === 'approved').map((row) => row.id),
        ),
      );
    }
  }

  // the demo CTV: exactly 2.450.000 ₫ payable
  const [current] = await payableBalances(ctx, services.db, { enrollmentIds: [demo.id], currency: 'VND' });
  const missing = 2_450_000n - (current?.payableMinor ?? 0n);
  if (missing !== 0n)
    await services.db.transaction(async (tx) => {
      const line = await addIncidental(ctx, tx, {
        enrollmentId: demo.id,
        amountMinor: missing,
        reason: missing > 0n ? 'Thưởng chương trình khai trương' : 'Điều chỉnh số dư',
        reference: `demo-balance-${demo.id}`,
      });
      await decideCommissionLines(ctx, tx, { decision: 'approve', lineIds: [line.id] });
    });
  return { paid: paid.length };
}
