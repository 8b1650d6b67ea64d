import { and, asc, eq, gt } from 'drizzle-orm';
import { csvLine } from '../../../platform/csv';
import type { TenantContext } from '../../../platform/services';
import { partnerImportRows } from '../schema-enrollments';
import { getImportById } from './get-import';

const BATCH = 5000;

/** The row report as CSV, streamed: row number, outcome, enrollment id and errors of each row. */
export async function importReportCsv(
  ctx: TenantContext,
  importId: string,
): Promise<ReadableStream<Uint8Array>> {
  await getImportById(ctx, ctx.services.db, importId);
  const encoder = new TextEncoder();
  let after = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(['Row', 'Outcome', 'Enrollment ID', 'Errors'])}`));
        return;
      }
      const rows = await ctx.services.db
        .select({
          rowNumber: partnerImportRows.rowNumber,
          outcome: partnerImportRows.outcome,
          enrollmentId: partnerImportRows.enrollmentId,
          errors: partnerImportRows.errors,
        })
        .from(partnerImportRows)
        .where(
          and(
            eq(partnerImportRows.orgId, ctx.orgId),
            eq(partnerImportRows.importId, importId),
            gt(partnerImportRows.rowNumber, after),
          ),
        )
        .orderBy(asc(partnerImportRows.rowNumber))
        .limit(BATCH);
      if (rows.length === 0) return controller.close();
      after = rows.at(-1)!.rowNumber;
      const errorsText = (errors: { field: string; message: string }[] | null) =>
        (errors ?? []).map((error) => `${error.field}: ${error.message}`).join('; ');
      controller.enqueue(
        encoder.encode(
          rows
            .map((row) => csvLine([row.rowNumber, row.outcome, row.enrollmentId, errorsText(row.errors)]))
            .join(''),
        ),
      );
    },
  });
}
