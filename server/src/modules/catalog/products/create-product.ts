import { mapDatabaseError } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { products } from '../schema';
import type { NewProduct } from '../schemas';
import { getProductView } from './get-product';
import {
  assertCategoryExists,
  assertPrices,
  assertSkuFree,
  orgCurrency,
  skuTakenMessage,
} from './product-rules';

/** Creates a product; the SKU is unique in the organisation whatever its case. */
export async function createProduct(ctx: TenantContext, input: NewProduct) {
  const priceMinor = BigInt(input.priceMinor);
  const ctvPriceMinor = input.ctvPriceMinor ? BigInt(input.ctvPriceMinor) : null;
  assertPrices({ priceMinor, ctvPriceMinor });
  try {
    return await ctx.services.db.transaction(async (tx) => {
      await assertSkuFree(ctx, tx, input.sku);
      await assertCategoryExists(ctx, tx, input.categoryId ?? null);
      const now = ctx.services.clock.now();
      const id = newId('product', now.getTime());
      const values = {
        orgId: ctx.orgId,
        id,
        sku: input.sku,
        name: input.name,
        description: input.description ?? '',
        categoryId: input.categoryId ?? null,
        currency: input.currency ?? (await orgCurrency(ctx, tx)),
        priceMinor,
        costMinor: input.costMinor ? BigInt(input.costMinor) : null,
        ctvPriceMinor,
        status: input.status ?? 'active',
        imageUrl: input.imageUrl ?? null,
        url: input.url ?? null,
        createdAt: now,
        updatedAt: now,
      };
      await tx.insert(products).values(values);
      await recordAudit(ctx, tx, {
        action: 'product.created',
        entityType: 'product',
        entityId: id,
        after: { ...input, currency: values.currency },
      });
      return getProductView(ctx, id, tx);
    });
  } catch (error) {
    throw mapDatabaseError(error, { products_sku_uq: skuTakenMessage(input.sku) });
  }
}
