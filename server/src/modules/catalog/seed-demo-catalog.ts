import type { Executor } from '../../platform/db';
import { newId } from '../../platform/ids';
import type { Services, TenantContext } from '../../platform/services';
import { loadCategoryTree } from './categories/category-tree';
import { findProductsBySkus } from './products/find-products-by-skus';
import { productCategories, products } from './schema';

const SHOP = 'https://myphamhoasen.vn';

/** [sku, name, category path, price, cost, CTV price, slug] in VND. */
const DEMO_PRODUCTS: [string, string, string[], number, number, number | null, string][] = [
  [
    'HS-SRM-VITC',
    'Serum Vitamin C 15% sáng da 30ml',
    ['Mỹ phẩm', 'Chăm sóc da'],
    350_000,
    140_000,
    280_000,
    'serum-vitamin-c',
  ],
  [
    'HS-SRM-B5',
    'Serum B5 phục hồi da 30ml',
    ['Mỹ phẩm', 'Chăm sóc da'],
    320_000,
    120_000,
    255_000,
    'serum-b5',
  ],
  [
    'HS-SRM-NGHE',
    'Sữa rửa mặt nghệ tươi 120ml',
    ['Mỹ phẩm', 'Chăm sóc da'],
    159_000,
    55_000,
    125_000,
    'sua-rua-mat-nghe',
  ],
  [
    'HS-KCN-SPF50',
    'Kem chống nắng SPF50+ PA++++ 50ml',
    ['Mỹ phẩm', 'Chăm sóc da'],
    289_000,
    105_000,
    230_000,
    'kem-chong-nang-spf50',
  ],
  [
    'HS-MN-TRA',
    'Mặt nạ ngủ trà xanh 80g',
    ['Mỹ phẩm', 'Chăm sóc da'],
    210_000,
    70_000,
    168_000,
    'mat-na-ngu-tra-xanh',
  ],
  [
    'HS-SON-DO',
    'Son kem lì màu đỏ gạch',
    ['Mỹ phẩm', 'Trang điểm'],
    185_000,
    52_000,
    148_000,
    'son-kem-li-do-gach',
  ],
  [
    'HS-CUSHION',
    'Phấn nước cushion che phủ tốt',
    ['Mỹ phẩm', 'Trang điểm'],
    395_000,
    150_000,
    315_000,
    'cushion',
  ],
  [
    'HS-DG-BOBUOI',
    'Dầu gội bồ kết vỏ bưởi 300ml',
    ['Chăm sóc tóc'],
    145_000,
    48_000,
    115_000,
    'dau-goi-bo-ket',
  ],
  [
    'HS-TD-BUOI',
    'Tinh dầu bưởi kích mọc tóc 100ml',
    ['Chăm sóc tóc'],
    175_000,
    50_000,
    140_000,
    'tinh-dau-buoi',
  ],
  [
    'HS-COLLAGEN',
    'Collagen thủy phân 10.000mg (hộp 30 gói)',
    ['Thực phẩm chức năng'],
    890_000,
    420_000,
    710_000,
    'collagen-thuy-phan',
  ],
  [
    'HS-TINHNGHE',
    'Tinh bột nghệ nano 500g',
    ['Thực phẩm chức năng'],
    260_000,
    95_000,
    208_000,
    'tinh-bot-nghe-nano',
  ],
  [
    'HS-SAMYEN',
    'Nước yến sào hũ 70ml (lốc 6 hũ)',
    ['Thực phẩm chức năng'],
    240_000,
    130_000,
    null,
    'nuoc-yen-sao',
  ],
];

/**
 * Demo catalog of "Mỹ phẩm Hoa Sen": 12 products in 4 categories, prices in VND, each with its
 * page on the shop's site. Writes straight to the tables so it runs inside the demo seed's
 * transaction; SKUs and categories that exist are left alone, so a second run adds nothing.
 */
export async function seedDemoCatalog(
  services: Services,
  ctx: TenantContext,
  executor: Executor = services.db,
): Promise<{ categories: number; products: number }> {
  const tree = await loadCategoryTree(ctx, executor);
  const existing = await findProductsBySkus(
    ctx,
    executor,
    DEMO_PRODUCTS.map(([sku]) => sku),
  );
  const now = services.clock.now();
  let createdCategories = 0;
  let createdProducts = 0;
  for (const [sku, name, path, price, cost, ctvPrice, slug] of DEMO_PRODUCTS) {
    let parentId: string | null = null;
    for (const level of path) {
      let category = tree.findChild(parentId, level);
      if (!category) {
        category = {
          orgId: ctx.orgId,
          id: newId('productCategory', now.getTime()),
          parentId,
          name: level,
          createdAt: now,
          updatedAt: now,
        };
        await executor.insert(productCategories).values(category);
        tree.add(category);
        createdCategories++;
      }
      parentId = category.id;
    }
    if (existing.has(sku)) continue;
    await executor.insert(products).values({
      orgId: ctx.orgId,
      id: newId('product', now.getTime()),
      sku,
      name,
      description: '',
      categoryId: parentId,
      currency: 'VND',
      priceMinor: BigInt(price),
      costMinor: BigInt(cost),
      ctvPriceMinor: ctvPrice === null ? null : BigInt(ctvPrice),
      status: 'active',
      imageUrl: null,
      url: `${SHOP}/san-pham/${slug}`,
      createdAt: now,
      updatedAt: now,
    });
    createdProducts++;
  }
  return { categories: createdCategories, products: createdProducts };
}
