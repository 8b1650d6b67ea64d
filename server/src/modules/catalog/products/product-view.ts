import type { products } from '../schema';
import type { ProductView } from '../schemas';

export type Product = typeof products.$inferSelect;

/** A product as the API shows it: money as strings of minor units, the category's readable path. */
export function toProductView(product: Product, categoryPath: string | null): ProductView {
  return {
    id: product.id,
    sku: product.sku,
    name: product.name,
    description: product.description,
    categoryId: product.categoryId,
    categoryPath,
    currency: product.currency,
    priceMinor: product.priceMinor.toString(),
    costMinor: product.costMinor?.toString() ?? null,
    ctvPriceMinor: product.ctvPriceMinor?.toString() ?? null,
    status: product.status,
    imageUrl: product.imageUrl,
    url: product.url,
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
  };
}
