import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { newId } from '../../../platform/ids';
import type { TenantContext } from '../../../platform/services';
import { parseSpreadsheet } from '../../../platform/spreadsheet';
import { recordAudit } from '../../audit';
import { getProgramById } from '../../programs';
import { partnerImports } from '../schema-enrollments';
import { suggestMapping } from './columns';

const INSERT_BATCH = 10_000;

/**
 * Step 1 of an import: reads the uploaded CSV or XLSX, keeps its rows, and answers the columns,
 * a few sample rows and a suggested mapping of columns to partner fields.
 */
export async function createImport(
  ctx: TenantContext,
  input: { programId: string; fileName: string; bytes: Buffer },
) {
  const sheet = await parseSpreadsheet(input.fileName, input.bytes);
  const now = ctx.services.clock.now();
  const id = newId('partnerImport', now.getTime());
  const createdBy = ctx.actor.type === 'system' ? null : ctx.actor.id;
  await ctx.services.db.transaction(async (tx) => {
    await getProgramById(ctx, tx, input.programId);
    await tx.insert(partnerImports).values({
      orgId: ctx.orgId,
      id,
      programId: input.programId,
      fileName: input.fileName,
      fileHash: createHash('sha256').update(input.bytes).digest('hex'),
      status: 'uploaded',
      totalRows: sheet.rows.length,
      createdBy,
      createdAt: now,
    });
    for (let start = 0; start < sheet.rows.length; start += INSERT_BATCH) {
      const batch = sheet.rows.slice(start, start + INSERT_BATCH);
      await tx.execute(sql`
        insert into partner_import_rows (org_id, import_id, row_number, data, outcome)
        select ${ctx.orgId}, ${id}, r.n, r.d::jsonb, 'pending'
          from unnest(${sql.param(batch.map((row) => row.rowNumber))}::int[],
                      ${sql.param(batch.map((row) => JSON.stringify(row.data)))}::text[]) as r(n, d)`);
    }
    await recordAudit(ctx, tx, {
      action: 'partner_import.uploaded',
      entityType: 'partner_import',
      entityId: id,
      after: { fileName: input.fileName, programId: input.programId, totalRows: sheet.rows.length },
    });
  });
  return {
    importId: id,
    totalRows: sheet.rows.length,
    columns: sheet.columns,
    sampleRows: sheet.rows.slice(0, 5).map((row) => row.data),
    suggestedMapping: suggestMapping(sheet.columns),
  };
}
