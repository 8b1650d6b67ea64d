import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/queue';
import type { Services, TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { getProgramById } from '../../programs';
import { partnerImports } from '../schema-enrollments';
import type { ImportMapping } from './columns';
import { getImportById, loadImportRows, rowsOf } from './get-import';
import { applyEnrollments } from './import-enrollments';
import { resolvePeople } from './import-identities';
import { loadImportState } from './import-state';
import { knownReferralCodes } from './set-import-mapping';
import { validateImportRows } from './validate-rows';
import { writeOutcomes } from './write-outcomes';

export const IMPORT_BATCH = 2000;

/**
 * Runs an import: validates the whole file (duplicates need all of it), reports bad rows, then
 * processes the good ones in batches, one transaction each, so progress shows and a crash resumes
 * where it stopped (only pending rows are processed).
 */
export async function runImport(ctx: TenantContext, importId: string) {
  const db = ctx.services.db;
  const current = await getImportById(ctx, db, importId);
  if (current.status !== 'running') return;
  const program = await getProgramById(ctx, db, current.programId);
  const rows = await loadImportRows(ctx, db, importId);
  const mapping = (current.mapping ?? {}) as ImportMapping;
  const { valid, errors } = validateImportRows(rows, mapping, await knownReferralCodes(ctx, db));
  const pending = new Set(rows.filter((row) => row.outcome === 'pending').map((row) => row.rowNumber));
  await db.transaction(async (tx) => {
    const bad = [...errors.entries()].filter(([rowNumber]) => pending.has(rowNumber));
    await writeOutcomes(
      ctx,
      tx,
      importId,
      bad.map(([rowNumber, rowErrors]) => ({
        rowNumber,
        outcome: 'error',
        enrollmentId: null,
        errors: rowErrors,
      })),
    );
  });
  const state = await loadImportState(ctx, db, importId, program);
  const todo = valid.filter((row) => pending.has(row.rowNumber));
  for (let start = 0; start < todo.length; start += IMPORT_BATCH) {
    const batch = todo.slice(start, start + IMPORT_BATCH);
    await db.transaction(async (tx) => {
      const people = await resolvePeople(ctx, tx, state, batch);
      const outcomes = await applyEnrollments(ctx, tx, state, people);
      await writeOutcomes(ctx, tx, importId, outcomes);
    });
  }
  await db.transaction(async (tx) => {
    const totals = rowsOf<{ outcome: string; count: number }>(
      await tx.execute(sql`select outcome, count(*)::int as count from partner_import_rows
        where org_id = ${ctx.orgId} and import_id = ${importId} group by outcome`),
    );
    const of = (outcome: string) => Number(totals.find((row) => row.outcome === outcome)?.count ?? 0);
    const [done] = await tx
      .update(partnerImports)
      .set({
        status: 'done',
        processedRows: rows.length - of('pending'),
        createdCount: of('created'),
        updatedCount: of('updated'),
        unchangedCount: of('unchanged'),
        errorCount: of('error'),
        finishedAt: ctx.services.clock.now(),
      })
      .where(and(eq(partnerImports.orgId, ctx.orgId), eq(partnerImports.id, importId)))
      .returning();
    await recordAudit(ctx, tx, {
      action: 'partner_import.finished',
      entityType: 'partner_import',
      entityId: importId,
      after: {
        created: done?.createdCount,
        updated: done?.updatedCount,
        unchanged: done?.unchangedCount,
        errors: done?.errorCount,
      },
    });
  });
}

/** The job that runs an import in the background (queued by POST …/run). */
export function partnerImportJob(services: Services) {
  return defineJob({
    name: 'partners.import',
    version: 1,
    payload: z.object({ orgId: z.string(), importId: z.string() }),
    maxAttempts: 3,
    handle: async ({ orgId, importId }) => {
      const ctx: TenantContext = { orgId, services, actor: { type: 'system', label: `Import ${importId}` } };
      try {
        await runImport(ctx, importId);
      } catch (error) {
        await services.db
          .update(partnerImports)
          .set({ status: 'failed', finishedAt: services.clock.now() })
          .where(and(eq(partnerImports.orgId, orgId), eq(partnerImports.id, importId)));
        throw error;
      }
    },
  });
}
