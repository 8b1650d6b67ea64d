import { and, eq } from 'drizzle-orm';
import { AppError, mapDatabaseError, notFound } from '../../../platform/errors';
import type { TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { productCategories } from '../schema';
import type { CategoryPatch } from '../schemas';
import { loadCategoryTree } from './category-tree';
import { assertNameFree, assertParentUsable, CATEGORY_NAME_TAKEN } from './create-category';
import { getProductCategoryView } from './find-categories';

/** Renames or moves a category (with everything below it); a move under itself is refused. */
export async function updateProductCategory(ctx: TenantContext, categoryId: string, patch: CategoryPatch) {
  try {
    return await ctx.services.db.transaction(async (tx) => {
      const tree = await loadCategoryTree(ctx, tx);
      const before = tree.byId.get(categoryId);
      if (!before) throw notFound('Category');
      const parentId = patch.parentId === undefined ? before.parentId : patch.parentId;
      const name = patch.name ?? before.name;
      if (parentId !== null && tree.subtreeIds(categoryId).includes(parentId)) {
        throw new AppError(
          'validation_failed',
          'A category cannot move under itself or its own subcategory',
          {
            details: [{ path: 'body.parentId', message: 'Choose a category outside this branch' }],
          },
        );
      }
      if (parentId !== before.parentId) assertParentUsable(tree, parentId, tree.heightOf(categoryId));
      assertNameFree(tree, parentId, name, categoryId);
      await tx
        .update(productCategories)
        .set({ name, parentId, updatedAt: ctx.services.clock.now() })
        .where(and(eq(productCategories.orgId, ctx.orgId), eq(productCategories.id, categoryId)));
      await recordAudit(ctx, tx, {
        action: 'product_category.updated',
        entityType: 'product_category',
        entityId: categoryId,
        before: { name: before.name, parentId: before.parentId },
        after: { name, parentId },
      });
      return getProductCategoryView(ctx, categoryId, tx);
    });
  } catch (error) {
    throw mapDatabaseError(error, { product_categories_name_uq: CATEGORY_NAME_TAKEN });
  }
}
