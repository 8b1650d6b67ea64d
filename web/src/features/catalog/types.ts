export type ProductStatus = 'active' | 'draft' | 'archived';
export const PRODUCT_STATUSES: ProductStatus[] = ['active', 'draft', 'archived'];

export type Product = {
  id: string;
  sku: string;
  name: string;
  description: string;
  categoryId: string | null;
  categoryPath: string | null;
  currency: string;
  priceMinor: string;
  costMinor: string | null;
  ctvPriceMinor: string | null;
  status: ProductStatus;
  imageUrl: string | null;
  url: string | null;
  createdAt: string;
  updatedAt: string;
};

export type Category = {
  id: string;
  parentId: string | null;
  name: string;
  path: string;
  depth: number;
  productCount: number;
  childCount: number;
};

export type ImportField =
  | 'sku'
  | 'name'
  | 'description'
  | 'category'
  | 'price'
  | 'cost'
  | 'ctvPrice'
  | 'imageUrl'
  | 'url'
  | 'status';

export type ImportReport = {
  dryRun: boolean;
  totals: { rows: number; created: number; updated: number; unchanged: number; errors: number };
  columns: Partial<Record<ImportField, string>>;
  ignoredColumns: string[];
  rows: {
    rowNumber: number;
    outcome: 'created' | 'updated' | 'unchanged' | 'error';
    sku: string | null;
    productId: string | null;
    errors: { field: ImportField; message: string }[];
  }[];
};

/** What the partner app shows of a product (never its cost). */
export type CatalogProduct = Pick<
  Product,
  | 'id'
  | 'sku'
  | 'name'
  | 'description'
  | 'categoryId'
  | 'categoryPath'
  | 'currency'
  | 'priceMinor'
  | 'ctvPriceMinor'
  | 'imageUrl'
  | 'url'
>;
