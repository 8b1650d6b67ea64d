import { and, eq } from 'drizzle-orm';
import { mapDatabaseError } from '../../../platform/errors';
import type { TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { products } from '../schema';
import type { ProductPatch } from '../schemas';
import { getProductById, getProductView } from './get-product';
import { assertCategoryExists, assertPrices, assertSkuFree, skuTakenMessage } from './product-rules';

const toMinor = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null ? null : BigInt(value);

/** Changes some fields of a product; the result must still keep the CTV price at most the price. */
export async function updateProduct(ctx: TenantContext, productId: string, patch: ProductPatch) {
  try {
    return await ctx.services.db.transaction(async (tx) => {
      const before = await getProductById(ctx, tx, productId);
      const changes = {
        ...patch,
        priceMinor: patch.priceMinor === undefined ? undefined : BigInt(patch.priceMinor),
        costMinor: toMinor(patch.costMinor),
        ctvPriceMinor: toMinor(patch.ctvPriceMinor),
      };
      assertPrices({
        priceMinor: changes.priceMinor ?? before.priceMinor,
        ctvPriceMinor: changes.ctvPriceMinor === undefined ? before.ctvPriceMinor : changes.ctvPriceMinor,
      });
      if (patch.sku !== undefined && patch.sku !== before.sku)
        await assertSkuFree(ctx, tx, patch.sku, productId);
      if (patch.categoryId !== undefined) await assertCategoryExists(ctx, tx, patch.categoryId);
      await tx
        .update(products)
        .set({ ...changes, updatedAt: ctx.services.clock.now() })
        .where(and(eq(products.orgId, ctx.orgId), eq(products.id, productId)));
      const changedKeys = Object.keys(patch) as (keyof ProductPatch)[];
      await recordAudit(ctx, tx, {
        action: patch.status && changedKeys.length === 1 ? 'product.status_changed' : 'product.updated',
        entityType: 'product',
        entityId: productId,
        before: Object.fromEntries(changedKeys.map((key) => [key, String(before[key] ?? '') || null])),
        after: patch,
      });
      return getProductView(ctx, productId, tx);
    });
  } catch (error) {
    throw mapDatabaseError(error, { products_sku_uq: skuTakenMessage(patch.sku ?? '') });
  }
}

/** Archives a product (hidden from partners, kept for past orders) or brings it back. */
export function changeProductStatus(
  ctx: TenantContext,
  productId: string,
  status: ProductPatch['status'] & {},
) {
  return updateProduct(ctx, productId, { status });
}
