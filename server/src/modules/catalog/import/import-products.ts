import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import { AppError } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { TenantContext } from '../../../platform/services';
// the partners module's reader: CSV (comma, semicolon or tab) and XLSX, row numbers as people see them
import { parseSpreadsheet } from '../../../platform/spreadsheet';
import { recordAudit } from '../../audit';
import {
  type Category,
  type CategoryTree,
  loadCategoryTree,
  MAX_CATEGORY_DEPTH,
} from '../categories/category-tree';
import { orgCurrency } from '../products/product-rules';
import type { Product } from '../products/product-view';
import { productCategories, products } from '../schema';
import { matchColumns, PRODUCT_IMPORT_FIELDS, type ProductImportField } from './columns';
import { type ProductRowValues, type RowError, validateProductRow } from './validate-product-row';

export const MAX_PRODUCT_IMPORT_ROWS = 5000;
/** Rows written per transaction: a failure keeps earlier chunks, and a re-run skips them as unchanged. */
const CHUNK_ROWS = 500;

export type ImportOutcome = 'created' | 'updated' | 'unchanged' | 'error';
export type ProductImportRow = {
  rowNumber: number;
  outcome: ImportOutcome;
  sku: string | null;
  productId: string | null;
  errors: RowError[];
};

const COMPARED = [
  'name',
  'description',
  'categoryId',
  'priceMinor',
  'costMinor',
  'ctvPriceMinor',
  'status',
  'imageUrl',
  'url',
] as const;

function invalidFile(message: string): AppError {
  return new AppError('validation_failed', message, { details: [{ path: 'body.file', message }] });
}

/** The category at this path, created level by level when missing (only in memory for a dry run). */
async function resolveCategory(
  ctx: TenantContext,
  tx: Executor,
  tree: CategoryTree,
  path: string[],
  dryRun: boolean,
): Promise<string> {
  let parentId: string | null = null;
  for (const name of path) {
    let category: Category | undefined = tree.findChild(parentId, name);
    if (!category) {
      const now = ctx.services.clock.now();
      category = {
        orgId: ctx.orgId,
        id: newId('productCategory', now.getTime()),
        parentId,
        name,
        createdAt: now,
        updatedAt: now,
      };
      if (!dryRun) await tx.insert(productCategories).values(category);
      tree.add(category);
    }
    parentId = category.id;
  }
  return parentId!;
}

async function existingBySku(ctx: TenantContext, tx: Executor, skus: string[]) {
  if (skus.length === 0) return new Map<string, Product>();
  const rows = await tx
    .select()
    .from(products)
    .where(and(eq(products.orgId, ctx.orgId), inArray(sql`upper(${products.sku})`, skus)));
  return new Map(rows.map((row) => [row.sku.toUpperCase(), row]));
}

type Planned = { values: ProductRowValues; categoryId: string | null };

function isUnchanged(product: Product, planned: Planned): boolean {
  const next = { ...planned.values, categoryId: planned.categoryId };
  return COMPARED.every((field) => product[field] === next[field]);
}

/**
 * Imports products from a CSV or XLSX file, idempotent by SKU (case ignored): a row whose product
 * exists with the same values is "unchanged", one that differs "updated", a new SKU "created".
 * Category paths ("Mỹ phẩm > Chăm sóc da") create missing categories. With `dryRun` nothing is
 * written and the report says what would happen.
 */
export async function importProducts(
  ctx: TenantContext,
  input: { fileName: string; bytes: Buffer; dryRun?: boolean },
) {
  const dryRun = input.dryRun ?? false;
  const sheet = await parseSpreadsheet(input.fileName, input.bytes);
  if (sheet.rows.length > MAX_PRODUCT_IMPORT_ROWS) {
    throw invalidFile(`At most ${MAX_PRODUCT_IMPORT_ROWS} rows per file; split the file`);
  }
  const mapping = matchColumns(sheet.columns);
  if (!mapping.sku) throw invalidFile('The file has no SKU column: title one column "SKU" or "Mã SP"');
  const db = ctx.services.db;
  const currency = await orgCurrency(ctx, db);
  const tree = await loadCategoryTree(ctx, db);
  const firstRowOfSku = new Map<string, number>();
  const report: ProductImportRow[] = [];

  for (let start = 0; start < sheet.rows.length; start += CHUNK_ROWS) {
    const chunk = sheet.rows.slice(start, start + CHUNK_ROWS);
    const cellsOf = (data: Record<string, string>) =>
      Object.fromEntries(
        PRODUCT_IMPORT_FIELDS.filter((field) => mapping[field]).map((field) => [
          field,
          data[mapping[field]!]!,
        ]),
      ) as Partial<Record<ProductImportField, string>>;
    const chunkReport: ProductImportRow[] = [];
    await db.transaction(async (tx) => {
      const existing = await existingBySku(
        ctx,
        tx,
        chunk.map((row) => (row.data[mapping.sku!] ?? '').toUpperCase()).filter(Boolean),
      );
      const inserts: (typeof products.$inferInsert)[] = [];
      for (const row of chunk) {
        const cells = cellsOf(row.data);
        const sku = cells.sku || null;
        const key = sku?.toUpperCase();
        const entry: ProductImportRow = {
          rowNumber: row.rowNumber,
          outcome: 'error',
          sku,
          productId: null,
          errors: [],
        };
        chunkReport.push(entry);
        if (key && firstRowOfSku.has(key)) {
          entry.errors.push({
            field: 'sku',
            message: `SKU ${sku} already appears in row ${firstRowOfSku.get(key)}`,
          });
          continue;
        }
        if (key) firstRowOfSku.set(key, row.rowNumber);
        const product = key ? existing.get(key) : undefined;
        const checked = validateProductRow(cells, product, currency);
        if (!checked.values) {
          entry.errors.push(...checked.errors);
          continue;
        }
        const { values } = checked;
        if (values.categoryPath && values.categoryPath.length > MAX_CATEGORY_DEPTH) {
          entry.errors.push({
            field: 'category',
            message: `Categories go at most ${MAX_CATEGORY_DEPTH} levels deep`,
          });
          continue;
        }
        const categoryId =
          values.categoryPath === undefined
            ? (product?.categoryId ?? null)
            : values.categoryPath === null
              ? null
              : await resolveCategory(ctx, tx, tree, values.categoryPath, dryRun);
        const now = ctx.services.clock.now();
        const fields = {
          name: values.name,
          description: values.description,
          categoryId,
          priceMinor: values.priceMinor,
          costMinor: values.costMinor,
          ctvPriceMinor: values.ctvPriceMinor,
          status: values.status,
          imageUrl: values.imageUrl,
          url: values.url,
        };
        entry.sku = values.sku;
        if (!product) {
          const id = newId('product', now.getTime());
          entry.outcome = 'created';
          entry.productId = id;
          inserts.push({
            orgId: ctx.orgId,
            id,
            sku: values.sku,
            currency: values.currency,
            ...fields,
            createdAt: now,
            updatedAt: now,
          });
          continue;
        }
        entry.productId = product.id;
        if (isUnchanged(product, { values, categoryId })) {
          entry.outcome = 'unchanged';
          continue;
        }
        entry.outcome = 'updated';
        if (!dryRun) {
          await tx
            .update(products)
            .set({ ...fields, updatedAt: now })
            .where(and(eq(products.orgId, ctx.orgId), eq(products.id, product.id)));
        }
      }
      if (!dryRun && inserts.length > 0) await tx.insert(products).values(inserts);
    });
    report.push(...chunkReport);
  }

  const count = (outcome: ImportOutcome) => report.filter((row) => row.outcome === outcome).length;
  const totals = {
    rows: report.length,
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    errors: count('error'),
  };
  if (!dryRun) {
    await recordAudit(ctx, db, {
      action: 'product_import.completed',
      entityType: 'product_import',
      after: { fileName: input.fileName, ...totals },
    });
  }
  const mapped = new Set(Object.values(mapping));
  return {
    dryRun,
    totals,
    columns: mapping,
    ignoredColumns: sheet.columns.filter((column) => !mapped.has(column)),
    rows: report,
  };
}
