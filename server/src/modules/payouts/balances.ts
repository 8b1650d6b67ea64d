import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import type { TenantContext } from '../../platform/services';
import type { ledgerEntries } from '../commissions/schema';

export type PayableBalance = { enrollmentId: string; currency: string; payableMinor: bigint };

/**
 * Payable balances summed from the ledger, for the enrollments given or for every enrollment of a
 * program (or of the organisation), optionally counting only entries made up to a cut-off.
 */
export async function payableBalances(
  ctx: TenantContext,
  executor: Executor,
  filter: { enrollmentIds?: string[]; programId?: string; currency?: string; cutOff?: Date },
): Promise<PayableBalance[]> {
  if (filter.enrollmentIds && filter.enrollmentIds.length === 0) return [];
  const result = await executor.execute(sql`
    select l.enrollment_id, l.currency, sum(l.amount_minor)::text as payable
      from ledger_entries l
      ${filter.programId ? sql`join enrollments e on e.org_id = l.org_id and e.id = l.enrollment_id and e.program_id = ${filter.programId}` : sql``}
     where l.org_id = ${ctx.orgId} and l.bucket = 'payable'
       ${
         filter.enrollmentIds
           ? sql`and l.enrollment_id in (${sql.join(
               filter.enrollmentIds.map((id) => sql`${id}`),
               sql`, `,
             )})`
           : sql``
       }
       ${filter.currency ? sql`and l.currency = ${filter.currency}` : sql``}
       ${filter.cutOff ? sql`and l.created_at <= ${filter.cutOff.toISOString()}` : sql``}
     group by 1, 2`);
  return (
    result as unknown as { rows: { enrollment_id: string; currency: string; payable: string }[] }
  ).rows.map((row) => ({
    enrollmentId: row.enrollment_id,
    currency: row.currency,
    payableMinor: BigInt(row.payable),
  }));
}

export const balanceKey = (enrollmentId: string, currency: string) => `${enrollmentId}\n${currency}`;

/**
 * Writes many ledger entries in one statement (arrays unnested), skipping idempotency keys already
 * written: a movement named twice is stored once.
 */
export async function insertLedgerEntries(executor: Executor, rows: (typeof ledgerEntries.$inferInsert)[]) {
  if (rows.length === 0) return;
  const column = <T>(pick: (row: (typeof rows)[number]) => T) => sql.param(rows.map(pick));
  await executor.execute(sql`
    insert into ledger_entries (org_id, id, enrollment_id, currency, bucket, amount_minor, kind, payout_id, order_id,
                                memo, idempotency_key, created_at)
    select * from unnest(${column((row) => row.orgId)}::text[], ${column((row) => row.id)}::text[],
                         ${column((row) => row.enrollmentId)}::text[], ${column((row) => row.currency)}::text[],
                         ${column((row) => row.bucket)}::text[], ${column((row) => String(row.amountMinor))}::bigint[],
                         ${column((row) => row.kind)}::text[], ${column((row) => row.payoutId ?? null)}::text[],
                         ${column((row) => row.orderId ?? null)}::text[],
                         ${column((row) => row.memo ?? '')}::text[], ${column((row) => row.idempotencyKey)}::text[],
                         ${column((row) => (row.createdAt ?? new Date()).toISOString())}::timestamptz[])
    on conflict (org_id, idempotency_key) do nothing`);
}
