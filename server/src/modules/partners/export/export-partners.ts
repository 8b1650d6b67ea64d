import writeXlsxFile from 'write-excel-file/node';
import type { Cursor } from '../../../platform/http/paging';
import type { TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { selectDirectoryRows } from '../directory/find-partners';
import type { DirectoryFilters, DirectoryRow } from '../directory/schemas';
import { csvLine } from './csv';

const BATCH = 1000;
/** An XLSX file is built in memory: beyond this many rows, export CSV. */
export const XLSX_MAX_ROWS = 100_000;

const COLUMNS: [string, (row: DirectoryRow) => string | null][] = [
  ['Enrollment ID', (row) => row.enrollmentId],
  ['Partner ID', (row) => row.partnerId],
  ['Full name', (row) => row.fullName],
  ['Phone', (row) => row.phone],
  ['Email', (row) => row.email],
  ['Referral code', (row) => row.referralCode],
  ['External ID', (row) => row.externalId],
  ['Program', (row) => row.program.name],
  ['Status', (row) => row.status],
  ['Group', (row) => row.group?.name ?? null],
  ['Tags', (row) => row.tags.map((tag) => tag.name).join(', ')],
  ['Care staff', (row) => row.careMember?.fullName ?? null],
  ['Province', (row) => row.province],
  ['Upline code', (row) => row.uplineReferralCode],
  ['Source', (row) => row.source],
  ['Joined at', (row) => row.joinedAt],
];

/** Directory rows matching the filters, in batches, in the directory's order. */
async function* directoryBatches(ctx: TenantContext, filters: DirectoryFilters, order: 'asc' | 'desc') {
  let cursor: Cursor | undefined;
  for (;;) {
    const rows = await selectDirectoryRows(ctx, { filters, limit: BATCH, cursor, order });
    if (rows.length > 0) yield rows.map((item) => item.row);
    if (rows.length < BATCH) return;
    cursor = rows.at(-1)!.cursor;
  }
}

async function auditExport(ctx: TenantContext, format: string, filters: DirectoryFilters) {
  await recordAudit(ctx, ctx.services.db, {
    action: 'partners.exported',
    entityType: 'partner_export',
    after: { format, filters },
  });
}

/**
 * The directory as CSV (UTF-8 with BOM so Excel shows Vietnamese), streamed batch by batch.
 * Only what the directory shows: no KYC field is exported.
 */
export async function exportPartnersCsv(
  ctx: TenantContext,
  filters: DirectoryFilters,
  order: 'asc' | 'desc',
): Promise<ReadableStream<Uint8Array>> {
  await auditExport(ctx, 'csv', filters);
  const encoder = new TextEncoder();
  const batches = directoryBatches(ctx, filters, order);
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(COLUMNS.map(([title]) => title))}`));
        return;
      }
      const next = await batches.next();
      if (next.done) return controller.close();
      controller.enqueue(
        encoder.encode(next.value.map((row) => csvLine(COLUMNS.map(([, get]) => get(row)))).join('')),
      );
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

/** The directory as an XLSX workbook (one sheet), at most XLSX_MAX_ROWS rows. */
export async function exportPartnersXlsx(
  ctx: TenantContext,
  filters: DirectoryFilters,
  order: 'asc' | 'desc',
): Promise<Buffer> {
  await auditExport(ctx, 'xlsx', filters);
  const data: (string | null)[][] = [COLUMNS.map(([title]) => title)];
  for await (const batch of directoryBatches(ctx, filters, order)) {
    for (const row of batch) {
      if (data.length > XLSX_MAX_ROWS) break;
      data.push(COLUMNS.map(([, get]) => get(row)));
    }
  }
  const header = data[0]!.map((value) => ({ value: value ?? '', fontWeight: 'bold' as const }));
  return writeXlsxFile([header, ...data.slice(1)], { sheet: 'Partners', stickyRowsCount: 1 }).toBuffer();
}
