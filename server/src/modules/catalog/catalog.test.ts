import { describe, expect, it } from 'vitest';
import { apiCall, createTestApiKey, createTestOrg } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { findProductsBySkus, getCategoryAncestors, seedDemoCatalog } from './index';

const env = await createTestEnv();

async function setup(role: 'owner' | 'care_staff' = 'owner') {
  const { org } = await createTestOrg(env);
  const call = apiCall(env, (await createTestApiKey(env, org.id, 'owner')).secret);
  const limited = role === 'owner' ? call : apiCall(env, (await createTestApiKey(env, org.id, role)).secret);
  const ctx = { orgId: org.id, services: env.services, actor: { type: 'system' as const, label: 'Test' } };
  return { org, call, limited, ctx };
}

type Call = Awaited<ReturnType<typeof setup>>['call'];

async function category(call: Call, name: string, parentId?: string) {
  const response = await call('POST', '/api/v1/product-categories', { name, parentId });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; path: string; depth: number };
}

async function product(call: Call, body: Record<string, unknown>) {
  const response = await call('POST', '/api/v1/products', {
    name: 'Sản phẩm',
    priceMinor: '100000',
    ...body,
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { id: string; sku: string; priceMinor: string };
}

describe('product categories', () => {
  it('builds a tree listed flat with paths, and refuses a move into its own branch', async () => {
    const { call } = await setup();
    const cosmetics = await category(call, 'Mỹ phẩm');
    const skin = await category(call, 'Chăm sóc da', cosmetics.id);
    const serum = await category(call, 'Serum', skin.id);
    expect(serum).toMatchObject({ path: 'Mỹ phẩm › Chăm sóc da › Serum', depth: 2 });
    const list = await (await call('GET', '/api/v1/product-categories')).json();
    expect(list.items.map((item: { path: string }) => item.path)).toEqual([
      'Mỹ phẩm',
      'Mỹ phẩm › Chăm sóc da',
      'Mỹ phẩm › Chăm sóc da › Serum',
    ]);
    expect(list.items[0]).toMatchObject({ parentId: null, childCount: 1, productCount: 0 });

    for (const parentId of [serum.id, cosmetics.id]) {
      const cycle = await call('PATCH', `/api/v1/product-categories/${cosmetics.id}`, { parentId });
      expect(cycle.status).toBe(400);
      expect((await cycle.json()).error.message).toBe(
        'A category cannot move under itself or its own subcategory',
      );
    }
    const moved = await call('PATCH', `/api/v1/product-categories/${serum.id}`, {
      parentId: null,
      name: 'Tinh chất',
    });
    expect(await moved.json()).toMatchObject({ path: 'Tinh chất', depth: 0, parentId: null });
    const back = await call('PATCH', `/api/v1/product-categories/${skin.id}`, { parentId: serum.id });
    expect(await back.json()).toMatchObject({ path: 'Tinh chất › Chăm sóc da' });
  });

  it('keeps sibling names unique ignoring case, and refuses separators in names', async () => {
    const { call } = await setup();
    const top = await category(call, 'Chăm sóc tóc');
    const again = await call('POST', '/api/v1/product-categories', { name: 'CHĂM SÓC TÓC' });
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toBe('A category with this name already exists at this level');
    await category(call, 'chăm sóc tóc', top.id);
    const separator = await call('POST', '/api/v1/product-categories', { name: 'Da > Mặt' });
    expect(separator.status).toBe(400);
    expect((await separator.json()).error.details[0].message).toBe(
      'A category name cannot contain > or › (they separate levels)',
    );
  });

  it('deletes only empty categories, saying what is left inside', async () => {
    const { call } = await setup();
    const food = await category(call, 'Thực phẩm chức năng');
    const collagen = await category(call, 'Collagen', food.id);
    await product(call, { sku: 'COL-1', categoryId: collagen.id });
    await product(call, { sku: 'COL-2', categoryId: collagen.id, status: 'archived' });
    const withChild = await call('DELETE', `/api/v1/product-categories/${food.id}`);
    expect(withChild.status).toBe(409);
    expect((await withChild.json()).error.message).toBe(
      'The category "Thực phẩm chức năng" still holds 1 subcategory(ies); move or delete them first',
    );
    const withProducts = await call('DELETE', `/api/v1/product-categories/${collagen.id}`);
    expect(withProducts.status).toBe(409);
    expect((await withProducts.json()).error.message).toBe(
      'The category "Collagen" still holds 2 product(s); move or delete them first',
    );
    const empty = await category(call, 'Trống', food.id);
    expect((await call('DELETE', `/api/v1/product-categories/${empty.id}`)).status).toBe(204);
    expect((await call('GET', `/api/v1/product-categories/${empty.id}`)).status).toBe(404);
  });
});

describe('products', () => {
  it('creates a product in the organisation currency with exact minor units', async () => {
    const { call } = await setup();
    const skin = await category(call, 'Chăm sóc da');
    const created = await call('POST', '/api/v1/products', {
      sku: 'SRM-VITC-30',
      name: 'Serum Vitamin C 30ml',
      categoryId: skin.id,
      priceMinor: '350000',
      costMinor: '140000',
      ctvPriceMinor: '280000',
      imageUrl: 'https://cdn.example.vn/serum.jpg',
      url: 'https://shop.example.vn/serum',
    });
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body).toMatchObject({
      sku: 'SRM-VITC-30',
      currency: 'VND',
      priceMinor: '350000',
      costMinor: '140000',
      ctvPriceMinor: '280000',
      categoryPath: 'Chăm sóc da',
      status: 'active',
    });
    expect((await (await call('GET', `/api/v1/products/${body.id}`)).json()).name).toBe(
      'Serum Vitamin C 30ml',
    );
  });

  it('refuses a SKU that exists in another case, with a clear 409', async () => {
    const { call } = await setup();
    await product(call, { sku: 'Son-Do-01' });
    const duplicate = await call('POST', '/api/v1/products', {
      sku: 'SON-DO-01',
      name: 'Son',
      priceMinor: '1',
    });
    expect(duplicate.status).toBe(409);
    expect((await duplicate.json()).error.message).toBe(
      'A product with SKU "Son-Do-01" already exists (SKUs ignore case)',
    );
    const other = await product(call, { sku: 'SON-HONG' });
    const renamed = await call('PATCH', `/api/v1/products/${other.id}`, { sku: 'son-do-01' });
    expect(renamed.status).toBe(409);
    // the same SKU in another organisation is fine
    const { call: otherOrg } = await setup();
    await product(otherOrg, { sku: 'SON-DO-01' });
  });

  it('validates money, URLs and the CTV price, also against stored values on PATCH', async () => {
    const { call } = await setup();
    const bad = await call('POST', '/api/v1/products', {
      sku: 'X 1',
      name: 'Kem',
      priceMinor: '-5',
      imageUrl: 'ftp://files.example.vn/a.jpg',
    });
    expect(bad.status).toBe(400);
    const paths = (await bad.json()).error.details.map((detail: { path: string }) => detail.path);
    expect(paths).toEqual(expect.arrayContaining(['body.sku', 'body.priceMinor', 'body.imageUrl']));
    const tooHigh = await call('POST', '/api/v1/products', {
      sku: 'KEM-1',
      name: 'Kem',
      priceMinor: '100000',
      ctvPriceMinor: '100001',
    });
    expect(tooHigh.status).toBe(400);
    expect((await tooHigh.json()).error.details).toEqual([
      { path: 'body.ctvPriceMinor', message: 'The CTV price cannot be higher than the price' },
    ]);
    const kem = await product(call, { sku: 'KEM-2', priceMinor: '100000', ctvPriceMinor: '80000' });
    const lowered = await call('PATCH', `/api/v1/products/${kem.id}`, { priceMinor: '79999' });
    expect(lowered.status).toBe(400);
    const both = await call('PATCH', `/api/v1/products/${kem.id}`, {
      priceMinor: '79999',
      ctvPriceMinor: null,
    });
    expect(await both.json()).toMatchObject({ priceMinor: '79999', ctvPriceMinor: null });
  });

  it('lists with search ignoring case and marks, status and category filters, sorting and paging', async () => {
    const { call } = await setup();
    const cosmetics = await category(call, 'Mỹ phẩm');
    const skin = await category(call, 'Chăm sóc da', cosmetics.id);
    const hair = await category(call, 'Chăm sóc tóc');
    await product(call, { sku: 'SRM-01', name: 'Serum dưỡng ẩm', priceMinor: '300000', categoryId: skin.id });
    env.clock.advance(1000);
    await product(call, {
      sku: 'SRM-02',
      name: 'Sữa rửa mặt nghệ',
      priceMinor: '150000',
      categoryId: cosmetics.id,
    });
    env.clock.advance(1000);
    await product(call, { sku: 'DG-01', name: 'Dầu gội bồ kết', priceMinor: '120000', categoryId: hair.id });
    env.clock.advance(1000);
    const archived = await product(call, {
      sku: 'DG-02',
      name: 'Dầu xả',
      priceMinor: '90000',
      categoryId: hair.id,
    });
    await call('POST', `/api/v1/products/${archived.id}/status`, { status: 'archived' });

    const skus = async (query: string) =>
      ((await (await call('GET', `/api/v1/products?${query}`)).json()).items as { sku: string }[]).map(
        (item) => item.sku,
      );
    expect(await skus('q=srm')).toEqual(['SRM-02', 'SRM-01']);
    expect(await skus('q=sua rua')).toEqual(['SRM-02']);
    expect(await skus(`q=${encodeURIComponent('BỒ KẾT')}`)).toEqual(['DG-01']);
    expect(await skus('q=ket')).toEqual(['DG-01']);
    expect(await skus('q=rum')).toEqual([]);
    expect(await skus('status=archived')).toEqual(['DG-02']);
    expect(await skus(`categoryId=${cosmetics.id}&sort=name&order=asc`)).toEqual(['SRM-01', 'SRM-02']);
    expect(await skus('sort=price&order=asc')).toEqual(['DG-02', 'DG-01', 'SRM-02', 'SRM-01']);

    const first = await (await call('GET', '/api/v1/products?sort=price&order=desc&limit=3')).json();
    expect(first.items.map((item: { sku: string }) => item.sku)).toEqual(['SRM-01', 'SRM-02', 'DG-01']);
    const second = await (
      await call('GET', `/api/v1/products?sort=price&order=desc&limit=3&cursor=${first.nextCursor}`)
    ).json();
    expect(second).toEqual({ items: [expect.objectContaining({ sku: 'DG-02' })], nextCursor: null });
  });

  it('exposes products by SKU and category ancestors to other modules', async () => {
    const { call, ctx } = await setup();
    const cosmetics = await category(call, 'Mỹ phẩm');
    const skin = await category(call, 'Chăm sóc da', cosmetics.id);
    const serum = await product(call, {
      sku: 'Srm-9',
      categoryId: skin.id,
      priceMinor: '350000',
      costMinor: '140000',
    });
    const found = await findProductsBySkus(ctx, env.services.db, ['srm-9', 'NOPE']);
    expect([...found.keys()]).toEqual(['SRM-9']);
    expect(found.get('SRM-9')).toMatchObject({
      id: serum.id,
      sku: 'Srm-9',
      priceMinor: 350000n,
      costMinor: 140000n,
      ctvPriceMinor: null,
      currency: 'VND',
      categoryId: skin.id,
    });
    const ancestors = await getCategoryAncestors(ctx, env.services.db, [skin.id, 'cat_missing']);
    expect(ancestors.get(skin.id)).toEqual([skin.id, cosmetics.id]);
    expect(ancestors.get('cat_missing')).toEqual([]);
  });

  it('needs catalog.manage to change the catalog', async () => {
    const { limited } = await setup('care_staff');
    expect((await limited('GET', '/api/v1/products')).status).toBe(200);
    expect((await limited('POST', '/api/v1/products', { sku: 'A', name: 'A', priceMinor: '1' })).status).toBe(
      403,
    );
  });
});

describe('demo catalog', () => {
  it('seeds 12 products in 5 categories once; a second run adds nothing', async () => {
    const { call, ctx } = await setup();
    expect(await seedDemoCatalog(env.services, ctx)).toEqual({ categories: 5, products: 12 });
    expect(await seedDemoCatalog(env.services, ctx)).toEqual({ categories: 0, products: 0 });
    const page = await (await call('GET', '/api/v1/products?limit=100&sort=price&order=desc')).json();
    expect(page.items).toHaveLength(12);
    expect(page.items[0]).toMatchObject({
      sku: 'HS-COLLAGEN',
      priceMinor: '890000',
      costMinor: '420000',
      ctvPriceMinor: '710000',
      categoryPath: 'Thực phẩm chức năng',
    });
  });
});
