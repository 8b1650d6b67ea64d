import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { newId } from '../../platform/ids';
import type { TenantContext } from '../../platform/services';
import {
  type CommissionLineStatus,
  type commissionLines,
  type LedgerBucket,
  type LedgerKind,
  ledgerEntries,
} from './schema';

type Line = typeof commissionLines.$inferSelect;

/** The bucket a line's amount sits in for each status; void and rejected lines hold nothing. */
export const BUCKET_OF_STATUS: Record<CommissionLineStatus, LedgerBucket | null> = {
  pending: 'pending',
  review: 'on_hold',
  on_hold: 'on_hold',
  approved: 'payable',
  rejected: null,
  void: null,
};

function kindOfMove(line: Line, from: LedgerBucket | null, to: LedgerBucket | null): LedgerKind {
  if (line.kind === 'reversal') return 'reversal';
  if (line.kind === 'correction' || line.kind === 'incidental') return 'adjustment';
  if (from === null) return 'accrual';
  if (to === null) return line.status === 'rejected' ? 'reject' : 'void';
  if (to === 'payable') return 'release';
  return 'hold';
}

/**
 * Brings the ledger in line with the lines' statuses: each line's amount sits in exactly the bucket
 * of its status. Writes only the movements missing, as new entries (a move between buckets is a
 * pair), so running it again writes nothing. Payouts move money out of "payable" without a line,
 * so a reversal after a payout leaves a negative payable balance that later earnings net off.
 */
export async function reconcileLedger(
  ctx: TenantContext,
  executor: Executor,
  lines: Line[],
): Promise<number> {
  if (lines.length === 0) return 0;
  const placed = await executor
    .select({
      lineId: ledgerEntries.commissionLineId,
      bucket: ledgerEntries.bucket,
      amount: sql<string>`sum(${ledgerEntries.amountMinor})::text`,
      entries: sql<number>`count(*)::int`,
    })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.orgId, ctx.orgId),
        inArray(
          ledgerEntries.commissionLineId,
          lines.map((line) => line.id),
        ),
      ),
    )
    .groupBy(ledgerEntries.commissionLineId, ledgerEntries.bucket);
  const byLine = new Map<string, { buckets: Map<LedgerBucket, bigint>; entries: number }>();
  for (const row of placed) {
    const entry = byLine.get(row.lineId!) ?? { buckets: new Map(), entries: 0 };
    entry.buckets.set(row.bucket, BigInt(row.amount));
    entry.entries += row.entries;
    byLine.set(row.lineId!, entry);
  }
  const values: (typeof ledgerEntries.$inferInsert)[] = [];
  for (const line of lines) {
    const current = byLine.get(line.id) ?? { buckets: new Map<LedgerBucket, bigint>(), entries: 0 };
    const target = BUCKET_OF_STATUS[line.status];
    const from = [...current.buckets.entries()].find(([, amount]) => amount !== 0n)?.[0] ?? null;
    const moves: { bucket: LedgerBucket; amount: bigint }[] = [];
    for (const [bucket, amount] of current.buckets) {
      const want = bucket === target ? line.amountMinor : 0n;
      if (amount !== want) moves.push({ bucket, amount: want - amount });
    }
    if (target && !current.buckets.has(target) && line.amountMinor !== 0n)
      moves.push({ bucket: target, amount: line.amountMinor });
    // the leaving side first, so entries read as "out of pending, into on hold"
    moves.sort((a, b) => (a.bucket === target ? 1 : 0) - (b.bucket === target ? 1 : 0));
    let sequence = current.entries;
    for (const move of moves) {
      sequence += 1;
      values.push({
        orgId: ctx.orgId,
        id: newId('ledgerEntry'),
        enrollmentId: line.enrollmentId,
        currency: line.currency,
        bucket: move.bucket,
        amountMinor: move.amount,
        kind: kindOfMove(line, from, target),
        commissionLineId: line.id,
        orderId: line.orderId,
        idempotencyKey: `${line.id}:${sequence}`,
      });
    }
  }
  if (values.length === 0) return 0;
  for (let start = 0; start < values.length; start += 1000) {
    await executor
      .insert(ledgerEntries)
      .values(values.slice(start, start + 1000))
      .onConflictDoNothing();
  }
  return values.length;
}

export type Balances = Record<string, Record<LedgerBucket, string>>;

const EMPTY_BUCKETS = (): Record<LedgerBucket, bigint> => ({
  pending: 0n,
  on_hold: 0n,
  payable: 0n,
  in_payment: 0n,
  paid: 0n,
  withheld: 0n,
  store_credit: 0n,
  deposit: 0n,
});

/** An enrollment's balances per currency and bucket: sums of its ledger entries, nothing cached. */
export async function balancesOf(
  ctx: TenantContext,
  executor: Executor,
  enrollmentId: string,
): Promise<Map<string, Record<LedgerBucket, bigint>>> {
  const rows = await executor
    .select({
      currency: ledgerEntries.currency,
      bucket: ledgerEntries.bucket,
      amount: sql<string>`sum(${ledgerEntries.amountMinor})::text`,
    })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.orgId, ctx.orgId), eq(ledgerEntries.enrollmentId, enrollmentId)))
    .groupBy(ledgerEntries.currency, ledgerEntries.bucket);
  const out = new Map<string, Record<LedgerBucket, bigint>>();
  for (const row of rows) {
    const buckets = out.get(row.currency) ?? EMPTY_BUCKETS();
    buckets[row.bucket] = BigInt(row.amount);
    out.set(row.currency, buckets);
  }
  return out;
}

/**
 * The ledger check: for every enrollment, what its commission lines say it holds per bucket
 * against what its ledger entries sum to. Answers the differences (none when all is well).
 */
export async function checkLedger(
  ctx: TenantContext,
  executor: Executor,
): Promise<{ enrollmentId: string; currency: string; bucket: string; lines: string; ledger: string }[]> {
  const result = await executor.execute(sql`
    with from_lines as (
      select enrollment_id, currency,
             case status when 'pending' then 'pending' when 'review' then 'on_hold'
                         when 'on_hold' then 'on_hold' when 'approved' then 'payable' end as bucket,
             sum(amount_minor) as amount
        from commission_lines
       where org_id = ${ctx.orgId} and status not in ('void', 'rejected')
       group by 1, 2, 3
    ), from_ledger as (
      select enrollment_id, currency, bucket, sum(amount_minor) as amount
        from ledger_entries
       where org_id = ${ctx.orgId} and commission_line_id is not null
       group by 1, 2, 3
    )
    select coalesce(l.enrollment_id, g.enrollment_id) as enrollment_id,
           coalesce(l.currency, g.currency) as currency,
           coalesce(l.bucket, g.bucket) as bucket,
           coalesce(l.amount, 0)::text as lines, coalesce(g.amount, 0)::text as ledger
      from from_lines l
      full join from_ledger g
        on g.enrollment_id = l.enrollment_id and g.currency = l.currency and g.bucket = l.bucket
     where coalesce(l.amount, 0) <> coalesce(g.amount, 0)`);
  return (
    result as unknown as {
      rows: { enrollment_id: string; currency: string; bucket: string; lines: string; ledger: string }[];
    }
  ).rows.map((row) => ({
    enrollmentId: row.enrollment_id,
    currency: row.currency,
    bucket: row.bucket,
    lines: row.lines,
    ledger: row.ledger,
  }));
}
