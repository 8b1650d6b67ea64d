import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../../platform/errors';
import type { TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { partnerImports } from '../schema-enrollments';
import { getImportById, toImportView } from './get-import';
import { partnerImportJob } from './run-import';

/** Step 3: queues the import after its preview; the job reports progress on the import. */
export async function startImport(ctx: TenantContext, importId: string) {
  return ctx.services.db.transaction(async (tx) => {
    const before = await getImportById(ctx, tx, importId);
    const [row] = await tx
      .update(partnerImports)
      .set({ status: 'running' })
      .where(
        and(
          eq(partnerImports.orgId, ctx.orgId),
          eq(partnerImports.id, importId),
          inArray(partnerImports.status, ['previewed', 'failed']),
        ),
      )
      .returning();
    if (!row) {
      throw new AppError(
        'conflict',
        before.status === 'uploaded'
          ? 'Map the columns first (PUT …/mapping)'
          : 'This import has already started',
      );
    }
    await ctx.services.jobs.enqueue(
      tx,
      partnerImportJob(ctx.services),
      { orgId: ctx.orgId, importId },
      { orgId: ctx.orgId, dedupeKey: `partners.import:${importId}:${ctx.services.clock.now().getTime()}` },
    );
    await recordAudit(ctx, tx, {
      action: 'partner_import.started',
      entityType: 'partner_import',
      entityId: importId,
    });
    return toImportView(row);
  });
}
