import { AppError, conflict, mapDatabaseError } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { productCategories } from '../schema';
import type { NewCategory } from '../schemas';
import { type CategoryTree, loadCategoryTree, MAX_CATEGORY_DEPTH } from './category-tree';
import { getProductCategoryView } from './find-categories';

export const CATEGORY_NAME_TAKEN = 'A category with this name already exists at this level';

/** Throws unless `parentId` exists and a child under it stays within the depth limit. */
export function assertParentUsable(tree: CategoryTree, parentId: string | null, subtreeHeight = 0) {
  if (parentId === null) return;
  if (!tree.byId.has(parentId)) {
    throw new AppError('validation_failed', 'The parent category does not exist', {
      details: [{ path: 'body.parentId', message: 'No such category' }],
    });
  }
  if (tree.ancestorsOf(parentId).length + 1 + subtreeHeight > MAX_CATEGORY_DEPTH) {
    throw new AppError('validation_failed', `Categories go at most ${MAX_CATEGORY_DEPTH} levels deep`, {
      details: [{ path: 'body.parentId', message: `At most ${MAX_CATEGORY_DEPTH} levels` }],
    });
  }
}

export function assertNameFree(tree: CategoryTree, parentId: string | null, name: string, selfId?: string) {
  const sibling = tree.findChild(parentId, name);
  if (sibling && sibling.id !== selfId) {
    throw conflict(CATEGORY_NAME_TAKEN, [{ path: 'body.name', message: `"${sibling.name}" exists here` }]);
  }
}

/** Creates a category at the top level or under `parentId`; sibling names are unique ignoring case. */
export async function createProductCategory(ctx: TenantContext, input: NewCategory) {
  try {
    return await ctx.services.db.transaction(async (tx) => {
      const tree = await loadCategoryTree(ctx, tx);
      const parentId = input.parentId ?? null;
      assertParentUsable(tree, parentId);
      assertNameFree(tree, parentId, input.name);
      const now = ctx.services.clock.now();
      const id = newId('productCategory', now.getTime());
      await tx
        .insert(productCategories)
        .values({ orgId: ctx.orgId, id, parentId, name: input.name, createdAt: now, updatedAt: now });
      await recordAudit(ctx, tx, {
        action: 'product_category.created',
        entityType: 'product_category',
        entityId: id,
        after: { name: input.name, parentId },
      });
      return getProductCategoryView(ctx, id, tx);
    });
  } catch (error) {
    throw mapDatabaseError(error, { product_categories_name_uq: CATEGORY_NAME_TAKEN });
  }
}
