import { and, asc, desc, eq, inArray, isNull, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import { type Cursor, decodeCursor, toPage } from '../../../platform/http/paging';
import type { TenantContext } from '../../../platform/services';
import { type CategoryTree, loadCategoryTree } from '../categories/category-tree';
import { type ProductStatus, products } from '../schema';
import type { ProductQuery } from '../schemas';
import { type Product, toProductView } from './product-view';
import { productSearchCondition } from './search';

type Sort = ProductQuery['sort'];

const SORT_COLUMNS: Record<
  Sort,
  { column: SQLWrapper; cast: string; valueOf: (product: Product) => string }
> = {
  name: { column: products.name, cast: 'text', valueOf: (product) => product.name },
  price: { column: products.priceMinor, cast: 'bigint', valueOf: (product) => product.priceMinor.toString() },
  created: {
    column: products.createdAt,
    cast: 'timestamptz',
    valueOf: (product) => product.createdAt.toISOString(),
  },
};

function keyset(sort: Sort, cursor: Cursor | undefined, order: 'asc' | 'desc'): SQL | undefined {
  if (!cursor) return undefined;
  const { column, cast } = SORT_COLUMNS[sort];
  const value = sql`cast(${cursor.value} as ${sql.raw(cast)})`;
  return order === 'asc'
    ? sql`(${column}, ${products.id}) > (${value}, ${cursor.id})`
    : sql`(${column}, ${products.id}) < (${value}, ${cursor.id})`;
}

/** The category filter: a category and all below it, or "none" for uncategorised products. */
function categoryCondition(tree: CategoryTree, categoryId: string | undefined): SQL | undefined {
  if (!categoryId) return undefined;
  if (categoryId === 'none') return isNull(products.categoryId);
  // an unknown id (or another organisation's) simply matches nothing
  return inArray(products.categoryId, tree.byId.has(categoryId) ? tree.subtreeIds(categoryId) : [categoryId]);
}

export type ProductListOptions = Omit<ProductQuery, 'status'> & { status?: ProductStatus };

/** A page of the organisation's products, filtered, searched and sorted, each with its category path. */
export async function findProducts(
  ctx: TenantContext,
  query: ProductListOptions,
  executor: Executor = ctx.services.db,
) {
  const tree = await loadCategoryTree(ctx, executor);
  const direction = query.order === 'asc' ? asc : desc;
  const rows = await executor
    .select()
    .from(products)
    .where(
      and(
        eq(products.orgId, ctx.orgId),
        query.status ? eq(products.status, query.status) : undefined,
        categoryCondition(tree, query.categoryId),
        query.q ? productSearchCondition(query.q, products.sku, products.name) : undefined,
        keyset(query.sort, decodeCursor(query.cursor), query.order),
      ),
    )
    .orderBy(direction(SORT_COLUMNS[query.sort].column), direction(products.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => ({ value: SORT_COLUMNS[query.sort].valueOf(row), id: row.id }),
    (row) => toProductView(row, row.categoryId ? tree.pathOf(row.categoryId) || null : null),
  );
}
