export { CategoryTree, loadCategoryTree } from './categories/category-tree';
export { getCategoryAncestors } from './categories/get-category-ancestors';
export { findProductsBySkus, type ProductBySku } from './products/find-products-by-skus';
export { getProductById } from './products/get-product';
export type { Product } from './products/product-view';
export { PRODUCT_STATUSES, type ProductStatus, productCategories, products } from './schema';
export { seedDemoCatalog } from './seed-demo-catalog';
