import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import type { TenantContext } from '../../../platform/services';
import { products } from '../schema';

export type ProductBySku = {
  id: string;
  sku: string;
  name: string;
  categoryId: string | null;
  currency: string;
  priceMinor: bigint;
  costMinor: bigint | null;
  ctvPriceMinor: bigint | null;
  status: 'active' | 'draft' | 'archived';
};

/**
 * The organisation's products with these SKUs, matched ignoring case (as the unique index does),
 * keyed by the upper-cased SKU. Archived products are included: past and returned orders name them.
 */
export async function findProductsBySkus(
  ctx: TenantContext,
  executor: Executor,
  skus: readonly string[],
): Promise<Map<string, ProductBySku>> {
  const wanted = [...new Set(skus.map((sku) => sku.trim().toUpperCase()).filter(Boolean))];
  if (wanted.length === 0) return new Map();
  const rows = await executor
    .select({
      id: products.id,
      sku: products.sku,
      name: products.name,
      categoryId: products.categoryId,
      currency: products.currency,
      priceMinor: products.priceMinor,
      costMinor: products.costMinor,
      ctvPriceMinor: products.ctvPriceMinor,
      status: products.status,
    })
    .from(products)
    .where(and(eq(products.orgId, ctx.orgId), inArray(sql`upper(${products.sku})`, wanted)));
  return new Map(rows.map((row) => [row.sku.toUpperCase(), row]));
}
