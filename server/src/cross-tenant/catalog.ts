import type { CrossTenantSetup } from './part';

/** Records of organisation A for the catalog routes: a category tree and a product in it. */
export const setup: CrossTenantSetup = async ({ callA }) => {
  const post = async (path: string, body: unknown) => {
    const response = await callA('POST', path, body);
    if (response.status !== 201)
      throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { id: string };
  };
  const top = await post('/api/v1/product-categories', { name: 'Mỹ phẩm A' });
  const category = await post('/api/v1/product-categories', { name: 'Chăm sóc da A', parentId: top.id });
  const product = await post('/api/v1/products', {
    sku: 'A-SERUM-1',
    name: 'Serum của A',
    priceMinor: '35000',
    categoryId: category.id,
    url: 'https://shop-a.example.vn/serum',
  });
  return {
    records: { productId: product.id, productCategoryId: category.id },
    ids: [top.id],
    bodies: {
      'POST /api/v1/product-categories': { name: 'Danh mục của B' },
      'PATCH /api/v1/product-categories/{productCategoryId}': { name: 'Đổi tên' },
      'POST /api/v1/products': { sku: 'B-1', name: 'Sản phẩm của B', priceMinor: '1000' },
      'PATCH /api/v1/products/{productId}': { priceMinor: '1' },
      'POST /api/v1/products/{productId}/status': { status: 'archived' },
      'POST /api/v1/product-imports': {
        fileName: 'b.csv',
        // the same SKU as A's product: B gets its own product, A's is untouched
        contentBase64: Buffer.from('SKU,Tên,Giá\nA-SERUM-1,Của B,1000\n').toString('base64'),
      },
    },
    notTenantScoped: {
      'GET /api/me/catalog':
        'the signed-in partner’s own approved enrollment names the organisation (others: 404)',
      'GET /api/me/catalog/categories':
        'the signed-in partner’s own approved enrollment names the organisation (others: 404)',
    },
  };
};
