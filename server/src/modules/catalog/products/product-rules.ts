import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import { AppError, conflict, type ErrorDetail } from '../../../platform/errors';
import type { TenantContext } from '../../../platform/services';
import { orgs } from '../../orgs/schema';
import { loadCategoryTree } from '../categories/category-tree';
import { products } from '../schema';

export const skuTakenMessage = (sku: string) =>
  `A product with SKU "${sku}" already exists (SKUs ignore case)`;

/** Problems with the money of a product: the CTV price above the customer price. */
export function priceProblems(values: { priceMinor: bigint; ctvPriceMinor: bigint | null }): ErrorDetail[] {
  if (values.ctvPriceMinor !== null && values.ctvPriceMinor > values.priceMinor) {
    return [{ path: 'body.ctvPriceMinor', message: 'The CTV price cannot be higher than the price' }];
  }
  return [];
}

export function assertPrices(values: { priceMinor: bigint; ctvPriceMinor: bigint | null }) {
  const problems = priceProblems(values);
  if (problems.length > 0)
    throw new AppError('validation_failed', problems[0]!.message, { details: problems });
}

/** Throws a clear conflict when another product of the organisation has this SKU in any case. */
export async function assertSkuFree(ctx: TenantContext, executor: Executor, sku: string, selfId?: string) {
  const [other] = await executor
    .select({ sku: products.sku })
    .from(products)
    .where(
      and(
        eq(products.orgId, ctx.orgId),
        sql`upper(${products.sku}) = ${sku.toUpperCase()}`,
        selfId ? ne(products.id, selfId) : undefined,
      ),
    );
  if (other) throw conflict(skuTakenMessage(other.sku), [{ path: 'body.sku', message: 'Already used' }]);
}

export async function assertCategoryExists(
  ctx: TenantContext,
  executor: Executor,
  categoryId: string | null,
) {
  if (categoryId === null) return;
  const tree = await loadCategoryTree(ctx, executor);
  if (!tree.byId.has(categoryId)) {
    throw new AppError('validation_failed', 'The category does not exist', {
      details: [{ path: 'body.categoryId', message: 'No such category' }],
    });
  }
}

export async function orgCurrency(ctx: TenantContext, executor: Executor): Promise<string> {
  const [org] = await executor.select({ currency: orgs.currency }).from(orgs).where(eq(orgs.id, ctx.orgId));
  return org?.currency ?? 'VND';
}
