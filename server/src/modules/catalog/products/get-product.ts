import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import type { TenantContext } from '../../../platform/services';
import { loadCategoryTree } from '../categories/category-tree';
import { products } from '../schema';
import { type Product, toProductView } from './product-view';

/** The product with this id in the organisation; another organisation's is not found. */
export async function getProductById(
  ctx: TenantContext,
  executor: Executor,
  productId: string,
): Promise<Product> {
  const [product] = await executor
    .select()
    .from(products)
    .where(and(eq(products.orgId, ctx.orgId), eq(products.id, productId)));
  if (!product) throw notFound('Product');
  return product;
}

export async function getProductView(
  ctx: TenantContext,
  productId: string,
  executor: Executor = ctx.services.db,
) {
  const product = await getProductById(ctx, executor, productId);
  const tree = await loadCategoryTree(ctx, executor);
  return toProductView(product, product.categoryId ? tree.pathOf(product.categoryId) || null : null);
}
