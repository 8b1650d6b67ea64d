import { money, toMajorString } from '../../platform/money';
import type { TenantContext } from '../../platform/services';
import { csvStream, type ExportColumn, xlsxFile } from '../../platform/table-export';
import { recordAudit } from '../audit';
import { findCommissionLines, findLedgerEntries, type LedgerFilters, type LineFilters } from './find-lines';

const BATCH = 1000;

type LineRow = Awaited<ReturnType<typeof findCommissionLines>>['items'][number];
type EntryRow = Awaited<ReturnType<typeof findLedgerEntries>>['items'][number];

/** Millionths as a plain percent for a spreadsheet: 125000 → "12.5", 100000 → "10". */
export function percentOfPpm(ppm: string | null): string | null {
  if (ppm === null) return null;
  const value = BigInt(ppm);
  const magnitude = value < 0n ? -value : value;
  const fraction = (magnitude % 10_000n).toString().padStart(4, '0').replace(/0+$/, '');
  const text = `${magnitude / 10_000n}${fraction ? `.${fraction}` : ''}`;
  return value < 0n ? `-${text}` : text;
}

const major = (minor: string, currency: string) => toMajorString(money(minor, currency));
const ruleName = (line: LineRow) => {
  const rule = line.explanation.rule as { name?: string } | undefined;
  return rule?.name || line.ruleId;
};

const LINE_COLUMNS: ExportColumn<LineRow>[] = [
  ['Line ID', (line) => line.id],
  ['Earned at', (line) => line.earnedAt],
  ['Partner', (line) => line.partnerName],
  ['Referral code', (line) => line.referralCode],
  ['Enrollment ID', (line) => line.enrollmentId],
  ['Kind', (line) => line.kind],
  ['Level', (line) => line.level],
  ['Order', (line) => line.orderNumber],
  ['Order ID', (line) => line.orderId],
  ['Order line', (line) => line.lineNo],
  ['Rule', ruleName],
  ['Plan version', (line) => line.planVersion],
  ['Base', (line) => major(line.baseMinor, line.currency)],
  ['Rate %', (line) => percentOfPpm(line.ratePpm)],
  ['Amount', (line) => major(line.amountMinor, line.currency)],
  ['Currency', (line) => line.currency],
  ['Status', (line) => line.status],
  ['Hold until', (line) => line.holdUntil],
  ['Decided at', (line) => line.decidedAt],
  ['Decision reason', (line) => line.decisionReason],
  ['Reverses line', (line) => line.reversesLineId],
];

const ENTRY_COLUMNS: ExportColumn<EntryRow>[] = [
  ['Entry ID', (entry) => entry.id],
  ['Created at', (entry) => entry.createdAt],
  ['Partner', (entry) => entry.partnerName],
  ['Referral code', (entry) => entry.referralCode],
  ['Enrollment ID', (entry) => entry.enrollmentId],
  ['Bucket', (entry) => entry.bucket],
  ['Kind', (entry) => entry.kind],
  ['Amount', (entry) => major(entry.amountMinor, entry.currency)],
  ['Currency', (entry) => entry.currency],
  ['Order', (entry) => entry.orderNumber],
  ['Order ID', (entry) => entry.orderId],
  ['Commission line ID', (entry) => entry.commissionLineId],
  ['Payout ID', (entry) => entry.payoutId],
  ['Memo', (entry) => entry.memo],
];

/** Every page of a cursor-paged list, in its order. */
async function* allPages<Item>(
  page: (cursor: string | undefined) => Promise<{ items: Item[]; nextCursor: string | null }>,
): AsyncGenerator<Item[]> {
  let cursor: string | undefined;
  for (;;) {
    const next = await page(cursor);
    if (next.items.length > 0) yield next.items;
    if (!next.nextCursor) return;
    cursor = next.nextCursor;
  }
}

type Order = { order: 'asc' | 'desc' };

const lineBatches = (ctx: TenantContext, filters: LineFilters & Order) =>
  allPages((cursor) => findCommissionLines(ctx, ctx.services.db, { ...filters, limit: BATCH, cursor }));

const entryBatches = (ctx: TenantContext, filters: LedgerFilters & Order) =>
  allPages((cursor) => findLedgerEntries(ctx, ctx.services.db, { ...filters, limit: BATCH, cursor }));

async function auditExport(
  ctx: TenantContext,
  what: 'commissions' | 'ledger',
  format: string,
  filters: object,
) {
  await recordAudit(ctx, ctx.services.db, {
    action: `${what}.exported`,
    entityType: `${what}_export`,
    after: { format, filters },
  });
}

/**
 * Commission lines matching the list's filters, for the accountant's spreadsheet: amounts in the
 * currency's units without separators ("42000", "102.50"), rates as percents, as CSV or XLSX.
 */
export async function exportLines(ctx: TenantContext, filters: LineFilters & Order, format: 'csv' | 'xlsx') {
  await auditExport(ctx, 'commissions', format, filters);
  return format === 'csv'
    ? csvStream(LINE_COLUMNS, lineBatches(ctx, filters))
    : xlsxFile(LINE_COLUMNS, lineBatches(ctx, filters), 'Commissions');
}

/** Ledger entries matching the ledger's filters, as CSV or XLSX. */
export async function exportEntries(
  ctx: TenantContext,
  filters: LedgerFilters & Order,
  format: 'csv' | 'xlsx',
) {
  await auditExport(ctx, 'ledger', format, filters);
  return format === 'csv'
    ? csvStream(ENTRY_COLUMNS, entryBatches(ctx, filters))
    : xlsxFile(ENTRY_COLUMNS, entryBatches(ctx, filters), 'Ledger');
}
