import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { identities } from '../auth/schema';
import { enrollments, partnerProfiles, partners } from '../partners';
import { programs } from '../programs/schema';
import { balanceKey, payableBalances } from './balances';
import { type PayoutMethod, payoutBatches, payouts, withdrawalRequests } from './schema';
import { taxRuleOf, withholdingFor } from './tax';

export type BuildBatchInput = {
  currency: string;
  /** Requests: the partners' withdrawal requests. Balances: every payable balance (scheduled payouts). */
  source: 'requests' | 'balances';
  programId?: string;
  /** Only these partners (enrollments); every partner matching the other filters when left out. */
  enrollmentIds?: string[];
  /** Balances: only what became payable up to this moment. */
  cutOff?: Date;
  /** Leave out payouts below this (never below each program's minimum). */
  minimumMinor?: bigint;
  /** Balances: how they are paid (requests carry their own method). */
  method?: PayoutMethod;
  /** Built by the program's payout schedule for this day (YYYY-MM-DD, organisation time zone). */
  scheduledFor?: string;
};

export type Skipped = { enrollmentId: string; reason: string };

const BANK_METHODS: PayoutMethod[] = ['vietqr', 'bank_file'];

/**
 * Builds a draft batch from payable balances: one payout per partner, with the tax withheld and
 * the bank account copied as it is now. Nothing moves in the ledger until the batch is approved.
 * Partners who already have an open payout, no verified bank account for a bank method, or less
 * than the minimum are left out, each with the reason.
 */
export async function buildPayoutBatch(ctx: TenantContext, executor: Executor, input: BuildBatchInput) {
  const now = ctx.services.clock.now();
  const requests =
    input.source === 'requests'
      ? await executor
          .select()
          .from(withdrawalRequests)
          .where(
            and(
              eq(withdrawalRequests.orgId, ctx.orgId),
              eq(withdrawalRequests.status, 'requested'),
              eq(withdrawalRequests.currency, input.currency),
              input.programId ? eq(withdrawalRequests.programId, input.programId) : undefined,
              input.enrollmentIds ? inArray(withdrawalRequests.enrollmentId, input.enrollmentIds) : undefined,
              sql`${withdrawalRequests.method} <> 'store_credit'`,
            ),
          )
          .orderBy(withdrawalRequests.createdAt)
      : [];
  const balances = await payableBalances(ctx, executor, {
    currency: input.currency,
    programId: input.programId,
    ...(input.source === 'requests'
      ? { enrollmentIds: requests.map((request) => request.enrollmentId) }
      : { cutOff: input.cutOff, enrollmentIds: input.enrollmentIds }),
  });
  const current =
    input.source === 'balances' && input.cutOff
      ? await payableBalances(ctx, executor, {
          currency: input.currency,
          enrollmentIds: balances.map((balance) => balance.enrollmentId),
        })
      : balances;
  const payableNow = new Map(
    current.map((row) => [balanceKey(row.enrollmentId, row.currency), row.payableMinor]),
  );

  type Candidate = { enrollmentId: string; gross: bigint; method: PayoutMethod; requestId: string | null };
  const candidates: Candidate[] =
    input.source === 'requests'
      ? requests.map((request) => ({
          enrollmentId: request.enrollmentId,
          gross: request.amountMinor,
          method: request.method,
          requestId: request.id,
        }))
      : balances.map((balance) => ({
          enrollmentId: balance.enrollmentId,
          gross: balance.payableMinor,
          method: input.method ?? 'vietqr',
          requestId: null,
        }));
  const skipped: Skipped[] = [];
  const ids = candidates.map((candidate) => candidate.enrollmentId);
  const people = await inChunks(ids, (chunk) =>
    executor
      .select({
        enrollmentId: enrollments.id,
        programId: enrollments.programId,
        partnerId: enrollments.partnerId,
        fullName: identities.fullName,
        minPayoutMinor: programs.minPayoutMinor,
        profile: {
          bankBin: partnerProfiles.bankBin,
          bankAccountEnc: partnerProfiles.bankAccountEnc,
          bankAccountLast4: partnerProfiles.bankAccountLast4,
          bankHolderEnc: partnerProfiles.bankHolderEnc,
          bankVerifiedAt: partnerProfiles.bankVerifiedAt,
          isCompany: partnerProfiles.isCompany,
          taxCommitment: partnerProfiles.taxCommitment,
        },
      })
      .from(enrollments)
      .innerJoin(partners, eq(partners.id, enrollments.partnerId))
      .innerJoin(identities, eq(identities.id, partners.identityId))
      .innerJoin(programs, and(eq(programs.orgId, enrollments.orgId), eq(programs.id, enrollments.programId)))
      .leftJoin(
        partnerProfiles,
        and(
          eq(partnerProfiles.orgId, enrollments.orgId),
          eq(partnerProfiles.partnerId, enrollments.partnerId),
        ),
      )
      .where(and(eq(enrollments.orgId, ctx.orgId), inArray(enrollments.id, chunk))),
  );
  const personOf = new Map(people.map((person) => [person.enrollmentId, person]));
  const open = await inChunks(ids, (chunk) =>
    executor
      .select({ enrollmentId: payouts.enrollmentId })
      .from(payouts)
      .where(
        and(
          eq(payouts.orgId, ctx.orgId),
          eq(payouts.currency, input.currency),
          inArray(payouts.enrollmentId, chunk),
          inArray(payouts.status, ['draft', 'approved']),
        ),
      ),
  );
  const hasOpen = new Set(open.map((row) => row.enrollmentId));
  const rule = await taxRuleOf(ctx, executor);

  const [last] = await executor
    .select({ number: sql<number>`coalesce(max(${payoutBatches.number}), 0)::int` })
    .from(payoutBatches)
    .where(eq(payoutBatches.orgId, ctx.orgId));
  const number = (last?.number ?? 0) + 1;
  const batchId = newId('payoutBatch');
  const rows: (typeof payouts.$inferInsert)[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    const person = personOf.get(candidate.enrollmentId);
    const available = payableNow.get(balanceKey(candidate.enrollmentId, input.currency)) ?? 0n;
    const gross = candidate.gross < available ? candidate.gross : available;
    const minimum = [person?.minPayoutMinor ?? 0n, input.minimumMinor ?? 0n].reduce((a, b) =>
      a > b ? a : b,
    );
    const skip = (reason: string) => skipped.push({ enrollmentId: candidate.enrollmentId, reason });
    if (!person) skip('not_found');
    else if (seen.has(candidate.enrollmentId)) skip('duplicate');
    else if (hasOpen.has(candidate.enrollmentId)) skip('open_payout');
    else if (gross <= 0n) skip('nothing_payable');
    else if (candidate.requestId && gross < candidate.gross) skip('balance_below_request');
    else if (gross < minimum) skip('below_minimum');
    else if (
      BANK_METHODS.includes(candidate.method) &&
      !(person.profile?.bankAccountEnc && person.profile.bankBin)
    )
      skip('no_bank_account');
    else if (BANK_METHODS.includes(candidate.method) && !person.profile?.bankVerifiedAt)
      skip('bank_not_verified');
    else {
      seen.add(candidate.enrollmentId);
      const tax = withholdingFor(
        rule,
        {
          isCompany: person.profile?.isCompany ?? false,
          taxCommitment: person.profile?.taxCommitment ?? false,
        },
        gross,
        input.currency,
      );
      rows.push({
        orgId: ctx.orgId,
        id: newId('payout', now.getTime()),
        batchId,
        enrollmentId: candidate.enrollmentId,
        programId: person.programId,
        partnerId: person.partnerId,
        withdrawalRequestId: candidate.requestId,
        currency: input.currency,
        grossMinor: gross,
        taxMinor: tax.taxMinor,
        netMinor: gross - tax.taxMinor,
        taxReason: tax.reason,
        method: candidate.method,
        status: 'draft',
        reference: payoutReference(number, rows.length + 1),
        payeeName: person.fullName,
        bankBin: person.profile?.bankBin ?? null,
        bankAccountEnc: person.profile?.bankAccountEnc ?? null,
        bankAccountLast4: person.profile?.bankAccountLast4 ?? null,
        bankHolderEnc: person.profile?.bankHolderEnc ?? null,
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  if (rows.length === 0)
    throw new AppError('unprocessable', 'No partner can be paid with these filters', {
      details: skipped.slice(0, 20).map((row) => ({ path: row.enrollmentId, message: row.reason })),
    });
  try {
    await executor.insert(payoutBatches).values({
      orgId: ctx.orgId,
      id: batchId,
      number,
      currency: input.currency,
      status: 'draft',
      filters: {
        source: input.source,
        programId: input.programId ?? null,
        enrollmentIds: input.enrollmentIds ?? null,
        cutOff: input.cutOff?.toISOString() ?? null,
        minimumMinor: input.minimumMinor?.toString() ?? null,
        method: input.method ?? null,
        ...(input.scheduledFor ? { scheduledFor: input.scheduledFor } : {}),
        // who was left out and why, kept with the batch (the first 1,000)
        skipped: skipped.slice(0, 1000),
      },
      createdBy: ctx.actor.label,
      createdAt: now,
      updatedAt: now,
    });
    for (let start = 0; start < rows.length; start += 2000)
      await executor.insert(payouts).values(rows.slice(start, start + 2000));
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict', 'Another batch was built at the same moment; build this one again');
    throw error;
  }
  const requestIds = rows.flatMap((row) => (row.withdrawalRequestId ? [row.withdrawalRequestId] : []));
  if (requestIds.length > 0)
    await executor
      .update(withdrawalRequests)
      .set({
        status: 'in_batch',
        payoutId: sql`(select p.id from payouts p where p.org_id = ${ctx.orgId} and p.withdrawal_request_id = ${withdrawalRequests.id} and p.batch_id = ${batchId})`,
        updatedAt: now,
      })
      .where(and(eq(withdrawalRequests.orgId, ctx.orgId), inArray(withdrawalRequests.id, requestIds)));
  await recordAudit(ctx, executor, {
    action: 'payouts.batch_built',
    entityType: 'payout_batch',
    entityId: batchId,
    after: { number, payouts: rows.length, skipped: skipped.length, source: input.source },
  });
  return { batchId, skipped };
}

/** The memo a payout's transfer carries: "KENH B7 P12" — ASCII, short, unique in the organisation. */
export function payoutReference(batchNumber: number, sequence: number): string {
  return `KENH B${batchNumber} P${sequence}`;
}

/** Runs a look-up over many ids in chunks (a statement takes at most 65,535 parameters). */
async function inChunks<T>(ids: string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < ids.length; start += 10_000)
    out.push(...(await query(ids.slice(start, start + 10_000))));
  return out;
}

function isUniqueViolation(error: unknown): boolean {
  for (let cause = error; cause; cause = (cause as { cause?: unknown }).cause)
    if ((cause as { code?: string }).code === '23505') return true;
  return false;
}
