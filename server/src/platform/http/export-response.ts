import type { Context } from 'hono';
import { XLSX_TYPE } from '../table-export';
import type { AppEnv } from './env';

/**
 * A spreadsheet export as a file to save, named after its contents and today's date
 * ("commissions-2026-11-30.csv"): a CSV stream or an XLSX workbook.
 */
export function exportResponse(
  c: Context<AppEnv>,
  name: string,
  format: 'csv' | 'xlsx',
  file: ReadableStream<Uint8Array> | Buffer,
) {
  const stamp = c.get('services').clock.now().toISOString().slice(0, 10);
  return c.body(file instanceof ReadableStream ? file : new Uint8Array(file), 200, {
    'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE,
    'content-disposition': `attachment; filename="${name}-${stamp}.${format}"`,
  });
}
