import { and, eq, sql } from 'drizzle-orm';
import { conflict, notFound } from '../../../platform/errors';
import type { TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { productCategories, products } from '../schema';
import { loadCategoryTree } from './category-tree';

/** Deletes an empty category: one holding products (of any status) or subcategories is refused. */
export async function deleteProductCategory(ctx: TenantContext, categoryId: string) {
  await ctx.services.db.transaction(async (tx) => {
    const tree = await loadCategoryTree(ctx, tx);
    const category = tree.byId.get(categoryId);
    if (!category) throw notFound('Category');
    const [row] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(products)
      .where(and(eq(products.orgId, ctx.orgId), eq(products.categoryId, categoryId)));
    const productCount = Number(row?.count ?? 0);
    const childCount = tree.childrenOf(categoryId).length;
    if (productCount > 0 || childCount > 0) {
      const parts = [
        productCount > 0 ? `${productCount} product(s)` : null,
        childCount > 0 ? `${childCount} subcategory(ies)` : null,
      ].filter(Boolean);
      throw conflict(
        `The category "${category.name}" still holds ${parts.join(' and ')}; move or delete them first`,
        [
          ...(productCount > 0 ? [{ path: 'productCount', message: String(productCount) }] : []),
          ...(childCount > 0 ? [{ path: 'childCount', message: String(childCount) }] : []),
        ],
      );
    }
    await tx
      .delete(productCategories)
      .where(and(eq(productCategories.orgId, ctx.orgId), eq(productCategories.id, categoryId)));
    await recordAudit(ctx, tx, {
      action: 'product_category.deleted',
      entityType: 'product_category',
      entityId: categoryId,
      before: { name: category.name, parentId: category.parentId },
    });
  });
}
