/** Fields of an order import, each with the column titles people use for it (any case, with or without accents). */
export const ORDER_IMPORT_COLUMNS = {
  orderId: ['mã đơn', 'mã đơn hàng', 'số đơn', 'order id', 'order', 'order number', 'order_id', 'เลขที่คำสั่งซื้อ'],
  date: ['ngày', 'ngày đặt', 'ngày đặt hàng', 'date', 'order date', 'วันที่'],
  customerName: ['tên khách', 'tên khách hàng', 'khách hàng', 'customer', 'customer name', 'ชื่อลูกค้า'],
  customerPhone: ['sđt', 'số điện thoại', 'điện thoại', 'sđt khách', 'phone', 'customer phone', 'เบอร์โทร'],
  customerEmail: ['email', 'email khách', 'customer email', 'อีเมล'],
  sku: ['sku', 'mã sp', 'mã sản phẩm', 'mã hàng', 'product sku', 'รหัสสินค้า'],
  productName: ['tên sản phẩm', 'sản phẩm', 'tên hàng', 'product', 'product name', 'ชื่อสินค้า'],
  quantity: ['số lượng', 'sl', 'quantity', 'qty', 'จำนวน'],
  unitPrice: ['đơn giá', 'giá', 'giá bán', 'unit price', 'price', 'ราคาต่อหน่วย', 'ราคา'],
  discount: ['giảm giá', 'chiết khấu', 'discount', 'ส่วนลด'],
  shipping: ['phí ship', 'phí vận chuyển', 'phí giao hàng', 'shipping', 'ค่าจัดส่ง'],
  partnerCode: ['mã ctv', 'mã giới thiệu', 'ctv', 'partner code', 'ref', 'referral code', 'รหัสพาร์ทเนอร์'],
  coupon: ['mã giảm giá', 'coupon', 'voucher', 'coupon code', 'คูปอง'],
  status: ['trạng thái', 'status', 'สถานะ'],
  payment: ['thanh toán', 'trạng thái thanh toán', 'payment', 'payment status', 'การชำระเงิน'],
  currency: ['tiền tệ', 'currency', 'สกุลเงิน'],
} as const;

export type OrderImportField = keyof typeof ORDER_IMPORT_COLUMNS;

/** Lower case, no Vietnamese accents, single spaces: "Mã  ĐƠN" and "ma don" compare equal. */
export function normaliseTitle(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();
}

/** Which column of the file holds each field (by its title); fields without a column are absent. */
export function detectColumns(columns: string[]): Partial<Record<OrderImportField, string>> {
  const found: Partial<Record<OrderImportField, string>> = {};
  const byTitle = new Map(columns.map((column) => [normaliseTitle(column), column]));
  for (const [field, titles] of Object.entries(ORDER_IMPORT_COLUMNS) as [
    OrderImportField,
    readonly string[],
  ][]) {
    for (const title of titles) {
      const column = byTitle.get(normaliseTitle(title));
      if (column && !Object.values(found).includes(column)) {
        found[field] = column;
        break;
      }
    }
  }
  return found;
}

/** The template's columns, in order, with two example rows (one order of two items). */
export const TEMPLATE_ROWS = [
  [
    'Mã đơn',
    'Ngày',
    'Tên khách',
    'SĐT',
    'Email',
    'SKU',
    'Tên sản phẩm',
    'Số lượng',
    'Đơn giá',
    'Giảm giá',
    'Phí ship',
    'Mã CTV',
    'Mã giảm giá',
    'Trạng thái',
    'Thanh toán',
  ],
  [
    'DH-1001',
    '31/10/2026',
    'Nguyễn Thị Lan',
    '0912345678',
    'lan@example.vn',
    'SERUM-30',
    'Serum dưỡng da 30ml',
    '2',
    '150.000',
    '0',
    '30.000',
    'HOA10',
    '',
    'Hoàn thành',
    'Đã thanh toán',
  ],
  [
    'DH-1001',
    '31/10/2026',
    'Nguyễn Thị Lan',
    '0912345678',
    'lan@example.vn',
    'KEM-50',
    'Kem chống nắng 50ml',
    '1',
    '250.000',
    '20.000',
    '',
    'HOA10',
    '',
    'Hoàn thành',
    'Đã thanh toán',
  ],
];
