import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { TenantContext } from '../../platform/services';
import { type LedgerBucket, ledgerEntries } from '../commissions/schema';
import { notifyIdentity } from '../notifications';
import { alertRecipients } from '../orders/alerts-recipients';
import { insertLedgerEntries } from './balances';
import { payoutSettings } from './schema';

export type OrderCharge = {
  orderId: string;
  enrollmentId: string;
  programId: string;
  currency: string;
  totalMinor: bigint;
  /** Store credit the CTV spends on this order (at most the order's total and their credit). */
  storeCreditMinor: bigint;
};

async function bucketBalance(
  ctx: TenantContext,
  executor: Executor,
  enrollmentId: string,
  currency: string,
  bucket: LedgerBucket,
): Promise<bigint> {
  const [row] = await executor
    .select({ amount: sql<string>`coalesce(sum(${ledgerEntries.amountMinor}), 0)::text` })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.orgId, ctx.orgId),
        eq(ledgerEntries.enrollmentId, enrollmentId),
        eq(ledgerEntries.currency, currency),
        eq(ledgerEntries.bucket, bucket),
      ),
    );
  return BigInt(row?.amount ?? '0');
}

/** Whether a program takes deposits (ký quỹ): it blocks orders on them or alerts below a threshold. */
export async function depositSettingsOf(ctx: TenantContext, executor: Executor, programId: string) {
  const [row] = await executor
    .select({
      blocks: payoutSettings.depositBlocksOrders,
      alertMinor: payoutSettings.depositAlertMinor,
      methods: payoutSettings.methods,
    })
    .from(payoutSettings)
    .where(and(eq(payoutSettings.orgId, ctx.orgId), eq(payoutSettings.programId, programId)));
  return {
    enabled: Boolean(row && (row.blocks || row.alertMinor !== null)),
    blocksOrders: row?.blocks ?? false,
    alertMinor: row?.alertMinor ?? null,
    storeCredit: row?.methods.includes('store_credit') ?? false,
  };
}

/**
 * What a CTV's order draws on, in the order's transaction: the store credit they spend on it, then
 * — in programs that take deposits — the rest of its total from their deposit. A program that blocks
 * orders refuses one the deposit cannot cover. Entries are named by the order, so they are written
 * once; a cancelled order gives both back (`releaseOrderFunds`).
 */
export async function chargeOrderFunds(ctx: TenantContext, executor: Executor, charge: OrderCharge) {
  const settings = await depositSettingsOf(ctx, executor, charge.programId);
  const invalid = (path: string, message: string) =>
    new AppError('unprocessable', message, { details: [{ path, message }] });
  const entries: (typeof ledgerEntries.$inferInsert)[] = [];
  const now = ctx.services.clock.now();
  const entry = (
    bucket: LedgerBucket,
    kind: 'store_credit_spend' | 'deposit_draw',
    amount: bigint,
    key: string,
  ) =>
    entries.push({
      orgId: ctx.orgId,
      id: newId('ledgerEntry', now.getTime()),
      enrollmentId: charge.enrollmentId,
      currency: charge.currency,
      bucket,
      amountMinor: amount,
      kind,
      orderId: charge.orderId,
      memo: kind === 'store_credit_spend' ? 'Store credit spent on an order' : 'Order drawn on the deposit',
      idempotencyKey: `order:${charge.orderId}:${key}`,
      createdAt: now,
    });
  if (charge.storeCreditMinor < 0n) throw invalid('body.storeCreditMinor', 'Store credit cannot be negative');
  if (charge.storeCreditMinor > 0n) {
    if (!settings.storeCredit)
      throw invalid('body.storeCreditMinor', 'This program does not offer store credit');
    if (charge.storeCreditMinor > charge.totalMinor)
      throw invalid('body.storeCreditMinor', 'At most the order’s total');
    const credit = await bucketBalance(ctx, executor, charge.enrollmentId, charge.currency, 'store_credit');
    if (charge.storeCreditMinor > credit)
      throw invalid(
        'body.storeCreditMinor',
        `At most your store credit (${credit.toString()} ${charge.currency})`,
      );
    entry('store_credit', 'store_credit_spend', -charge.storeCreditMinor, 'credit');
  }
  const rest = charge.totalMinor - charge.storeCreditMinor;
  let depositAfter: bigint | null = null;
  if (settings.enabled && rest > 0n) {
    const deposit = await bucketBalance(ctx, executor, charge.enrollmentId, charge.currency, 'deposit');
    if (settings.blocksOrders && deposit < rest)
      throw invalid(
        'body.items',
        `Your deposit (${deposit.toString()} ${charge.currency}) does not cover this order (${rest.toString()} ${charge.currency}); top it up first`,
      );
    entry('deposit', 'deposit_draw', -rest, 'deposit');
    depositAfter = deposit - rest;
  }
  await insertLedgerEntries(executor, entries);
  // crossing below the alert threshold tells the partner and their care staff (or the managers)
  if (
    depositAfter !== null &&
    settings.alertMinor !== null &&
    depositAfter < settings.alertMinor &&
    depositAfter + rest >= settings.alertMinor
  ) {
    const recipients = await alertRecipients(ctx, executor, [charge.enrollmentId]);
    const params = {
      enrollmentId: charge.enrollmentId,
      balance: depositAfter.toString(),
      threshold: settings.alertMinor.toString(),
      currency: charge.currency,
    };
    for (const identityId of recipients.partners)
      await notifyIdentity(ctx, executor, { identityId, kind: 'deposit_low', params });
    for (const identityId of recipients.staff)
      await notifyIdentity(ctx, executor, {
        identityId,
        audience: 'staff',
        kind: 'deposit_low',
        params: { ...params, partnerName: recipients.partnerLabels[0] ?? '' },
      });
  }
  return {
    storeCreditMinor: charge.storeCreditMinor,
    depositDrawnMinor: depositAfter === null ? 0n : rest,
    depositAfterMinor: depositAfter,
    belowAlert: depositAfter !== null && settings.alertMinor !== null && depositAfter < settings.alertMinor,
  };
}

/** A cancelled order gives back the store credit and deposit it drew on (once). */
export async function releaseOrderFunds(ctx: TenantContext, executor: Executor, orderId: string) {
  const drawn = await executor
    .select()
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.orgId, ctx.orgId),
        eq(ledgerEntries.orderId, orderId),
        inArray(ledgerEntries.kind, ['store_credit_spend', 'deposit_draw']),
      ),
    );
  const now = ctx.services.clock.now();
  const taken = drawn.filter((row) => row.amountMinor < 0n && !row.idempotencyKey.endsWith(':return'));
  await insertLedgerEntries(
    executor,
    taken.map((row) => ({
      orgId: ctx.orgId,
      id: newId('ledgerEntry', now.getTime()),
      enrollmentId: row.enrollmentId,
      currency: row.currency,
      bucket: row.bucket,
      amountMinor: -row.amountMinor,
      kind: row.kind,
      orderId,
      memo: 'Order cancelled: given back',
      idempotencyKey: `${row.idempotencyKey}:return`,
      createdAt: now,
    })),
  );
}

/** Staff record a deposit received (positive) or refunded (negative), named so a retry writes it once. */
export async function recordDeposit(
  ctx: TenantContext,
  executor: Executor,
  input: { enrollmentId: string; currency: string; amountMinor: bigint; memo: string; reference: string },
) {
  if (input.amountMinor === 0n)
    throw new AppError('validation_failed', 'The amount cannot be zero', {
      details: [{ path: 'amountMinor', message: 'Positive for a deposit received, negative for a refund' }],
    });
  const now = ctx.services.clock.now();
  await insertLedgerEntries(executor, [
    {
      orgId: ctx.orgId,
      id: newId('ledgerEntry', now.getTime()),
      enrollmentId: input.enrollmentId,
      currency: input.currency,
      bucket: 'deposit',
      amountMinor: input.amountMinor,
      kind: 'deposit',
      memo: input.memo,
      idempotencyKey: `deposit:${input.enrollmentId}:${input.reference}`,
      createdAt: now,
    },
  ]);
  return bucketBalance(ctx, executor, input.enrollmentId, input.currency, 'deposit');
}

/** Deposit balances of a program's partners who have one, with whether each is below the alert threshold. */
export async function listDeposits(ctx: TenantContext, executor: Executor, programId?: string) {
  const result = await executor.execute(sql`
    select l.enrollment_id, e.program_id, e.referral_code, i.full_name, l.currency,
           sum(l.amount_minor)::text as balance, s.deposit_alert_minor::text as alert, coalesce(s.deposit_blocks_orders, false) as blocks
      from ledger_entries l
      join enrollments e on e.org_id = l.org_id and e.id = l.enrollment_id
      join partners p on p.id = e.partner_id
      join identities i on i.id = p.identity_id
      left join payout_settings s on s.org_id = e.org_id and s.program_id = e.program_id
     where l.org_id = ${ctx.orgId} and l.bucket = 'deposit'
       ${programId ? sql`and e.program_id = ${programId}` : sql``}
     group by 1, 2, 3, 4, 5, 7, 8
     order by sum(l.amount_minor), i.full_name`);
  return (
    result as unknown as {
      rows: {
        enrollment_id: string;
        program_id: string;
        referral_code: string;
        full_name: string;
        currency: string;
        balance: string;
        alert: string | null;
        blocks: boolean;
      }[];
    }
  ).rows.map((row) => ({
    enrollmentId: row.enrollment_id,
    programId: row.program_id,
    partner: { fullName: row.full_name, referralCode: row.referral_code },
    currency: row.currency,
    balanceMinor: row.balance,
    alertMinor: row.alert,
    belowAlert: row.alert !== null && BigInt(row.balance) < BigInt(row.alert),
    blocksOrders: row.blocks,
  }));
}
