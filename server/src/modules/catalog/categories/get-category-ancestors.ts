import type { Executor } from '../../../platform/db';
import type { TenantContext } from '../../../platform/services';
import { loadCategoryTree } from './category-tree';

/**
 * For each category id, its ids from itself up to the top level (["cat_serum", "cat_skin",
 * "cat_cosmetics"]): what a rule scoped to a category tests a product's category against.
 * Unknown ids map to an empty list.
 */
export async function getCategoryAncestors(
  ctx: TenantContext,
  executor: Executor,
  categoryIds: readonly string[],
): Promise<Map<string, string[]>> {
  const tree = await loadCategoryTree(ctx, executor);
  return new Map(
    categoryIds.map((id) => [
      id,
      tree
        .ancestorsOf(id)
        .map((category) => category.id)
        .reverse(),
    ]),
  );
}
