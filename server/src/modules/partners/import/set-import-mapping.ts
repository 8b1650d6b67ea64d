import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import { AppError } from '../../../platform/errors';
import type { TenantContext } from '../../../platform/services';
import { partnerImports } from '../schema-enrollments';
import type { ImportMapping } from './columns';
import { getImportById, loadImportRows, rowsOf } from './get-import';
import { validateImportRows } from './validate-rows';

export const PREVIEW_ERRORS = 200;

/** Upper-case referral codes of the organisation: uplines a file may name. */
export async function knownReferralCodes(ctx: TenantContext, executor: Executor) {
  const result = await executor.execute(
    sql`select upper(referral_code) as code from enrollments where org_id = ${ctx.orgId}`,
  );
  return new Set(rowsOf<{ code: string }>(result).map((row) => row.code));
}

function assertMapping(mapping: ImportMapping, columns: Set<string>) {
  const details = Object.entries(mapping)
    .filter(([, column]) => column && !columns.has(column))
    .map(([field, column]) => ({
      path: `body.mapping.${field}`,
      message: `The file has no column “${column}”`,
    }));
  if (!mapping.fullName)
    details.push({ path: 'body.mapping.fullName', message: 'Choose the column of names' });
  if (!mapping.phone && !mapping.email) {
    details.push({ path: 'body.mapping.phone', message: 'Choose the column of phone numbers or of emails' });
  }
  if (details.length > 0) throw new AppError('validation_failed', 'The mapping is not complete', { details });
}

/**
 * Step 2: the columns chosen for each field, checked against every row: totals and the first
 * errors (row, field, message) for the preview. Can be repeated until the import runs.
 */
export async function setImportMapping(ctx: TenantContext, importId: string, mapping: ImportMapping) {
  const db = ctx.services.db;
  const current = await getImportById(ctx, db, importId);
  if (current.status !== 'uploaded' && current.status !== 'previewed') {
    throw new AppError('conflict', 'This import has already run; upload the file again to import it again');
  }
  const rows = await loadImportRows(ctx, db, importId);
  assertMapping(mapping, new Set(Object.keys(rows[0]?.data ?? {})));
  const { valid, errors } = validateImportRows(rows, mapping, await knownReferralCodes(ctx, db));
  await db
    .update(partnerImports)
    .set({ mapping: mapping as Record<string, string>, status: 'previewed' })
    .where(and(eq(partnerImports.orgId, ctx.orgId), eq(partnerImports.id, importId)));
  const list = [...errors.entries()].flatMap(([row, rowErrors]) =>
    rowErrors.map((error) => ({ row, ...error })),
  );
  return {
    totalRows: rows.length,
    valid: valid.length,
    invalid: errors.size,
    errors: list.slice(0, PREVIEW_ERRORS),
  };
}
