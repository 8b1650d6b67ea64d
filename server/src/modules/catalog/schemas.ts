import { z } from '@hono/zod-openapi';
import { pathId } from '../../platform/http/openapi';
import { pageQuerySchema } from '../../platform/http/paging';
import { SUPPORTED_CURRENCIES } from '../../platform/money';
import { PRODUCT_STATUSES } from './schema';

export { pathId };

export const productIdParams = z.object({ productId: pathId('productId', 'prd_01jc8x0000abcdefghjkmnpqrs') });
export const categoryIdParams = z.object({
  productCategoryId: pathId('productCategoryId', 'cat_01jc8x0000abcdefghjkmnpqrs'),
});

/** The separator of category paths, shown ("Mỹ phẩm › Chăm sóc da") and read from imports ("A > B"). */
export const PATH_SEPARATOR = ' › ';

const categoryName = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .refine((name) => !/[>›]/.test(name), 'A category name cannot contain > or › (they separate levels)')
  .openapi({ example: 'Chăm sóc da' });

export const categorySchema = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    name: z.string(),
    path: z.string().openapi({ example: 'Mỹ phẩm › Chăm sóc da' }),
    depth: z.number().int().openapi({ description: '0 for a top-level category' }),
    productCount: z.number().int().openapi({ description: 'Products directly in this category' }),
    childCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ProductCategory');

export const newCategorySchema = z
  .object({ name: categoryName, parentId: z.string().min(1).max(60).nullable().optional() })
  .strict();
export type NewCategory = z.infer<typeof newCategorySchema>;

export const categoryPatchSchema = z
  .object({
    name: categoryName.optional(),
    parentId: z
      .string()
      .min(1)
      .max(60)
      .nullable()
      .optional()
      .openapi({ description: 'Moves the category; null makes it top-level' }),
  })
  .strict();
export type CategoryPatch = z.infer<typeof categoryPatchSchema>;

const minorUnits = (example: string) =>
  z
    .string()
    .regex(/^\d{1,15}$/, 'A whole number of minor units, 0 or more (e.g. "150000")')
    .openapi({ example });

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'An http:// or https:// address' })
  .max(2000)
  .openapi({ example: 'https://shop.example.vn/serum-vitamin-c' });

export const skuSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}._\-/#+]+$/u, 'Letters, digits and . _ - / # + only, without spaces')
  .openapi({ example: 'SRM-VITC-30' });

export const productSchema = z
  .object({
    id: z.string(),
    sku: z.string(),
    name: z.string(),
    description: z.string(),
    categoryId: z.string().nullable(),
    categoryPath: z.string().nullable(),
    currency: z.string(),
    priceMinor: z.string().openapi({ example: '350000' }),
    costMinor: z.string().nullable(),
    ctvPriceMinor: z.string().nullable(),
    status: z.enum(PRODUCT_STATUSES),
    imageUrl: z.string().nullable(),
    url: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Product');
export type ProductView = z.infer<typeof productSchema>;

export const productPageSchema = z
  .object({ items: z.array(productSchema), nextCursor: z.string().nullable() })
  .openapi('ProductPage');

export const PRODUCT_SORTS = ['name', 'price', 'created'] as const;

export const productQuerySchema = pageQuerySchema.extend({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .openapi({ description: 'SKU prefix or the start of a word of the name (case and accents ignored)' }),
  status: z.enum(PRODUCT_STATUSES).optional(),
  categoryId: z
    .string()
    .max(60)
    .optional()
    .openapi({ description: 'A category and everything below it; "none" for products without one' }),
  sort: z.enum(PRODUCT_SORTS).default('created'),
});
export type ProductQuery = z.infer<typeof productQuerySchema>;

const productFields = {
  sku: skuSchema,
  name: z.string().trim().min(1).max(200).openapi({ example: 'Serum Vitamin C 30ml' }),
  description: z.string().trim().max(5000),
  categoryId: z.string().min(1).max(60).nullable(),
  currency: z.enum(SUPPORTED_CURRENCIES as [string, ...string[]]),
  priceMinor: minorUnits('350000'),
  costMinor: minorUnits('180000').nullable(),
  ctvPriceMinor: minorUnits('280000')
    .nullable()
    .openapi({ description: 'What a CTV pays in discount programs; at most the price' }),
  status: z.enum(PRODUCT_STATUSES),
  imageUrl: httpUrl.nullable(),
  url: httpUrl.nullable().openapi({ description: "The product's page on the shop's site" }),
};

export const newProductSchema = z
  .object({
    ...productFields,
    description: productFields.description.optional(),
    categoryId: productFields.categoryId.optional(),
    currency: productFields.currency.optional().openapi({ description: "Defaults to the organisation's" }),
    costMinor: productFields.costMinor.optional(),
    ctvPriceMinor: productFields.ctvPriceMinor.optional(),
    status: productFields.status.optional(),
    imageUrl: productFields.imageUrl.optional(),
    url: productFields.url.optional(),
  })
  .strict()
  .openapi('NewProduct');
export type NewProduct = z.infer<typeof newProductSchema>;

export const productPatchSchema = z.object(productFields).partial().strict().openapi('ProductPatch');
export type ProductPatch = z.infer<typeof productPatchSchema>;

export const productStatusBodySchema = z.object({ status: z.enum(PRODUCT_STATUSES) }).strict();
