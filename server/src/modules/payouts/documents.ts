import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import { identities } from '../auth/schema';
import { partners } from '../partners';
import {
  type BankFileRow,
  type BankFileTemplate,
  bankFileCsv,
  bankFileXlsx,
  buildVietQr,
  parseBankFileTemplate,
  VN_STANDARD_TEMPLATE,
} from './formats';
import { batchPayouts, openBankAccounts } from './queries';
import { payoutBatches, type payouts } from './schema';
import { payoutSettingsOf } from './withdrawals';

type Payout = typeof payouts.$inferSelect;

/**
 * The VietQR payload of a payout: the partner's bank (BIN), account and the net amount, with the
 * payout's reference as the memo, so the accountant scans it from any Vietnamese banking app and the
 * bank statement can be matched back.
 */
export async function payoutVietQr(ctx: TenantContext, payout: Payout): Promise<string> {
  if (payout.currency !== 'VND')
    throw new AppError('unprocessable', 'VietQR pays in đồng only; this payout is in another currency');
  if (!payout.bankBin || !payout.bankAccountEnc)
    throw new AppError('unprocessable', 'This payout has no bank account');
  return (await payoutVietQrs(ctx, [payout])).get(payout.id)!;
}

/** The VietQR payloads of many payouts at once (one key look-up), for those paid in đồng to a bank account. */
export async function payoutVietQrs(ctx: TenantContext, rows: Payout[]): Promise<Map<string, string>> {
  const payable = rows.filter(
    (payout) => payout.currency === 'VND' && payout.bankBin && payout.bankAccountEnc,
  );
  const opened = await openBankAccounts(ctx, payable);
  return new Map(
    payable.map((payout) => [
      payout.id,
      buildVietQr({
        bankBin: payout.bankBin!,
        accountNumber: opened.get(payout.id)!.accountNumber!,
        amountMinor: payout.netMinor,
        reference: payout.reference,
      }),
    ]),
  );
}

/**
 * The batch file of a batch's payouts (not cancelled), in the program's template or the ready one:
 * bank transfers with their accounts, and e-wallet payouts with the partner's phone and email (an
 * organisation's own template lays them out for its e-wallet's bulk upload).
 */
export async function batchBankFile(
  ctx: TenantContext,
  executor: Executor,
  batchId: string,
  format: 'csv' | 'xlsx',
): Promise<{ bytes: Buffer; fileName: string }> {
  const [batch] = await executor
    .select({ number: payoutBatches.number, filters: payoutBatches.filters })
    .from(payoutBatches)
    .where(and(eq(payoutBatches.orgId, ctx.orgId), eq(payoutBatches.id, batchId)));
  if (!batch) throw notFound('Payout batch');
  const rows = (await batchPayouts(ctx, executor, batchId)).filter(
    (payout) =>
      payout.status !== 'cancelled' &&
      ((payout.bankAccountEnc && payout.bankBin) || payout.method === 'ewallet'),
  );
  const contacts =
    rows.length === 0
      ? []
      : await executor
          .select({ partnerId: partners.id, phone: identities.phone, email: identities.email })
          .from(partners)
          .innerJoin(identities, eq(identities.id, partners.identityId))
          .where(inArray(partners.id, [...new Set(rows.map((payout) => payout.partnerId))]));
  const contactOf = new Map(contacts.map((row) => [row.partnerId, row]));
  const programId =
    typeof batch.filters.programId === 'string' ? batch.filters.programId : rows[0]?.programId;
  const stored = programId ? (await payoutSettingsOf(ctx, executor, programId)).bankFileTemplate : null;
  const template: BankFileTemplate = stored ? parseBankFileTemplate(stored) : VN_STANDARD_TEMPLATE;
  const opened = await openBankAccounts(ctx, rows);
  const lines: BankFileRow[] = rows.map((payout) => {
    const account = opened.get(payout.id)!;
    return {
      payoutReference: payout.reference,
      partnerName: payout.payeeName,
      accountName: account.accountName ?? payout.payeeName,
      accountNumber: account.accountNumber ?? '',
      bankBin: payout.bankBin ?? '',
      grossMinor: payout.grossMinor,
      taxMinor: payout.taxMinor,
      netMinor: payout.netMinor,
      memo: payout.reference,
      currency: payout.currency,
      phone: contactOf.get(payout.partnerId)?.phone ?? null,
      email: contactOf.get(payout.partnerId)?.email ?? null,
    };
  });
  const fileName = `kenh-payout-batch-${batch.number}.${format}`;
  return {
    bytes: format === 'csv' ? bankFileCsv(template, lines) : await bankFileXlsx(template, lines),
    fileName,
  };
}
