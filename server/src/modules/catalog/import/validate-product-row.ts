import { z } from '@hono/zod-openapi';
import { AmountError, parseHumanAmount } from '../../../platform/human-amount';
import type { CategoryTree } from '../categories/category-tree';
import type { Product } from '../products/product-view';
import type { ProductStatus } from '../schema';
import { skuSchema } from '../schemas';
import { type ProductImportField, parseStatus } from './columns';

export type RowError = { field: ProductImportField; message: string };

/** The values a row sets; `categoryPath` is resolved (and missing levels created) when written. */
export type ProductRowValues = {
  sku: string;
  name: string;
  description: string;
  /** Level names; null for no category; undefined when the file has no category column (kept). */
  categoryPath: string[] | null | undefined;
  currency: string;
  priceMinor: bigint;
  costMinor: bigint | null;
  ctvPriceMinor: bigint | null;
  status: ProductStatus;
  imageUrl: string | null;
  url: string | null;
};

const httpUrl = z.url({ protocol: /^https?$/ }).max(2000);

/** Reads a category path "Mỹ phẩm > Chăm sóc da" into its level names. */
export function splitCategoryPath(text: string): string[] {
  return text
    .split(/[>›]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * Checks one row against the product it updates (if its SKU exists) and answers the values to
 * write. A column missing from the file keeps the product's value; a blank cell clears an optional
 * field; name and price are required for a new product.
 */
export function validateProductRow(
  cells: Partial<Record<ProductImportField, string>>,
  existing: Product | undefined,
  defaultCurrency: string,
): { values: ProductRowValues; errors: [] } | { values: undefined; errors: RowError[] } {
  const errors: RowError[] = [];
  const sku = skuSchema.safeParse(cells.sku ?? '');
  if (!sku.success) {
    errors.push({ field: 'sku', message: cells.sku ? sku.error.issues[0]!.message : 'SKU is required' });
  }
  const currency = existing?.currency ?? defaultCurrency;
  const amount = (field: 'price' | 'cost' | 'ctvPrice', current: bigint | null | undefined) => {
    const text = cells[field];
    if (text === undefined) return current ?? null;
    if (text === '') return null;
    try {
      return parseHumanAmount(text, currency);
    } catch (error) {
      if (!(error instanceof AmountError)) throw error;
      errors.push({ field, message: error.message });
      return null;
    }
  };
  const name = cells.name || existing?.name;
  if (!name) errors.push({ field: 'name', message: 'Name is required for a new product' });
  else if (name.length > 200) errors.push({ field: 'name', message: 'At most 200 characters' });
  const priceMinor = amount('price', existing?.priceMinor);
  if (priceMinor === null && !errors.some((error) => error.field === 'price')) {
    errors.push({ field: 'price', message: 'Price is required' });
  }
  const costMinor = amount('cost', existing?.costMinor);
  const ctvPriceMinor = amount('ctvPrice', existing?.ctvPriceMinor);
  if (priceMinor !== null && ctvPriceMinor !== null && ctvPriceMinor > priceMinor) {
    errors.push({ field: 'ctvPrice', message: 'The CTV price cannot be higher than the price' });
  }
  const url = (field: 'imageUrl' | 'url', current: string | null | undefined) => {
    const text = cells[field];
    if (text === undefined) return current ?? null;
    if (text === '') return null;
    if (!httpUrl.safeParse(text).success) {
      errors.push({ field, message: 'An http:// or https:// address' });
      return null;
    }
    return text;
  };
  const imageUrl = url('imageUrl', existing?.imageUrl);
  const pageUrl = url('url', existing?.url);
  let status = existing?.status ?? 'active';
  if (cells.status) {
    const parsed = parseStatus(cells.status);
    if (parsed) status = parsed;
    else
      errors.push({
        field: 'status',
        message: `Unknown status "${cells.status}" (active, draft or archived)`,
      });
  }
  let categoryPath: string[] | null | undefined;
  if (cells.category !== undefined) {
    categoryPath = cells.category === '' ? null : splitCategoryPath(cells.category);
    if (categoryPath?.some((part) => part.length > 80)) {
      errors.push({ field: 'category', message: 'A category name has at most 80 characters' });
    }
  }
  const description = cells.description ?? existing?.description ?? '';
  if (description.length > 5000) errors.push({ field: 'description', message: 'At most 5000 characters' });
  if (errors.length > 0 || !sku.success || !name || priceMinor === null) {
    return { values: undefined, errors };
  }
  return {
    errors: [],
    values: {
      sku: existing?.sku ?? sku.data,
      name,
      description,
      categoryPath,
      currency,
      priceMinor,
      costMinor,
      ctvPriceMinor,
      status,
      imageUrl,
      url: pageUrl,
    },
  };
}

/** The category path a product has now, for comparing with the file's. */
export function categoryPathOf(tree: CategoryTree, categoryId: string | null): string[] | null {
  if (!categoryId) return null;
  return tree.ancestorsOf(categoryId).map((category) => category.name);
}
