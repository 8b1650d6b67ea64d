import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { TenantContext } from '../../../platform/services';
import { parseSpreadsheet } from '../../../platform/spreadsheet';
import { recordAudit } from '../../audit';
import { ingestOrders } from '../../orders';
import { orgs } from '../../orgs';
import { orderImportRows, orderImports } from '../schema';
import { toImportView } from './import-view';
import { missingColumns, type RowError, rowsToOrders } from './rows-to-orders';

/** A synchronous import answers its report in the request; larger files belong to the orders API. */
export const MAX_ORDER_IMPORT_ROWS = 20_000;
const INGEST_BATCH = 500;
const INSERT_BATCH = 2_000;

type RowOutcome = {
  outcome: 'created' | 'unchanged' | 'error';
  orderId: string | null;
  errors: RowError[] | null;
};

/**
 * Imports a CSV or XLSX of orders (one row per item, grouped by order id) through the orders
 * module's ingestion with source `import`: idempotent, so the same file twice leaves every order
 * unchanged. Every row gets an outcome in the stored report.
 */
export async function importOrders(ctx: TenantContext, input: { fileName: string; bytes: Buffer }) {
  const { db, clock } = ctx.services;
  const sheet = await parseSpreadsheet(input.fileName, input.bytes);
  if (sheet.rows.length > MAX_ORDER_IMPORT_ROWS) {
    throw new AppError('validation_failed', `At most ${MAX_ORDER_IMPORT_ROWS} rows per file`, {
      details: [{ path: 'body.file', message: `At most ${MAX_ORDER_IMPORT_ROWS} rows` }],
    });
  }
  const missing = missingColumns(sheet.columns);
  if (missing.length > 0) {
    throw new AppError(
      'validation_failed',
      `The file lacks the columns: ${missing.join(', ')} (see the template)`,
      {
        details: missing.map((field) => ({ path: `body.file.${field}`, message: 'Column not found' })),
      },
    );
  }
  const now = clock.now();
  const id = newId('orderImport', now.getTime());
  await db.insert(orderImports).values({
    orgId: ctx.orgId,
    id,
    fileName: input.fileName,
    fileHash: createHash('sha256').update(input.bytes).digest('hex'),
    status: 'running',
    totalRows: sheet.rows.length,
    createdBy: ctx.actor.type === 'system' ? null : ctx.actor.id,
    createdAt: now,
  });
  try {
    const [org] = await db.select({ currency: orgs.currency }).from(orgs).where(eq(orgs.id, ctx.orgId));
    const orders = rowsToOrders(sheet.rows, sheet.columns, org?.currency ?? 'VND');
    const outcomes = new Map<number, RowOutcome>();
    for (const order of orders) {
      for (const [rowNumber, errors] of order.errors)
        outcomes.set(rowNumber, { outcome: 'error', orderId: null, errors });
    }
    const ready = orders.filter((order) => order.input);
    for (let start = 0; start < ready.length; start += INGEST_BATCH) {
      const batch = ready.slice(start, start + INGEST_BATCH);
      const results = await ingestOrders(
        ctx,
        db,
        batch.map((order) => order.input!),
      );
      batch.forEach((order, index) => {
        const result = results[index];
        const outcome: RowOutcome =
          result?.ok === true
            ? { outcome: result.created ? 'created' : 'unchanged', orderId: result.order.id, errors: null }
            : {
                outcome: 'error',
                orderId: null,
                errors: [{ field: 'order', message: result?.error.message ?? 'Not imported' }],
              };
        for (const rowNumber of order.rowNumbers) outcomes.set(rowNumber, outcome);
      });
    }
    const rows = sheet.rows.map((row) => {
      const outcome = outcomes.get(row.rowNumber) ?? {
        outcome: 'error' as const,
        orderId: null,
        errors: null,
      };
      return { orgId: ctx.orgId, importId: id, rowNumber: row.rowNumber, data: row.data, ...outcome };
    });
    const count = (outcome: RowOutcome['outcome']) => rows.filter((row) => row.outcome === outcome).length;
    return await db.transaction(async (tx) => {
      for (let start = 0; start < rows.length; start += INSERT_BATCH) {
        await tx.insert(orderImportRows).values(rows.slice(start, start + INSERT_BATCH));
      }
      const [done] = await tx
        .update(orderImports)
        .set({
          status: 'done',
          createdCount: count('created'),
          unchangedCount: count('unchanged'),
          errorCount: count('error'),
          finishedAt: clock.now(),
        })
        .where(and(eq(orderImports.orgId, ctx.orgId), eq(orderImports.id, id)))
        .returning();
      const view = toImportView(done!);
      await recordAudit(ctx, tx, {
        action: 'order_import.finished',
        entityType: 'order_import',
        entityId: id,
        after: view,
      });
      return view;
    });
  } catch (error) {
    await db
      .update(orderImports)
      .set({ status: 'failed', finishedAt: clock.now() })
      .where(and(eq(orderImports.orgId, ctx.orgId), eq(orderImports.id, id)));
    throw error;
  }
}
