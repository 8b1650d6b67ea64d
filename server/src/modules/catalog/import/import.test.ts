import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { apiCall, createTestApiKey, createTestOrg } from '../../../../../test/factories';
import { createTestEnv } from '../../../../../test/harness';

const env = await createTestEnv();

async function setup(currency = 'VND') {
  const { org } = await createTestOrg(env);
  const call = apiCall(env, (await createTestApiKey(env, org.id, 'owner')).secret);
  if (currency !== 'VND') expect((await call('PATCH', '/api/v1/org', { currency })).status).toBe(200);
  return { org, call };
}

type Call = Awaited<ReturnType<typeof setup>>['call'];

async function importFile(call: Call, fileName: string, content: string | Buffer, dryRun?: boolean) {
  const response = await call('POST', '/api/v1/product-imports', {
    fileName,
    contentBase64: Buffer.from(content).toString('base64'),
    ...(dryRun === undefined ? {} : { dryRun }),
  });
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body;
}

const FILE = [
  'Mã SP,Tên sản phẩm,Danh mục,Giá bán (VNĐ),Giá vốn,Giá CTV,Trạng thái,URL',
  'SRM-VITC,Serum Vitamin C,Mỹ phẩm > Chăm sóc da,350.000,140.000,280.000,Đang bán,https://shop.example.vn/serum',
  'KCN-50,Kem chống nắng,Mỹ phẩm > Chăm sóc da,"289,000",105000,,,',
  'DG-BK,Dầu gội bồ kết,Chăm sóc tóc,145000 ₫,,,Nháp,',
].join('\n');

describe('product import', () => {
  it('creates products and category paths, then a second run of the same file changes nothing', async () => {
    const { call } = await setup();
    const first = await importFile(call, 'san-pham.csv', FILE);
    expect(first.totals).toEqual({ rows: 3, created: 3, updated: 0, unchanged: 0, errors: 0 });
    expect(first.columns).toMatchObject({ sku: 'Mã SP', price: 'Giá bán (VNĐ)', ctvPrice: 'Giá CTV' });
    const products = await (await call('GET', '/api/v1/products?sort=price&order=desc')).json();
    expect(
      products.items.map((item: Record<string, unknown>) => [
        item.sku,
        item.priceMinor,
        item.costMinor,
        item.ctvPriceMinor,
        item.status,
        item.categoryPath,
      ]),
    ).toEqual([
      ['SRM-VITC', '350000', '140000', '280000', 'active', 'Mỹ phẩm › Chăm sóc da'],
      ['KCN-50', '289000', '105000', null, 'active', 'Mỹ phẩm › Chăm sóc da'],
      ['DG-BK', '145000', null, null, 'draft', 'Chăm sóc tóc'],
    ]);
    const categories = (await (await call('GET', '/api/v1/product-categories')).json()).items;
    expect(categories.map((item: { path: string }) => item.path)).toEqual([
      'Chăm sóc tóc',
      'Mỹ phẩm',
      'Mỹ phẩm › Chăm sóc da',
    ]);

    const second = await importFile(call, 'san-pham.csv', FILE);
    expect(second.totals).toEqual({ rows: 3, created: 0, updated: 0, unchanged: 3, errors: 0 });
    expect(second.rows.map((row: { outcome: string }) => row.outcome)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    expect((await (await call('GET', '/api/v1/product-categories')).json()).items).toHaveLength(3);
    expect((await (await call('GET', '/api/v1/products')).json()).items).toHaveLength(3);
  });

  it('updates a changed price (SKU case ignored) and reports what a dry run would do', async () => {
    const { call } = await setup();
    await importFile(call, 'a.csv', FILE);
    const changed = FILE.replace(
      'SRM-VITC,Serum Vitamin C,Mỹ phẩm > Chăm sóc da,350.000',
      'srm-vitc,Serum Vitamin C,mỹ phẩm > CHĂM SÓC DA,360.000',
    );
    const preview = await importFile(call, 'a.csv', changed, true);
    expect(preview).toMatchObject({ dryRun: true, totals: { updated: 1, unchanged: 2 } });
    const listed = async () => (await (await call('GET', '/api/v1/products?q=SRM')).json()).items[0];
    expect((await listed()).priceMinor).toBe('350000');

    const result = await importFile(call, 'a.csv', changed);
    expect(result.totals).toEqual({ rows: 3, created: 0, updated: 1, unchanged: 2, errors: 0 });
    expect(result.rows[0]).toMatchObject({ rowNumber: 2, outcome: 'updated', sku: 'SRM-VITC' });
    expect(await listed()).toMatchObject({
      sku: 'SRM-VITC',
      priceMinor: '360000',
      categoryPath: 'Mỹ phẩm › Chăm sóc da',
    });
  });

  it('reports invalid rows with the field and the exact reason, and imports the rest', async () => {
    const { call } = await setup();
    const file = [
      'SKU;Name;Price;CTV price;Image;Status',
      'OK-1;Son kem;185.000;148.000;https://cdn.example.vn/son.jpg;active',
      ';Không mã;100000;;;',
      'NEW-2;;100000;;;',
      'BAD-3;Sai giá;150.5;;;',
      'BAD-4;CTV cao;100000;120000;;',
      'BAD-5;Ảnh sai;100000;;ftp://x.vn/a.jpg;',
      'BAD-6;Trạng thái lạ;100000;;;sắp về',
      'ok-1;Trùng;1000;;;',
    ].join('\n');
    const result = await importFile(call, 'loi.csv', file);
    expect(result.totals).toEqual({ rows: 8, created: 1, updated: 0, unchanged: 0, errors: 7 });
    expect(
      result.rows.slice(1).map((row: { rowNumber: number; errors: unknown }) => [row.rowNumber, row.errors]),
    ).toEqual([
      [3, [{ field: 'sku', message: 'SKU is required' }]],
      [4, [{ field: 'name', message: 'Name is required for a new product' }]],
      [5, [{ field: 'price', message: 'VND amounts have no decimals: "150.5"' }]],
      [6, [{ field: 'ctvPrice', message: 'The CTV price cannot be higher than the price' }]],
      [7, [{ field: 'imageUrl', message: 'An http:// or https:// address' }]],
      [8, [{ field: 'status', message: 'Unknown status "sắp về" (active, draft or archived)' }]],
      [9, [{ field: 'sku', message: 'SKU ok-1 already appears in row 2' }]],
    ]);
    const products = (await (await call('GET', '/api/v1/products')).json()).items;
    expect(products).toMatchObject([{ sku: 'OK-1', priceMinor: '185000', ctvPriceMinor: '148000' }]);
  });

  it('parses baht and dollar prices into exact cents', async () => {
    for (const currency of ['THB', 'USD']) {
      const { call } = await setup(currency);
      const result = await importFile(
        call,
        'p.csv',
        'SKU,Name,Price,Cost\nA-1,Alpha,"1,234.50",99.5\nA-2,Beta,"1.234,50",0.07\n',
      );
      expect(result.totals.created).toBe(2);
      const items = (await (await call('GET', '/api/v1/products?sort=name&order=asc')).json()).items;
      expect(
        items.map((item: Record<string, string>) => [item.currency, item.priceMinor, item.costMinor]),
      ).toEqual([
        [currency, '123450', '9950'],
        [currency, '123450', '7'],
      ]);
    }
  });

  it('reads XLSX files, and serves the templates that import cleanly', async () => {
    const { call } = await setup();
    const bytes = await writeXlsxFile([
      ['SKU', 'Tên', 'Giá'],
      ['X-1', 'Trà gừng', 45000],
      ['X-2', 'Nước yến', '240.000'],
    ]).toBuffer();
    const result = await importFile(call, 'a.xlsx', bytes);
    expect(result.totals).toMatchObject({ created: 2, errors: 0 });
    const xlsx = await call('GET', '/api/v1/product-imports/template.xlsx');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const template = Buffer.from(await xlsx.arrayBuffer());
    expect((await importFile(call, 'mau.xlsx', template)).totals).toMatchObject({ created: 2, errors: 0 });
    const csv = Buffer.from(await (await call('GET', '/api/v1/product-imports/template.csv')).arrayBuffer());
    // a byte-order mark first, so Excel opens the Vietnamese titles as UTF-8
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8').split('\r\n')[0]).toBe(
      '\uFEFFMã SP,Tên sản phẩm,Danh mục,Giá bán,Giá vốn,Giá CTV,Ảnh,URL,Trạng thái,Mô tả',
    );
    expect((await importFile(call, 'mau.csv', csv)).totals).toMatchObject({ unchanged: 2, errors: 0 });
  });

  it('refuses a file without a SKU column', async () => {
    const { call } = await setup();
    const response = await call('POST', '/api/v1/product-imports', {
      fileName: 'x.csv',
      contentBase64: Buffer.from('Tên,Giá\nA,1\n').toString('base64'),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe(
      'The file has no SKU column: title one column "SKU" or "Mã SP"',
    );
  });
});
