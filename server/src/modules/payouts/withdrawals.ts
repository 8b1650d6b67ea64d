import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { divideRounded, RATE_SCALE } from '../../platform/money';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { identities } from '../auth/schema';
import { ledgerEntries } from '../commissions/schema';
import { enrollments, partnerProfiles, partners } from '../partners';
import { programs } from '../programs/schema';
import { balanceKey, payableBalances } from './balances';
import { parseBankFileTemplate } from './formats';
import { type PayoutMethod, type PayoutSchedule, payoutSettings, withdrawalRequests } from './schema';

export const DEFAULT_METHODS: PayoutMethod[] = ['vietqr', 'bank_file'];

/** A program's payout settings, with the defaults until staff set them. */
export async function payoutSettingsOf(ctx: TenantContext, executor: Executor, programId: string) {
  const [row] = await executor
    .select()
    .from(payoutSettings)
    .where(and(eq(payoutSettings.orgId, ctx.orgId), eq(payoutSettings.programId, programId)));
  return {
    schedule: row?.schedule ?? 'on_request',
    methods: row?.methods ?? DEFAULT_METHODS,
    storeCreditBonusPpm: row?.storeCreditBonusPpm ?? 0,
    depositAlertMinor: row?.depositAlertMinor ?? null,
    depositBlocksOrders: row?.depositBlocksOrders ?? false,
    bankFileTemplate: row?.bankFileTemplate ?? null,
  };
}

export type PayoutSettingsInput = {
  schedule: PayoutSchedule;
  methods: PayoutMethod[];
  storeCreditBonusPpm: number;
  depositAlertMinor: bigint | null;
  depositBlocksOrders: boolean;
  bankFileTemplate: Record<string, unknown> | null;
};

/** Changes how a program pays; the bank file template is checked before it is stored. */
export async function savePayoutSettings(
  ctx: TenantContext,
  executor: Executor,
  programId: string,
  input: PayoutSettingsInput,
) {
  const [program] = await executor
    .select({ id: programs.id })
    .from(programs)
    .where(and(eq(programs.orgId, ctx.orgId), eq(programs.id, programId)));
  if (!program) throw notFound('Program');
  if (input.bankFileTemplate) parseBankFileTemplate(input.bankFileTemplate);
  const values = { ...input, methods: [...new Set(input.methods)], updatedAt: ctx.services.clock.now() };
  await executor
    .insert(payoutSettings)
    .values({ orgId: ctx.orgId, programId, ...values })
    .onConflictDoUpdate({ target: [payoutSettings.orgId, payoutSettings.programId], set: values });
  await recordAudit(ctx, executor, {
    action: 'payouts.settings_changed',
    entityType: 'program',
    entityId: programId,
    after: { ...values, depositAlertMinor: values.depositAlertMinor?.toString() ?? null },
  });
  return payoutSettingsOf(ctx, executor, programId);
}

async function enrollmentWithProgram(ctx: TenantContext, executor: Executor, enrollmentId: string) {
  const [row] = await executor
    .select({
      enrollment: enrollments,
      currency: programs.currency,
      minPayoutMinor: programs.minPayoutMinor,
    })
    .from(enrollments)
    .innerJoin(programs, and(eq(programs.orgId, enrollments.orgId), eq(programs.id, enrollments.programId)))
    .where(and(eq(enrollments.orgId, ctx.orgId), eq(enrollments.id, enrollmentId)));
  if (!row) throw notFound('Enrollment');
  return row;
}

async function payableOf(ctx: TenantContext, executor: Executor, enrollmentId: string, currency: string) {
  const [balance] = await payableBalances(ctx, executor, { enrollmentIds: [enrollmentId], currency });
  return balance?.payableMinor ?? 0n;
}

export type WithdrawalInput = {
  enrollmentId: string;
  amountMinor: bigint;
  method: PayoutMethod;
  clientRequestId: string;
};

/**
 * A partner asks to be paid: at most the payable balance, at least the program's minimum, by a
 * method the program allows; bank methods need a bank account on file. One open request at a time;
 * the same tap sent twice (same client request id) answers the first request.
 */
export async function requestWithdrawal(ctx: TenantContext, executor: Executor, input: WithdrawalInput) {
  const existing = await findByClientId(ctx, executor, input.enrollmentId, input.clientRequestId);
  if (existing) return existing;
  const { enrollment, currency, minPayoutMinor } = await enrollmentWithProgram(
    ctx,
    executor,
    input.enrollmentId,
  );
  if (enrollment.status !== 'approved')
    throw new AppError('forbidden', 'Only approved partners can ask for a payout');
  const settings = await payoutSettingsOf(ctx, executor, enrollment.programId);
  const invalid = (path: string, message: string) =>
    new AppError('validation_failed', message, { details: [{ path, message }] });
  if (input.method === 'store_credit')
    throw invalid('method', 'Use “turn into store credit” to spend your balance in the app');
  if (!settings.methods.includes(input.method))
    throw invalid('method', 'This program does not pay by that method');
  const payable = await payableOf(ctx, executor, enrollment.id, currency);
  if (input.amountMinor <= 0n) throw invalid('amountMinor', 'The amount must be more than zero');
  if (input.amountMinor > payable)
    throw invalid('amountMinor', `At most your payable balance (${payable.toString()} ${currency})`);
  if (input.amountMinor < minPayoutMinor)
    throw invalid('amountMinor', `At least the program’s minimum (${minPayoutMinor.toString()} ${currency})`);
  if (input.method === 'vietqr' || input.method === 'bank_file') {
    const [profile] = await executor
      .select({
        bankBin: partnerProfiles.bankBin,
        bankAccountEnc: partnerProfiles.bankAccountEnc,
        bankVerifiedAt: partnerProfiles.bankVerifiedAt,
      })
      .from(partnerProfiles)
      .where(and(eq(partnerProfiles.orgId, ctx.orgId), eq(partnerProfiles.partnerId, enrollment.partnerId)));
    if (!profile?.bankBin || !profile.bankAccountEnc)
      throw invalid('method', 'Add your bank account in your profile first');
    if (!profile.bankVerifiedAt)
      throw invalid('method', 'Your bank account is waiting for the organisation to verify it');
  }
  const now = ctx.services.clock.now();
  const [created] = await executor
    .insert(withdrawalRequests)
    .values({
      orgId: ctx.orgId,
      id: newId('withdrawalRequest', now.getTime()),
      enrollmentId: enrollment.id,
      programId: enrollment.programId,
      currency,
      amountMinor: input.amountMinor,
      method: input.method,
      clientRequestId: input.clientRequestId,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (!created) {
    const again = await findByClientId(ctx, executor, input.enrollmentId, input.clientRequestId);
    if (again) return again;
    throw new AppError(
      'conflict',
      'You already have a payout request waiting; cancel it to ask for another amount',
    );
  }
  await recordAudit(ctx, executor, {
    action: 'payouts.withdrawal_requested',
    entityType: 'withdrawal_request',
    entityId: created.id,
    after: { amountMinor: created.amountMinor.toString(), method: created.method },
  });
  return created;
}

async function findByClientId(
  ctx: TenantContext,
  executor: Executor,
  enrollmentId: string,
  clientId: string,
) {
  const [row] = await executor
    .select()
    .from(withdrawalRequests)
    .where(
      and(
        eq(withdrawalRequests.orgId, ctx.orgId),
        eq(withdrawalRequests.enrollmentId, enrollmentId),
        eq(withdrawalRequests.clientRequestId, clientId),
      ),
    );
  return row;
}

/** A request not yet in a batch can be withdrawn by the partner, or rejected by staff with a reason. */
export async function closeWithdrawal(
  ctx: TenantContext,
  executor: Executor,
  id: string,
  outcome: { status: 'cancelled' | 'rejected'; reason?: string; enrollmentId?: string },
) {
  const [closed] = await executor
    .update(withdrawalRequests)
    .set({ status: outcome.status, reason: outcome.reason ?? null, updatedAt: ctx.services.clock.now() })
    .where(
      and(
        eq(withdrawalRequests.orgId, ctx.orgId),
        eq(withdrawalRequests.id, id),
        eq(withdrawalRequests.status, 'requested'),
        outcome.enrollmentId ? eq(withdrawalRequests.enrollmentId, outcome.enrollmentId) : undefined,
      ),
    )
    .returning();
  if (closed) {
    await recordAudit(ctx, executor, {
      action: `payouts.withdrawal_${outcome.status}`,
      entityType: 'withdrawal_request',
      entityId: id,
      after: { reason: outcome.reason ?? null },
    });
    return closed;
  }
  const [row] = await executor
    .select()
    .from(withdrawalRequests)
    .where(
      and(
        eq(withdrawalRequests.orgId, ctx.orgId),
        eq(withdrawalRequests.id, id),
        outcome.enrollmentId ? eq(withdrawalRequests.enrollmentId, outcome.enrollmentId) : undefined,
      ),
    );
  if (!row) throw notFound('Withdrawal request');
  throw new AppError('conflict', `The request is ${row.status.replace('_', ' ')} and can no longer change`);
}

export async function listWithdrawals(
  ctx: TenantContext,
  executor: Executor,
  filter: { enrollmentId?: string; status?: string; limit?: number },
) {
  const rows = await executor
    .select({
      request: withdrawalRequests,
      partnerId: enrollments.partnerId,
      fullName: identities.fullName,
      referralCode: enrollments.referralCode,
      programName: programs.name,
    })
    .from(withdrawalRequests)
    .innerJoin(
      enrollments,
      and(
        eq(enrollments.orgId, withdrawalRequests.orgId),
        eq(enrollments.id, withdrawalRequests.enrollmentId),
      ),
    )
    .innerJoin(partners, eq(partners.id, enrollments.partnerId))
    .innerJoin(identities, eq(identities.id, partners.identityId))
    .innerJoin(
      programs,
      and(eq(programs.orgId, withdrawalRequests.orgId), eq(programs.id, withdrawalRequests.programId)),
    )
    .where(
      and(
        eq(withdrawalRequests.orgId, ctx.orgId),
        filter.enrollmentId ? eq(withdrawalRequests.enrollmentId, filter.enrollmentId) : undefined,
        filter.status
          ? eq(withdrawalRequests.status, filter.status as (typeof withdrawalRequests.$inferSelect)['status'])
          : undefined,
      ),
    )
    .orderBy(desc(withdrawalRequests.createdAt))
    .limit(Math.min(filter.limit ?? 100, 500));
  return rows.map((row) => ({
    ...row.request,
    partner: { id: row.partnerId, fullName: row.fullName, referralCode: row.referralCode },
    programName: row.programName,
  }));
}

/**
 * Turns payable balance into store credit to spend on orders in the app, with the program's bonus
 * percentage on top: out of payable, into store credit (amount + bonus), as entries named by the
 * client's id so a repeated tap converts once.
 */
export async function convertToStoreCredit(
  ctx: TenantContext,
  executor: Executor,
  input: { enrollmentId: string; amountMinor: bigint; clientRequestId: string },
) {
  const { enrollment, currency } = await enrollmentWithProgram(ctx, executor, input.enrollmentId);
  const settings = await payoutSettingsOf(ctx, executor, enrollment.programId);
  const invalid = (message: string) =>
    new AppError('validation_failed', message, { details: [{ path: 'amountMinor', message }] });
  if (!settings.methods.includes('store_credit'))
    throw new AppError('forbidden', 'This program does not offer store credit');
  const key = `store-credit:${enrollment.id}:${input.clientRequestId}`;
  const [done] = await executor
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.orgId, ctx.orgId), eq(ledgerEntries.idempotencyKey, `${key}:in`)));
  if (done) return { amountMinor: done.amountMinor, currency, alreadyDone: true };
  if (input.amountMinor <= 0n) throw invalid('The amount must be more than zero');
  const payable = await payableOf(ctx, executor, enrollment.id, currency);
  if (input.amountMinor > payable)
    throw invalid(`At most your payable balance (${payable.toString()} ${currency})`);
  const bonus = divideRounded(
    input.amountMinor * BigInt(settings.storeCreditBonusPpm),
    RATE_SCALE,
    'half_up',
  );
  const now = ctx.services.clock.now();
  const base = { orgId: ctx.orgId, enrollmentId: enrollment.id, currency, createdAt: now };
  await executor
    .insert(ledgerEntries)
    .values([
      {
        ...base,
        id: newId('ledgerEntry', now.getTime()),
        bucket: 'payable',
        amountMinor: -input.amountMinor,
        kind: 'store_credit',
        memo: 'Store credit',
        idempotencyKey: `${key}:out`,
      },
      {
        ...base,
        id: newId('ledgerEntry', now.getTime()),
        bucket: 'store_credit',
        amountMinor: input.amountMinor + bonus,
        kind: 'store_credit',
        memo: bonus > 0n ? `Store credit with ${bonus.toString()} bonus` : 'Store credit',
        idempotencyKey: `${key}:in`,
      },
    ])
    .onConflictDoNothing();
  return { amountMinor: input.amountMinor + bonus, currency, alreadyDone: false };
}

export { balanceKey };
