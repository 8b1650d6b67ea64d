import { and, asc, desc, eq, gt, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import { afterCursor, decodeCursor, type Page, type PageQuery, toPage } from '../../../platform/http/paging';
import type { TenantContext } from '../../../platform/services';
import { orderImportRows, orderImports } from '../schema';
import { type OrderImportRowView, type OrderImportView, toImportRowView, toImportView } from './import-view';

/** The organisation's order imports, newest first. */
export async function findOrderImports(ctx: TenantContext, query: PageQuery): Promise<Page<OrderImportView>> {
  const direction = query.order === 'asc' ? asc : desc;
  const conditions: (SQL | undefined)[] = [
    eq(orderImports.orgId, ctx.orgId),
    afterCursor({
      sortColumn: orderImports.createdAt,
      idColumn: orderImports.id,
      cursor: decodeCursor(query.cursor),
      order: query.order,
      cast: 'timestamptz',
    }),
  ];
  const rows = await ctx.services.db
    .select()
    .from(orderImports)
    .where(and(...conditions))
    .orderBy(direction(orderImports.createdAt), direction(orderImports.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    toImportView,
  );
}

export async function getOrderImportById(ctx: TenantContext, executor: Executor, importId: string) {
  const [row] = await executor
    .select()
    .from(orderImports)
    .where(and(eq(orderImports.orgId, ctx.orgId), eq(orderImports.id, importId)));
  if (!row) throw notFound('Order import');
  return row;
}

/** An import's row report in row order, optionally only one outcome (errors, say). */
export async function findOrderImportRows(
  ctx: TenantContext,
  importId: string,
  query: { limit: number; cursor?: string; outcome?: 'created' | 'unchanged' | 'error' },
): Promise<Page<OrderImportRowView>> {
  const { db } = ctx.services;
  await getOrderImportById(ctx, db, importId);
  const cursor = decodeCursor(query.cursor);
  const rows = await db
    .select()
    .from(orderImportRows)
    .where(
      and(
        eq(orderImportRows.orgId, ctx.orgId),
        eq(orderImportRows.importId, importId),
        query.outcome ? eq(orderImportRows.outcome, query.outcome) : undefined,
        cursor ? gt(orderImportRows.rowNumber, Number(cursor.value)) : undefined,
      ),
    )
    .orderBy(asc(orderImportRows.rowNumber))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => ({ value: String(row.rowNumber), id: String(row.rowNumber) }),
    toImportRowView,
  );
}
