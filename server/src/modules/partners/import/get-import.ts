import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import type { TenantContext } from '../../../platform/services';
import { partnerImportRows, partnerImports } from '../schema-enrollments';

export type PartnerImport = typeof partnerImports.$inferSelect;

export const rowsOf = <Row>(result: unknown): Row[] => (result as { rows: Row[] }).rows;

/** The import with this id in the organisation; another organisation's import is not found. */
export async function getImportById(ctx: TenantContext, executor: Executor, importId: string) {
  const [row] = await executor
    .select()
    .from(partnerImports)
    .where(and(eq(partnerImports.orgId, ctx.orgId), eq(partnerImports.id, importId)));
  if (!row) throw notFound('Import');
  return row;
}

/** Every row of an import file in order (its data as uploaded). */
export async function loadImportRows(ctx: TenantContext, executor: Executor, importId: string) {
  return executor
    .select({
      rowNumber: partnerImportRows.rowNumber,
      data: partnerImportRows.data,
      outcome: partnerImportRows.outcome,
    })
    .from(partnerImportRows)
    .where(and(eq(partnerImportRows.orgId, ctx.orgId), eq(partnerImportRows.importId, importId)))
    .orderBy(asc(partnerImportRows.rowNumber));
}

/** What the progress bar and the import page show. */
export function toImportView(row: PartnerImport) {
  return {
    id: row.id,
    programId: row.programId,
    fileName: row.fileName,
    status: row.status,
    mapping: row.mapping,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    created: row.createdCount,
    updated: row.updatedCount,
    unchanged: row.unchangedCount,
    errors: row.errorCount,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export async function getImport(ctx: TenantContext, importId: string) {
  return toImportView(await getImportById(ctx, ctx.services.db, importId));
}
