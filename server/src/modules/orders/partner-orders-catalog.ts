import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError, type ErrorDetail } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import { products } from '../catalog';
import type { OrderItemInput } from './ingest-order';

/** A line as a partner or staff picks it: a catalog product by id or SKU, and how many. */
export type CatalogLineInput = { productId?: string; sku?: string; quantity: number };

/**
 * Prices lines from the organisation's catalog: only active products in the program's currency
 * can be ordered, and the price is always the catalog's (whoever enters the order cannot set it).
 * `path` names the body field in error details ("items").
 */
export async function priceFromCatalog(
  ctx: TenantContext,
  executor: Executor,
  input: { lines: CatalogLineInput[]; currency: string; path?: string },
): Promise<OrderItemInput[]> {
  const path = input.path ?? 'body.items';
  const ids = input.lines.flatMap((line) => (line.productId ? [line.productId] : []));
  const skus = input.lines.flatMap((line) => (!line.productId && line.sku ? [line.sku.toUpperCase()] : []));
  const found = await executor
    .select({
      id: products.id,
      sku: products.sku,
      name: products.name,
      currency: products.currency,
      priceMinor: products.priceMinor,
    })
    .from(products)
    .where(
      and(
        eq(products.orgId, ctx.orgId),
        eq(products.status, 'active'),
        sql`(${ids.length > 0 ? inArray(products.id, ids) : sql`false`} or ${
          skus.length > 0 ? inArray(sql`upper(${products.sku})`, skus) : sql`false`
        })`,
      ),
    );
  const byId = new Map(found.map((product) => [product.id, product]));
  const bySku = new Map(found.map((product) => [product.sku.toUpperCase(), product]));
  const details: ErrorDetail[] = [];
  const items: OrderItemInput[] = [];
  input.lines.forEach((line, index) => {
    const product = line.productId ? byId.get(line.productId) : bySku.get((line.sku ?? '').toUpperCase());
    if (!product) {
      details.push({
        path: `${path}.${index}`,
        message: 'This product is not in the catalog or not on sale',
      });
      return;
    }
    if (product.currency !== input.currency) {
      details.push({
        path: `${path}.${index}`,
        message: `This product is priced in ${product.currency}, the program in ${input.currency}`,
      });
      return;
    }
    items.push({
      sku: product.sku,
      name: product.name,
      quantity: line.quantity,
      unitPriceMinor: product.priceMinor,
    });
  });
  if (details.length > 0) {
    throw new AppError('validation_failed', 'Some products cannot be ordered', { details });
  }
  return items;
}
