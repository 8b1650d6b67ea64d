import { describe, expect, it } from 'vitest';
import { apiCall, createTestApiKey, createTestOrg } from '../../../../../test/factories';
import { createTestEnv } from '../../../../../test/harness';
import { itemsOf, ordersOf } from '../hooks/test-helpers';

const env = await createTestEnv();
const org = await createTestOrg(env);
const call = apiCall(env, (await createTestApiKey(env, org.org.id)).secret);

const CSV = [
  'Mã đơn,Ngày,Tên khách,SĐT,SKU,Số lượng,Đơn giá,Giảm giá,Phí ship,Mã CTV,Trạng thái,Thanh toán',
  'DH-1,31/10/2026,Nguyễn Thị Lan,0912345678,SERUM-30,2,"150.000",0,"30.000",,Hoàn thành,Đã thanh toán',
  'DH-1,31/10/2026,Nguyễn Thị Lan,0912345678,KEM-50,1,"250.000","20.000",,,Hoàn thành,Đã thanh toán',
  'DH-2,01/11/2026,Trần Văn Bình,0987654321,SERUM-30,1,"150.000",,,,,COD',
  'DH-3,01/11/2026,Lê Thị Cúc,0911111111,SERUM-30,abc,"150.000",,,,,',
  'DH-3,01/11/2026,Lê Thị Cúc,0911111111,KEM-50,1,"250.000",,,,,',
  ',01/11/2026,Không mã,0922222222,KEM-50,1,"250.000",,,,,',
].join('\n');

const upload = (text: string, fileName = 'don-hang.csv') =>
  call('POST', '/api/v1/order-imports', { fileName, contentBase64: Buffer.from(text).toString('base64') });

describe('order import', () => {
  it('groups rows into orders, reads amounts as people write them, and reports every row', async () => {
    const response = await upload(CSV);
    expect(response.status).toBe(201);
    const report = await response.json();
    expect(report).toMatchObject({
      status: 'done',
      totalRows: 6,
      created: 3,
      unchanged: 0,
      errors: 3,
      moreRows: false,
    });
    expect(
      report.rows.map((row: { rowNumber: number; outcome: string }) => [row.rowNumber, row.outcome]),
    ).toEqual([
      [2, 'created'],
      [3, 'created'],
      [4, 'created'],
      [5, 'error'],
      [6, 'error'],
      [7, 'error'],
    ]);
    expect(report.rows[3].errors).toEqual([
      { field: 'quantity', message: '“abc” is not a whole number of at least 1' },
    ]);
    expect(report.rows[4].errors).toEqual([
      { field: 'orderId', message: 'Not imported: row 5 of this order has errors' },
    ]);
    expect(report.rows[5].errors).toEqual([{ field: 'orderId', message: 'The order id is empty' }]);

    const [first] = await ordersOf(env, org.org.id, 'DH-1');
    expect(first).toMatchObject({
      source: 'import',
      currency: 'VND',
      subtotalMinor: 530000n,
      shippingMinor: 30000n,
      totalMinor: 560000n,
      status: 'completed',
      paymentStatus: 'paid',
      customerName: 'Nguyễn Thị Lan',
    });
    expect(first!.placedAt.toISOString()).toBe('2026-10-30T17:00:00.000Z');
    const items = await itemsOf(env, org.org.id, first!.id);
    expect(items.map((item) => [item.sku, item.quantity, item.unitPriceMinor, item.discountMinor])).toEqual([
      ['SERUM-30', 2, 150000n, 0n],
      ['KEM-50', 1, 250000n, 20000n],
    ]);
    const [cod] = await ordersOf(env, org.org.id, 'DH-2');
    expect(cod).toMatchObject({ paymentStatus: 'cod_pending', totalMinor: 150000n });
    expect(await ordersOf(env, org.org.id, 'DH-3')).toHaveLength(0);
    expect(report.rows[0].orderId).toBe(first!.id);
  });

  it('is idempotent: the same file again leaves every order unchanged', async () => {
    const report = await (await upload(CSV)).json();
    expect(report).toMatchObject({ totalRows: 6, created: 0, unchanged: 3, errors: 3 });
    expect(await ordersOf(env, org.org.id)).toHaveLength(2);
    const list = await (await call('GET', '/api/v1/order-imports')).json();
    expect(list.items).toHaveLength(2);
    const one = await (await call('GET', `/api/v1/order-imports/${report.id}`)).json();
    expect(one).toMatchObject({ id: report.id, unchanged: 3, fileName: 'don-hang.csv' });
    const errors = await (
      await call('GET', `/api/v1/order-imports/${report.id}/rows?outcome=error&limit=2`)
    ).json();
    expect(errors.items.map((row: { rowNumber: number }) => row.rowNumber)).toEqual([5, 6]);
    const next = await (
      await call(
        'GET',
        `/api/v1/order-imports/${report.id}/rows?outcome=error&limit=2&cursor=${errors.nextCursor}`,
      )
    ).json();
    expect(next.items.map((row: { rowNumber: number }) => row.rowNumber)).toEqual([7]);
  });

  it('refuses a file without the needed columns, and serves a template it can read back', async () => {
    const bad = await upload('Tên,Giá\nA,1\n');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain('orderId');
    const template = await call('GET', '/api/v1/order-imports/template.csv');
    expect(template.headers.get('content-type')).toContain('text/csv');
    const text = await template.text();
    const report = await (
      await upload(text.replace('DH-1001', 'MAU-1').replace('DH-1001', 'MAU-1'), 'mau.csv')
    ).json();
    expect(report).toMatchObject({ totalRows: 2, created: 2, errors: 0 });
    const [order] = await ordersOf(env, org.org.id, 'MAU-1');
    // 2 × 150.000 + 250.000 − 20.000, shipping 30.000
    expect(order).toMatchObject({ subtotalMinor: 530000n, totalMinor: 560000n });
  });
});
