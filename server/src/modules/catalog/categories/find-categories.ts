import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import type { TenantContext } from '../../../platform/services';
import { type ProductStatus, products } from '../schema';
import { type Category, type CategoryTree, loadCategoryTree } from './category-tree';

export function toCategoryView(category: Category, tree: CategoryTree, productCounts: Map<string, number>) {
  return {
    id: category.id,
    parentId: category.parentId,
    name: category.name,
    path: tree.pathOf(category.id),
    depth: tree.ancestorsOf(category.id).length - 1,
    productCount: productCounts.get(category.id) ?? 0,
    childCount: tree.childrenOf(category.id).length,
    createdAt: category.createdAt.toISOString(),
    updatedAt: category.updatedAt.toISOString(),
  };
}

/** Products directly in each category; all statuses unless told (any product blocks a delete). */
async function countProducts(ctx: TenantContext, executor: Executor, status?: ProductStatus) {
  const rows = await executor
    .select({ categoryId: products.categoryId, count: sql<number>`count(*)::int` })
    .from(products)
    .where(
      and(
        eq(products.orgId, ctx.orgId),
        isNotNull(products.categoryId),
        status ? eq(products.status, status) : undefined,
      ),
    )
    .groupBy(products.categoryId);
  return new Map(rows.map((row) => [row.categoryId!, Number(row.count)]));
}

/** Every category of the organisation as a flat list ordered by path, each with its path and counts. */
export async function findProductCategories(
  ctx: TenantContext,
  executor: Executor = ctx.services.db,
  options: { status?: ProductStatus } = {},
) {
  const tree = await loadCategoryTree(ctx, executor);
  const counts = await countProducts(ctx, executor, options.status);
  const items = [...tree.byId.values()].map((category) => toCategoryView(category, tree, counts));
  items.sort((a, b) => a.path.localeCompare(b.path, 'vi'));
  return { items };
}

/** One category with its path and counts; another organisation's is not found. */
export async function getProductCategoryView(
  ctx: TenantContext,
  categoryId: string,
  executor: Executor = ctx.services.db,
) {
  const tree = await loadCategoryTree(ctx, executor);
  const category = tree.byId.get(categoryId);
  if (!category) throw notFound('Category');
  return toCategoryView(category, tree, await countProducts(ctx, executor));
}
