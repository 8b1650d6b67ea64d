import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import type { ledgerEntries } from '../commissions/schema';
import { balanceKey, insertLedgerEntries, payableBalances } from './balances';
import { payoutBatches, payouts, withdrawalRequests } from './schema';

type LedgerRow = typeof ledgerEntries.$inferInsert;

/** Test hook: runs after each chunk of ledger entries is written (a crash is simulated there). */
export type ApproveHooks = { afterChunk?: (written: number) => Promise<void> | void };

/**
 * Approves a draft batch, exactly once: the batch moves from draft to approved in one conditional
 * update (a second approval, or two accountants at the same moment, find it approved and change
 * nothing), and each payout's gross leaves payable for "in payment" as ledger entries named by the
 * payout (written once whatever happens). All in the caller's transaction: a crash in the middle
 * rolls everything back and the batch is still a draft. A payout whose partner's payable balance
 * fell below it since the batch was built (a return) is cancelled, not paid from nothing.
 */
export async function approvePayoutBatch(
  ctx: TenantContext,
  executor: Executor,
  batchId: string,
  hooks: ApproveHooks = {},
) {
  const now = ctx.services.clock.now();
  const [approved] = await executor
    .update(payoutBatches)
    .set({ status: 'approved', approvedBy: ctx.actor.label, approvedAt: now, updatedAt: now })
    .where(
      and(
        eq(payoutBatches.orgId, ctx.orgId),
        eq(payoutBatches.id, batchId),
        eq(payoutBatches.status, 'draft'),
      ),
    )
    .returning();
  if (!approved) {
    const [batch] = await executor
      .select()
      .from(payoutBatches)
      .where(and(eq(payoutBatches.orgId, ctx.orgId), eq(payoutBatches.id, batchId)));
    if (!batch) throw notFound('Payout batch');
    if (batch.status === 'approved' || batch.status === 'completed')
      return { alreadyApproved: true, cancelled: 0 };
    throw new AppError('conflict', `The batch is ${batch.status}; only a draft can be approved`);
  }
  const drafts = await executor
    .select()
    .from(payouts)
    .where(and(eq(payouts.orgId, ctx.orgId), eq(payouts.batchId, batchId), eq(payouts.status, 'draft')));
  const balances = await payableBalances(ctx, executor, {
    currency: approved.currency,
    enrollmentIds: drafts.map((payout) => payout.enrollmentId),
  });
  const payable = new Map(
    balances.map((row) => [balanceKey(row.enrollmentId, row.currency), row.payableMinor]),
  );
  let kept = 0;
  const cancel: string[] = [];
  const entries: LedgerRow[] = [];
  for (const payout of drafts) {
    if ((payable.get(balanceKey(payout.enrollmentId, payout.currency)) ?? 0n) < payout.grossMinor) {
      cancel.push(payout.id);
      continue;
    }
    kept++;
    const entry = (bucket: 'payable' | 'in_payment', amountMinor: bigint, key: string): LedgerRow => ({
      orgId: ctx.orgId,
      id: newId('ledgerEntry', now.getTime()),
      enrollmentId: payout.enrollmentId,
      currency: payout.currency,
      bucket,
      amountMinor,
      kind: 'payout',
      payoutId: payout.id,
      memo: payout.reference,
      idempotencyKey: `payout:${payout.id}:${key}`,
      createdAt: now,
    });
    entries.push(
      entry('payable', -payout.grossMinor, 'approve-out'),
      entry('in_payment', payout.grossMinor, 'approve-in'),
    );
  }
  for (let start = 0; start < entries.length; start += 10_000) {
    await insertLedgerEntries(executor, entries.slice(start, start + 10_000));
    await hooks.afterChunk?.(start + 10_000);
  }
  await executor
    .update(payouts)
    .set({ status: 'approved', updatedAt: now })
    .where(
      and(
        eq(payouts.orgId, ctx.orgId),
        eq(payouts.batchId, batchId),
        eq(payouts.status, 'draft'),
        cancel.length > 0 ? sql`not (${payouts.id} = any(${sql.param(cancel)}::text[]))` : undefined,
      ),
    );
  if (cancel.length > 0) {
    await executor
      .update(payouts)
      .set({ status: 'cancelled', failureReason: 'balance_changed', updatedAt: now })
      .where(and(eq(payouts.orgId, ctx.orgId), inArray(payouts.id, cancel)));
    await executor
      .update(withdrawalRequests)
      .set({ status: 'requested', payoutId: null, updatedAt: now })
      .where(and(eq(withdrawalRequests.orgId, ctx.orgId), inArray(withdrawalRequests.payoutId, cancel)));
  }
  await recordAudit(ctx, executor, {
    action: 'payouts.batch_approved',
    entityType: 'payout_batch',
    entityId: batchId,
    after: { approved: kept, cancelled: cancel.length },
  });
  return { alreadyApproved: false, cancelled: cancel.length };
}

/** Cancels a draft batch: its payouts are dropped and their requests wait for the next batch. */
export async function cancelPayoutBatch(ctx: TenantContext, executor: Executor, batchId: string) {
  const now = ctx.services.clock.now();
  const [cancelled] = await executor
    .update(payoutBatches)
    .set({ status: 'cancelled', updatedAt: now })
    .where(
      and(
        eq(payoutBatches.orgId, ctx.orgId),
        eq(payoutBatches.id, batchId),
        eq(payoutBatches.status, 'draft'),
      ),
    )
    .returning();
  if (!cancelled) {
    const [batch] = await executor
      .select({ status: payoutBatches.status })
      .from(payoutBatches)
      .where(and(eq(payoutBatches.orgId, ctx.orgId), eq(payoutBatches.id, batchId)));
    if (!batch) throw notFound('Payout batch');
    throw new AppError('conflict', `The batch is ${batch.status}; only a draft can be cancelled`);
  }
  const dropped = await executor
    .update(payouts)
    .set({ status: 'cancelled', updatedAt: now })
    .where(and(eq(payouts.orgId, ctx.orgId), eq(payouts.batchId, batchId), eq(payouts.status, 'draft')))
    .returning({ id: payouts.id });
  if (dropped.length > 0)
    await executor
      .update(withdrawalRequests)
      .set({ status: 'requested', payoutId: null, updatedAt: now })
      .where(
        and(
          eq(withdrawalRequests.orgId, ctx.orgId),
          inArray(
            withdrawalRequests.payoutId,
            dropped.map((row) => row.id),
          ),
        ),
      );
  await recordAudit(ctx, executor, {
    action: 'payouts.batch_cancelled',
    entityType: 'payout_batch',
    entityId: batchId,
  });
}
