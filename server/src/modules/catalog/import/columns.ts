import { foldText } from '../products/search';
import { PRODUCT_STATUSES, type ProductStatus } from '../schema';

export const PRODUCT_IMPORT_FIELDS = [
  'sku',
  'name',
  'description',
  'category',
  'price',
  'cost',
  'ctvPrice',
  'imageUrl',
  'url',
  'status',
] as const;
export type ProductImportField = (typeof PRODUCT_IMPORT_FIELDS)[number];

/** Column titles people write, compared folded (no marks, lower case, without "(VNĐ)"-style notes). */
const SYNONYMS: Record<ProductImportField, string[]> = {
  sku: ['sku', 'ma sp', 'ma san pham', 'ma hang', 'product code', 'code', 'รหัสสินค้า', 'รหัส'],
  name: ['ten', 'ten sp', 'ten san pham', 'ten hang', 'name', 'product name', 'product', 'ชื่อสินค้า', 'ชื่อ'],
  description: ['mo ta', 'description', 'รายละเอียด'],
  category: ['danh muc', 'category', 'nhom hang', 'loai', 'loai hang', 'หมวดหมู่'],
  price: ['gia', 'gia ban', 'gia le', 'price', 'ราคา', 'ราคาขาย'],
  cost: ['gia von', 'von', 'cost', 'cost price', 'ต้นทุน'],
  ctvPrice: ['gia ctv', 'ctv price', 'gia si', 'ราคา ctv', 'ราคาตัวแทน'],
  imageUrl: ['anh', 'hinh', 'hinh anh', 'anh sp', 'image', 'image url', 'รูปภาพ', 'รูป'],
  url: ['url', 'link', 'link san pham', 'duong dan', 'lien ket', 'product url', 'ลิงก์'],
  status: ['trang thai', 'status', 'สถานะ'],
};

export function foldTitle(title: string): string {
  return foldText(title)
    .replace(/\(.*?\)/g, ' ')
    .replace(/[_.:*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Which column of the file holds each field; the first matching column wins. */
export function matchColumns(columns: string[]): Partial<Record<ProductImportField, string>> {
  const mapping: Partial<Record<ProductImportField, string>> = {};
  const used = new Set<string>();
  for (const field of PRODUCT_IMPORT_FIELDS) {
    const column = columns.find((title) => !used.has(title) && SYNONYMS[field].includes(foldTitle(title)));
    if (column) {
      mapping[field] = column;
      used.add(column);
    }
  }
  return mapping;
}

const STATUS_WORDS: Record<ProductStatus, string[]> = {
  active: ['active', 'dang ban', 'ban', 'con hang', 'hien', 'hoat dong', 'ขาย', 'เปิดขาย'],
  draft: ['draft', 'nhap', 'ban nhap', 'an', 'chua ban', 'ฉบับร่าง', 'ร่าง'],
  archived: ['archived', 'ngung ban', 'ngung', 'luu tru', 'เก็บถาวร', 'หยุดขาย'],
};

export function parseStatus(text: string): ProductStatus | undefined {
  const folded = foldTitle(text);
  return PRODUCT_STATUSES.find((status) => STATUS_WORDS[status].includes(folded));
}

/** The template's columns, in Vietnamese (the headers are recognised in English and Thai too). */
export const TEMPLATE_COLUMNS: [ProductImportField, string][] = [
  ['sku', 'Mã SP'],
  ['name', 'Tên sản phẩm'],
  ['category', 'Danh mục'],
  ['price', 'Giá bán'],
  ['cost', 'Giá vốn'],
  ['ctvPrice', 'Giá CTV'],
  ['imageUrl', 'Ảnh'],
  ['url', 'URL'],
  ['status', 'Trạng thái'],
  ['description', 'Mô tả'],
];
