import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { parseHumanAmount } from '../../platform/human-amount';
import { newId } from '../../platform/ids';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import type { ledgerEntries } from '../commissions/schema';
import { notifyIdentity } from '../notifications';
import { partners } from '../partners';
import { insertLedgerEntries } from './balances';
import { payoutBatches, payouts, withdrawalRequests } from './schema';

type Payout = typeof payouts.$inferSelect;
type LedgerRow = typeof ledgerEntries.$inferInsert;

/** Ids settled; payouts left as they were, with why; how many ids named no payout of the organisation. */
export type SettleResult = { settled: string[]; skipped: { id: string; reason: string }[]; unknown: number };

/**
 * Marks approved payouts paid: the gross leaves "in payment", the net lands in "paid" and the tax
 * in "withheld", as entries named by the payout (marking twice writes nothing more). The partner is
 * notified. A batch whose payouts are all settled is completed.
 */
export async function markPayoutsPaid(
  ctx: TenantContext,
  executor: Executor,
  ids: string[],
  paidAt?: Date,
): Promise<SettleResult> {
  const now = ctx.services.clock.now();
  const when = paidAt ?? now;
  const changed = await settle(ctx, executor, ids, { status: 'paid', paidAt: when });
  const entries: LedgerRow[] = [];
  for (const payout of changed.rows) {
    const entry = (bucket: LedgerRow['bucket'], kind: LedgerRow['kind'], amountMinor: bigint, key: string) =>
      entries.push({
        orgId: ctx.orgId,
        id: newId('ledgerEntry', now.getTime()),
        enrollmentId: payout.enrollmentId,
        currency: payout.currency,
        bucket,
        amountMinor,
        kind,
        payoutId: payout.id,
        memo: payout.reference,
        idempotencyKey: `payout:${payout.id}:${key}`,
        createdAt: now,
      });
    entry('in_payment', 'payout', -payout.grossMinor, 'paid-out');
    entry('paid', 'payout', payout.netMinor, 'paid-in');
    if (payout.taxMinor !== 0n) entry('withheld', 'withholding', payout.taxMinor, 'tax');
  }
  await writeEntries(executor, entries);
  await afterSettling(ctx, executor, changed.rows, 'paid');
  return { settled: changed.rows.map((row) => row.id), skipped: changed.skipped, unknown: changed.unknown };
}

/** A payout the bank could not make: its gross goes back to payable, with the reason, and the partner is told. */
export async function markPayoutFailed(ctx: TenantContext, executor: Executor, id: string, reason: string) {
  const now = ctx.services.clock.now();
  const changed = await settle(ctx, executor, [id], { status: 'failed', failureReason: reason });
  const entries: LedgerRow[] = changed.rows.flatMap((payout) =>
    (
      [
        ['in_payment', -payout.grossMinor, 'failed-out'],
        ['payable', payout.grossMinor, 'failed-in'],
      ] as const
    ).map(([bucket, amountMinor, key]) => ({
      orgId: ctx.orgId,
      id: newId('ledgerEntry', now.getTime()),
      enrollmentId: payout.enrollmentId,
      currency: payout.currency,
      bucket,
      amountMinor,
      kind: 'payout_failed' as const,
      payoutId: payout.id,
      memo: reason,
      idempotencyKey: `payout:${payout.id}:${key}`,
      createdAt: now,
    })),
  );
  await writeEntries(executor, entries);
  await afterSettling(ctx, executor, changed.rows, 'failed', reason);
  return { settled: changed.rows.map((row) => row.id), skipped: changed.skipped, unknown: changed.unknown };
}

async function settle(
  ctx: TenantContext,
  executor: Executor,
  ids: string[],
  set: { status: 'paid' | 'failed'; paidAt?: Date; failureReason?: string },
): Promise<{ rows: Payout[]; skipped: { id: string; reason: string }[]; unknown: number }> {
  if (ids.length === 0) return { rows: [], skipped: [], unknown: 0 };
  const now = ctx.services.clock.now();
  // only approved payouts change; the conditional update is what makes settling exactly once
  const rows = await executor
    .update(payouts)
    .set({ ...set, updatedAt: now })
    .where(and(eq(payouts.orgId, ctx.orgId), inArray(payouts.id, ids), eq(payouts.status, 'approved')))
    .returning();
  const done = new Set(rows.map((row) => row.id));
  const rest = ids.filter((id) => !done.has(id));
  const states =
    rest.length === 0
      ? []
      : await executor
          .select({ id: payouts.id, status: payouts.status })
          .from(payouts)
          .where(and(eq(payouts.orgId, ctx.orgId), inArray(payouts.id, rest)));
  // ids of no payout of this organisation are only counted, never echoed
  return {
    rows,
    skipped: states.map((row) => ({ id: row.id, reason: `already ${row.status}` })),
    unknown: new Set(rest).size - states.length,
  };
}

async function writeEntries(executor: Executor, entries: LedgerRow[]) {
  for (let start = 0; start < entries.length; start += 10_000)
    await insertLedgerEntries(executor, entries.slice(start, start + 10_000));
}

async function afterSettling(
  ctx: TenantContext,
  executor: Executor,
  rows: Payout[],
  outcome: 'paid' | 'failed',
  reason?: string,
) {
  if (rows.length === 0) return;
  const now = ctx.services.clock.now();
  const requestIds = rows.flatMap((row) => (row.withdrawalRequestId ? [row.withdrawalRequestId] : []));
  if (requestIds.length > 0)
    await executor
      .update(withdrawalRequests)
      .set({ status: outcome, reason: reason ?? null, updatedAt: now })
      .where(and(eq(withdrawalRequests.orgId, ctx.orgId), inArray(withdrawalRequests.id, requestIds)));
  const people = await executor
    .select({ id: partners.id, identityId: partners.identityId })
    .from(partners)
    .where(
      inArray(
        partners.id,
        rows.map((row) => row.partnerId),
      ),
    );
  const identityOf = new Map(people.map((row) => [row.id, row.identityId]));
  for (const payout of rows) {
    const identityId = identityOf.get(payout.partnerId);
    if (!identityId) continue;
    await notifyIdentity(ctx, executor, {
      identityId,
      kind: outcome === 'paid' ? 'payout_paid' : 'payout_failed',
      params: {
        amount: payout.netMinor.toString(),
        currency: payout.currency,
        reference: payout.reference,
        ...(reason ? { reason } : {}),
      },
    });
  }
  // batches with nothing left to settle are completed
  const batchIds = [...new Set(rows.map((row) => row.batchId))];
  await executor
    .update(payoutBatches)
    .set({ status: 'completed', updatedAt: now })
    .where(
      and(
        eq(payoutBatches.orgId, ctx.orgId),
        inArray(payoutBatches.id, batchIds),
        eq(payoutBatches.status, 'approved'),
        sql`not exists (select 1 from payouts p where p.org_id = ${ctx.orgId} and p.batch_id = ${payoutBatches.id} and p.status = 'approved')`,
      ),
    );
  await recordAudit(ctx, executor, {
    action: outcome === 'paid' ? 'payouts.paid' : 'payouts.failed',
    entityType: 'payout',
    entityId: rows.length === 1 ? rows[0]!.id : rows[0]!.batchId,
    after: { payouts: rows.map((row) => row.id), ...(reason ? { reason } : {}) },
  });
}

/** A bank statement's amount in minor units ("2.205.000", "+2,205,000.00"), null when unreadable. */
function amountOf(text: string, currency: string): bigint | null {
  try {
    return parseHumanAmount(text.replace(/^[+-]\s*/, ''), currency);
  } catch {
    return null;
  }
}

/** Finds the payout references ("KENH B7 P12") a bank statement's memo carries. */
export function referencesIn(memo: string): string[] {
  return [...memo.toUpperCase().matchAll(/KENH\s*B(\d{1,9})\s*P(\d{1,9})\b/g)].map(
    (match) => `KENH B${Number(match[1])} P${Number(match[2])}`,
  );
}

export type StatementRow = { line: number; memo: string; amountText: string | null };

/**
 * Marks paid the payouts a bank statement shows: each row's memo names a payout reference, and its
 * amount (when the file has one) must equal the payout's net amount. Rows that match nothing, or
 * match with another amount, are reported and change nothing.
 */
export async function importBankStatement(ctx: TenantContext, executor: Executor, rows: StatementRow[]) {
  if (rows.length > 20_000) throw new AppError('validation_failed', 'At most 20,000 rows per statement');
  const wanted = rows.map((row) => ({ row, references: referencesIn(row.memo) }));
  const all = [...new Set(wanted.flatMap((item) => item.references))];
  const found =
    all.length === 0
      ? []
      : await executor
          .select()
          .from(payouts)
          .where(and(eq(payouts.orgId, ctx.orgId), inArray(payouts.reference, all)));
  const byReference = new Map(found.map((payout) => [payout.reference, payout]));
  const report: { line: number; reference: string | null; outcome: string }[] = [];
  const toPay: string[] = [];
  for (const { row, references } of wanted) {
    const payout = references.map((reference) => byReference.get(reference)).find(Boolean);
    if (!payout) report.push({ line: row.line, reference: null, outcome: 'no_match' });
    else if (row.amountText !== null && amountOf(row.amountText, payout.currency) !== payout.netMinor)
      report.push({ line: row.line, reference: payout.reference, outcome: 'amount_mismatch' });
    else if (payout.status !== 'approved')
      report.push({ line: row.line, reference: payout.reference, outcome: `already_${payout.status}` });
    else {
      toPay.push(payout.id);
      report.push({ line: row.line, reference: payout.reference, outcome: 'paid' });
    }
  }
  await markPayoutsPaid(ctx, executor, [...new Set(toPay)]);
  return report;
}
