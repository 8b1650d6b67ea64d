import type { orderImportRows, orderImports } from '../schema';

export type OrderImportRow = typeof orderImports.$inferSelect;
export type OrderImportRowRow = typeof orderImportRows.$inferSelect;

export type OrderImportView = {
  id: string;
  fileName: string;
  status: OrderImportRow['status'];
  totalRows: number;
  created: number;
  unchanged: number;
  errors: number;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
};

export type OrderImportRowView = {
  rowNumber: number;
  outcome: OrderImportRowRow['outcome'];
  orderId: string | null;
  data: Record<string, string>;
  errors: { field: string; message: string }[];
};

/** Counts are of rows (one row per item), like the row report. */
export function toImportView(row: OrderImportRow): OrderImportView {
  return {
    id: row.id,
    fileName: row.fileName,
    status: row.status,
    totalRows: row.totalRows,
    created: row.createdCount,
    unchanged: row.unchangedCount,
    errors: row.errorCount,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export function toImportRowView(row: OrderImportRowRow): OrderImportRowView {
  return {
    rowNumber: row.rowNumber,
    outcome: row.outcome,
    orderId: row.orderId,
    data: row.data,
    errors: row.errors ?? [],
  };
}
