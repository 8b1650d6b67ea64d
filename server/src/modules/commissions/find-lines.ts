import { and, asc, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { afterCursor, decodeCursor, type PageQuery, toPage } from '../../platform/http/paging';
import type { TenantContext } from '../../platform/services';
import { toEntryView, toLineView } from './line-view';
import {
  type CommissionLineKind,
  type CommissionLineStatus,
  commissionLines,
  type LedgerBucket,
  type LedgerKind,
  ledgerEntries,
} from './schema';
import { nameParties, nameScopes, nameVersions } from './scope-names';

export type LineFilters = {
  status?: CommissionLineStatus[];
  kind?: CommissionLineKind[];
  enrollmentId?: string;
  programId?: string;
  orderId?: string;
  from?: Date;
  to?: Date;
};

/** The conditions of a line filter, shared by the list and the bulk decisions. */
export function lineConditions(ctx: TenantContext, filters: LineFilters): SQL[] {
  const conditions: SQL[] = [eq(commissionLines.orgId, ctx.orgId)];
  if (filters.status?.length) conditions.push(inArray(commissionLines.status, filters.status));
  if (filters.kind?.length) conditions.push(inArray(commissionLines.kind, filters.kind));
  if (filters.enrollmentId) conditions.push(eq(commissionLines.enrollmentId, filters.enrollmentId));
  if (filters.programId) conditions.push(eq(commissionLines.programId, filters.programId));
  if (filters.orderId) conditions.push(eq(commissionLines.orderId, filters.orderId));
  if (filters.from) conditions.push(gte(commissionLines.earnedAt, filters.from));
  if (filters.to) conditions.push(lt(commissionLines.earnedAt, filters.to));
  return conditions;
}

/** Commission lines of the organisation, newest earned first, filtered. */
export async function findCommissionLines(
  ctx: TenantContext,
  executor: Executor,
  query: PageQuery & LineFilters,
) {
  const cursor = decodeCursor(query.cursor);
  const order = query.order === 'asc' ? asc : desc;
  const conditions = lineConditions(ctx, query);
  const after = afterCursor({
    sortColumn: commissionLines.earnedAt,
    idColumn: commissionLines.id,
    cursor,
    order: query.order,
    cast: 'timestamptz',
  });
  if (after) conditions.push(after);
  const rows = await executor
    .select()
    .from(commissionLines)
    .where(and(...conditions))
    .orderBy(order(commissionLines.earnedAt), order(commissionLines.id))
    .limit(query.limit + 1);
  const page = toPage(
    rows,
    query.limit,
    (row) => ({ value: row.earnedAt.toISOString(), id: row.id }),
    toLineView,
  );
  const named = await nameParties(ctx, executor, await nameScopes(ctx, executor, page.items));
  return { ...page, items: await nameVersions(ctx, executor, named) };
}

export type LedgerFilters = {
  enrollmentId?: string;
  bucket?: LedgerBucket[];
  kind?: LedgerKind[];
  orderId?: string;
  from?: Date;
  to?: Date;
};

/** Ledger entries of the organisation, newest first, filtered. */
export async function findLedgerEntries(
  ctx: TenantContext,
  executor: Executor,
  query: PageQuery & LedgerFilters,
) {
  const cursor = decodeCursor(query.cursor);
  const order = query.order === 'asc' ? asc : desc;
  const conditions: SQL[] = [eq(ledgerEntries.orgId, ctx.orgId)];
  if (query.enrollmentId) conditions.push(eq(ledgerEntries.enrollmentId, query.enrollmentId));
  if (query.bucket?.length) conditions.push(inArray(ledgerEntries.bucket, query.bucket));
  if (query.kind?.length) conditions.push(inArray(ledgerEntries.kind, query.kind));
  if (query.orderId) conditions.push(eq(ledgerEntries.orderId, query.orderId));
  if (query.from) conditions.push(gte(ledgerEntries.createdAt, query.from));
  if (query.to) conditions.push(lt(ledgerEntries.createdAt, query.to));
  const after = afterCursor({
    sortColumn: ledgerEntries.createdAt,
    idColumn: ledgerEntries.id,
    cursor,
    order: query.order,
    cast: 'timestamptz',
  });
  if (after) conditions.push(after);
  const rows = await executor
    .select()
    .from(ledgerEntries)
    .where(and(...conditions))
    .orderBy(order(ledgerEntries.createdAt), order(ledgerEntries.id))
    .limit(query.limit + 1);
  const page = toPage(
    rows,
    query.limit,
    (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    toEntryView,
  );
  return { ...page, items: await nameParties(ctx, executor, page.items) };
}
