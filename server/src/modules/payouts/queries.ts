import { and, desc, eq, sql } from 'drizzle-orm';
import { openWith } from '../../platform/crypto';
import type { Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import { getOrgDataKey } from '../orgs';
import { findBankByBin } from '../partners';
import { payoutBatches, payouts, type withdrawalRequests } from './schema';

type Payout = typeof payouts.$inferSelect;
type Batch = typeof payoutBatches.$inferSelect;
type Withdrawal = typeof withdrawalRequests.$inferSelect;

export function toPayoutView(payout: Payout) {
  const bank = payout.bankBin ? findBankByBin(payout.bankBin) : undefined;
  return {
    id: payout.id,
    batchId: payout.batchId,
    enrollmentId: payout.enrollmentId,
    partnerId: payout.partnerId,
    programId: payout.programId,
    withdrawalRequestId: payout.withdrawalRequestId,
    payeeName: payout.payeeName,
    currency: payout.currency,
    grossMinor: payout.grossMinor.toString(),
    taxMinor: payout.taxMinor.toString(),
    netMinor: payout.netMinor.toString(),
    taxReason: payout.taxReason,
    method: payout.method,
    status: payout.status,
    reference: payout.reference,
    bank: payout.bankBin
      ? { bin: payout.bankBin, shortName: bank?.shortName ?? null, accountLast4: payout.bankAccountLast4 }
      : null,
    failureReason: payout.failureReason,
    paidAt: payout.paidAt?.toISOString() ?? null,
    createdAt: payout.createdAt.toISOString(),
  };
}

export function toWithdrawalView(
  request: Withdrawal & {
    partner?: { id: string; fullName: string; referralCode: string };
    programName?: string;
  },
) {
  return {
    ...(request.partner ? { partner: request.partner, programName: request.programName ?? '' } : {}),
    id: request.id,
    enrollmentId: request.enrollmentId,
    programId: request.programId,
    currency: request.currency,
    amountMinor: request.amountMinor.toString(),
    method: request.method,
    status: request.status,
    payoutId: request.payoutId,
    reason: request.reason,
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
  };
}

const TOTALS = {
  count: sql<number>`count(*)::int`,
  gross: sql<string>`coalesce(sum(${payouts.grossMinor}), 0)::text`,
  tax: sql<string>`coalesce(sum(${payouts.taxMinor}), 0)::text`,
  net: sql<string>`coalesce(sum(${payouts.netMinor}), 0)::text`,
};

function toBatchView(batch: Batch, totals: { count: number; gross: string; tax: string; net: string }) {
  return {
    id: batch.id,
    number: batch.number,
    currency: batch.currency,
    status: batch.status,
    filters: batch.filters,
    createdBy: batch.createdBy,
    approvedBy: batch.approvedBy,
    approvedAt: batch.approvedAt?.toISOString() ?? null,
    createdAt: batch.createdAt.toISOString(),
    totals: { count: totals.count, grossMinor: totals.gross, taxMinor: totals.tax, netMinor: totals.net },
  };
}

/** Batches, newest first, with their totals (cancelled payouts not counted). */
export async function listPayoutBatches(ctx: TenantContext, executor: Executor, limit = 50) {
  const rows = await executor
    .select({ batch: payoutBatches, ...TOTALS })
    .from(payoutBatches)
    .leftJoin(
      payouts,
      and(
        eq(payouts.orgId, payoutBatches.orgId),
        eq(payouts.batchId, payoutBatches.id),
        sql`${payouts.status} <> 'cancelled'`,
      ),
    )
    .where(eq(payoutBatches.orgId, ctx.orgId))
    .groupBy(payoutBatches.orgId, payoutBatches.id)
    .orderBy(desc(payoutBatches.createdAt))
    .limit(Math.min(limit, 200));
  return rows.map((row) =>
    toBatchView(row.batch, { count: row.count, gross: row.gross, tax: row.tax, net: row.net }),
  );
}

/** One batch with its payouts (the preview before approval), totals and counts by status. */
export async function getPayoutBatch(ctx: TenantContext, executor: Executor, batchId: string) {
  const [batch] = await executor
    .select()
    .from(payoutBatches)
    .where(and(eq(payoutBatches.orgId, ctx.orgId), eq(payoutBatches.id, batchId)));
  if (!batch) throw notFound('Payout batch');
  const rows = await batchPayouts(ctx, executor, batchId);
  const live = rows.filter((row) => row.status !== 'cancelled');
  const total = (pick: (row: Payout) => bigint) => live.reduce((sum, row) => sum + pick(row), 0n).toString();
  const byStatus: Record<string, number> = {};
  for (const row of rows) byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
  return {
    ...toBatchView(batch, {
      count: live.length,
      gross: total((row) => row.grossMinor),
      tax: total((row) => row.taxMinor),
      net: total((row) => row.netMinor),
    }),
    byStatus,
    payouts: rows.map(toPayoutView),
  };
}

export function batchPayouts(ctx: TenantContext, executor: Executor, batchId: string) {
  return executor
    .select()
    .from(payouts)
    .where(and(eq(payouts.orgId, ctx.orgId), eq(payouts.batchId, batchId)))
    .orderBy(payouts.reference);
}

export async function getPayout(ctx: TenantContext, executor: Executor, payoutId: string) {
  const [payout] = await executor
    .select()
    .from(payouts)
    .where(and(eq(payouts.orgId, ctx.orgId), eq(payouts.id, payoutId)));
  if (!payout) throw notFound('Payout');
  return payout;
}

/** The bank account of payouts, opened with the organisation's data key (for QR codes and bank files). */
export async function openBankAccounts(ctx: TenantContext, rows: Payout[]) {
  const key = await getOrgDataKey(ctx);
  return new Map(
    rows.map((row) => [
      row.id,
      {
        accountNumber: row.bankAccountEnc ? openWith(key, row.bankAccountEnc) : null,
        accountName: row.bankHolderEnc ? openWith(key, row.bankHolderEnc) : null,
      },
    ]),
  );
}
