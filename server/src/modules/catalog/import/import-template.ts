import writeXlsxFile from 'write-excel-file/node';
import { TEMPLATE_COLUMNS } from './columns';

const EXAMPLES: string[][] = [
  [
    'SRM-VITC-30',
    'Serum Vitamin C 30ml',
    'Mỹ phẩm > Chăm sóc da',
    '350.000',
    '180.000',
    '280.000',
    'https://shop.example.vn/anh/serum-vitamin-c.jpg',
    'https://shop.example.vn/serum-vitamin-c',
    'Đang bán',
    'Làm sáng da, mờ thâm sau 4 tuần',
  ],
  ['TPCN-COL-01', 'Collagen thủy phân 10.000mg', 'Thực phẩm chức năng', '590000', '', '', '', '', '', ''],
];

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The import template as CSV (UTF-8 with a BOM, so Excel shows Vietnamese correctly). */
export function productImportTemplateCsv(): string {
  const lines = [TEMPLATE_COLUMNS.map(([, title]) => title), ...EXAMPLES];
  return `\uFEFF${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** The import template as an XLSX workbook with a header row and two example rows. */
export async function productImportTemplateXlsx(): Promise<Buffer> {
  const header = TEMPLATE_COLUMNS.map(([, title]) => ({ value: title, fontWeight: 'bold' as const }));
  const rows = EXAMPLES.map((line) => line.map((value) => (value === '' ? null : value)));
  return writeXlsxFile([header, ...rows], { sheet: 'Sản phẩm', stickyRowsCount: 1 }).toBuffer();
}
