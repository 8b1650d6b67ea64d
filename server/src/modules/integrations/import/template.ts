import { TEMPLATE_ROWS } from './columns';

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The import template as CSV, with a byte-order mark so Excel reads the Vietnamese titles right. */
export function orderImportTemplateCsv(): string {
  return `\uFEFF${TEMPLATE_ROWS.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
