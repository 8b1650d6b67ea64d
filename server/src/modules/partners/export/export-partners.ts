import type { Cursor } from '../../../platform/http/paging';
import type { TenantContext } from '../../../platform/services';
import { csvStream, type ExportColumn, xlsxFile } from '../../../platform/table-export';
import { recordAudit } from '../../audit';
import { selectDirectoryRows } from '../directory/find-partners';
import type { DirectoryFilters, DirectoryRow } from '../directory/schemas';

const BATCH = 1000;

const COLUMNS: ExportColumn<DirectoryRow>[] = [
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
  return csvStream(COLUMNS, directoryBatches(ctx, filters, order));
}

/** The directory as an XLSX workbook (one sheet), at most XLSX_MAX_ROWS rows. */
export async function exportPartnersXlsx(
  ctx: TenantContext,
  filters: DirectoryFilters,
  order: 'asc' | 'desc',
): Promise<Buffer> {
  await auditExport(ctx, 'xlsx', filters);
  return xlsxFile(COLUMNS, directoryBatches(ctx, filters, order), 'Partners');
}
