import { z } from '@hono/zod-openapi';
import { pageQuerySchema } from '../../../platform/http/paging';
import type { Services } from '../../../platform/services';
import { findProductCategories } from '../categories/find-categories';
import { findProducts } from '../products/find-products';
import type { ProductView } from '../schemas';
import { PRODUCT_SORTS } from '../schemas';
import { myEnrollmentContext } from './my-enrollment-context';

export const myCatalogQuerySchema = pageQuerySchema.extend({
  enrollmentId: z.string().min(1).max(60).openapi({ example: 'enr_01jc8x0000abcdefghjkmnpqrs' }),
  q: z.string().trim().max(100).optional(),
  categoryId: z.string().max(60).optional().openapi({ description: 'A category and everything below it' }),
  sort: z.enum(PRODUCT_SORTS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type MyCatalogQuery = z.infer<typeof myCatalogQuerySchema>;

export const myProductSchema = z
  .object({
    id: z.string(),
    sku: z.string(),
    name: z.string(),
    description: z.string(),
    categoryId: z.string().nullable(),
    categoryPath: z.string().nullable(),
    currency: z.string(),
    priceMinor: z.string(),
    ctvPriceMinor: z.string().nullable(),
    imageUrl: z.string().nullable(),
    url: z.string().nullable(),
  })
  .openapi('MyCatalogProduct');

/** What a partner sees of a product: never its cost. */
function toMyProduct(product: ProductView): z.infer<typeof myProductSchema> {
  return {
    id: product.id,
    sku: product.sku,
    name: product.name,
    description: product.description,
    categoryId: product.categoryId,
    categoryPath: product.categoryPath,
    currency: product.currency,
    priceMinor: product.priceMinor,
    ctvPriceMinor: product.ctvPriceMinor,
    imageUrl: product.imageUrl,
    url: product.url,
  };
}

/** Active products of the organisation of one of the partner's approved enrollments. */
export async function findMyCatalog(services: Services, identityId: string, query: MyCatalogQuery) {
  const ctx = await myEnrollmentContext(services, identityId, query.enrollmentId);
  const page = await findProducts(ctx, { ...query, status: 'active' });
  return { items: page.items.map(toMyProduct), nextCursor: page.nextCursor };
}

/** The categories holding active products (counting those below them), for the app's filter chips. */
export async function findMyCatalogCategories(services: Services, identityId: string, enrollmentId: string) {
  const ctx = await myEnrollmentContext(services, identityId, enrollmentId);
  const { items } = await findProductCategories(ctx, ctx.services.db, { status: 'active' });
  const byId = new Map(items.map((item) => [item.id, { ...item, total: item.productCount }]));
  for (const item of [...byId.values()].sort((a, b) => b.depth - a.depth)) {
    if (item.parentId) {
      const parent = byId.get(item.parentId);
      if (parent) parent.total += item.total;
    }
  }
  return {
    items: items
      .filter((item) => byId.get(item.id)!.total > 0)
      .map((item) => ({
        id: item.id,
        parentId: item.parentId,
        name: item.name,
        path: item.path,
        depth: item.depth,
        productCount: byId.get(item.id)!.total,
      })),
  };
}
