import { eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import type { TenantContext } from '../../../platform/services';
import { productCategories } from '../schema';
import { PATH_SEPARATOR } from '../schemas';

export type Category = typeof productCategories.$inferSelect;

/** At most this many levels: deeper trees only make menus harder to use. */
export const MAX_CATEGORY_DEPTH = 5;

/**
 * An organisation's whole category tree in memory. Catalogs hold tens to a few hundred categories,
 * so paths, ancestors and descendants are computed here rather than with recursive SQL.
 */
export class CategoryTree {
  readonly byId = new Map<string, Category>();
  private readonly children = new Map<string, Category[]>();

  constructor(categories: Category[]) {
    for (const category of categories) this.byId.set(category.id, category);
    for (const category of categories) {
      const key = category.parentId ?? '';
      const siblings = this.children.get(key) ?? [];
      siblings.push(category);
      this.children.set(key, siblings);
    }
  }

  /** From the top-level category down to (and including) this one. */
  ancestorsOf(id: string): Category[] {
    const chain: Category[] = [];
    let current = this.byId.get(id);
    // the bound guards against a cycle written by hand in the database
    while (current && chain.length <= MAX_CATEGORY_DEPTH * 2) {
      chain.unshift(current);
      current = current.parentId ? this.byId.get(current.parentId) : undefined;
    }
    return chain;
  }

  pathOf(id: string): string {
    return this.ancestorsOf(id)
      .map((category) => category.name)
      .join(PATH_SEPARATOR);
  }

  childrenOf(id: string | null): Category[] {
    return this.children.get(id ?? '') ?? [];
  }

  /** This category and every category below it. */
  subtreeIds(id: string): string[] {
    const ids: string[] = [];
    const stack = [id];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (ids.includes(next)) continue;
      ids.push(next);
      for (const child of this.childrenOf(next)) stack.push(child.id);
    }
    return ids;
  }

  /** Levels below this category (0 for a leaf). */
  heightOf(id: string): number {
    const below = this.childrenOf(id).map((child) => this.heightOf(child.id) + 1);
    return below.length === 0 ? 0 : Math.max(...below);
  }

  /** The child of `parentId` named `name` (case ignored), as the unique index compares them. */
  findChild(parentId: string | null, name: string): Category | undefined {
    const wanted = name.toLocaleLowerCase('vi');
    return this.childrenOf(parentId).find((child) => child.name.toLocaleLowerCase('vi') === wanted);
  }

  add(category: Category): void {
    this.byId.set(category.id, category);
    const key = category.parentId ?? '';
    this.children.set(key, [...(this.children.get(key) ?? []), category]);
  }
}

export async function loadCategoryTree(ctx: TenantContext, executor: Executor): Promise<CategoryTree> {
  const rows = await executor.select().from(productCategories).where(eq(productCategories.orgId, ctx.orgId));
  return new CategoryTree(rows);
}
