import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import { ledgerEntries } from '../commissions/schema';
import { orgs } from '../orgs';

/** The balance a statement follows: what the organisation owes the partner (payable + in payment). */
const OWED = ['payable', 'in_payment'] as const;

export type StatementEntryKind = 'earning' | 'reversal' | 'adjustment' | 'payout' | 'store_credit' | 'other';

export type Statement = {
  enrollmentId: string;
  month: string;
  period: { from: string; to: string };
  currency: string;
  openingMinor: bigint;
  closingMinor: bigint;
  totals: {
    earnings: bigint;
    reversals: bigint;
    adjustments: bigint;
    payouts: bigint;
    taxWithheld: bigint;
    netPaid: bigint;
    storeCredit: bigint;
  };
  entries: { at: Date; kind: StatementEntryKind; memo: string; amountMinor: bigint; taxMinor: bigint }[];
};

const monthRange = (month: string, timeZone: string) => {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new AppError('validation_failed', 'Month as YYYY-MM', {
      details: [{ path: 'month', message: 'Month as YYYY-MM' }],
    });
  const [year, number] = month.split('-').map(Number) as [number, number];
  const next = number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return {
    from: `${month}-01`,
    to: `${month}-${String(last).padStart(2, '0')}`,
    start: sql`(${`${month}-01`}::date::timestamp at time zone ${timeZone})`,
    end: sql`(${`${next}-01`}::date::timestamp at time zone ${timeZone})`,
  };
};

/**
 * A partner's statement for one month (in the organisation's time zone), straight from the ledger:
 * the opening balance owed, what was earned, reversed and adjusted, what was paid (gross, with the
 * tax withheld and the net), what became store credit, and the closing balance. Moving money from
 * payable to "in payment" and back is internal and not shown. Closing = opening + every total.
 */
export async function monthlyStatement(
  ctx: TenantContext,
  executor: Executor,
  input: { enrollmentId: string; month: string; currency: string },
): Promise<Statement> {
  const [org] = await executor.select({ timeZone: orgs.timeZone }).from(orgs).where(eq(orgs.id, ctx.orgId));
  const range = monthRange(input.month, org?.timeZone ?? 'UTC');
  const scope = and(
    eq(ledgerEntries.orgId, ctx.orgId),
    eq(ledgerEntries.enrollmentId, input.enrollmentId),
    eq(ledgerEntries.currency, input.currency),
  );
  const [opening] = await executor
    .select({ amount: sql<string>`coalesce(sum(${ledgerEntries.amountMinor}), 0)::text` })
    .from(ledgerEntries)
    .where(
      and(scope, inArray(ledgerEntries.bucket, [...OWED]), lt(ledgerEntries.createdAt, range.start as never)),
    );
  const rows = await executor
    .select()
    .from(ledgerEntries)
    .where(
      and(
        scope,
        inArray(ledgerEntries.bucket, [...OWED, 'withheld']),
        gte(ledgerEntries.createdAt, range.start as never),
        lt(ledgerEntries.createdAt, range.end as never),
      ),
    )
    .orderBy(asc(ledgerEntries.createdAt), asc(ledgerEntries.id));
  const totals = {
    earnings: 0n,
    reversals: 0n,
    adjustments: 0n,
    payouts: 0n,
    taxWithheld: 0n,
    netPaid: 0n,
    storeCredit: 0n,
  };
  const entries: Statement['entries'] = [];
  const taxOf = new Map<string, bigint>();
  for (const row of rows)
    if (row.bucket === 'withheld' && row.payoutId) taxOf.set(row.payoutId, row.amountMinor);
  for (const row of rows) {
    if (row.bucket === 'withheld') {
      totals.taxWithheld += row.amountMinor;
      continue;
    }
    // approving a payout (payable → in payment) and a failed payout (back) are internal moves
    if (row.kind === 'payout' && row.amountMinor > 0n) continue;
    if (row.kind === 'payout' && row.bucket === 'payable') continue;
    if (row.kind === 'payout_failed') continue;
    let kind: StatementEntryKind;
    if (row.kind === 'payout') {
      kind = 'payout';
      totals.payouts += row.amountMinor;
    } else if (row.kind === 'store_credit' || row.kind === 'store_credit_spend') {
      kind = 'store_credit';
      totals.storeCredit += row.amountMinor;
    } else if (row.kind === 'adjustment') {
      kind = 'adjustment';
      totals.adjustments += row.amountMinor;
    } else if (row.amountMinor < 0n) {
      kind = 'reversal';
      totals.reversals += row.amountMinor;
    } else if (row.commissionLineId) {
      kind = 'earning';
      totals.earnings += row.amountMinor;
    } else {
      kind = 'other';
      totals.adjustments += row.amountMinor;
    }
    entries.push({
      at: row.createdAt,
      kind,
      memo: row.memo,
      amountMinor: row.amountMinor,
      taxMinor: kind === 'payout' && row.payoutId ? (taxOf.get(row.payoutId) ?? 0n) : 0n,
    });
  }
  totals.netPaid = -totals.payouts - totals.taxWithheld;
  const openingMinor = BigInt(opening?.amount ?? '0');
  const closingMinor =
    openingMinor +
    totals.earnings +
    totals.reversals +
    totals.adjustments +
    totals.payouts +
    totals.storeCredit;
  return {
    enrollmentId: input.enrollmentId,
    month: input.month,
    period: { from: range.from, to: range.to },
    currency: input.currency,
    openingMinor,
    closingMinor,
    totals,
    entries,
  };
}
