import writeXlsxFile from 'write-excel-file/node';
import { csvLine } from './csv';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An XLSX file is built in memory: beyond this many rows, export CSV. */
export const XLSX_MAX_ROWS = 100_000;

/** A column of an export: its title and how a row fills it. */
export type ExportColumn<Row> = [title: string, value: (row: Row) => string | number | null];

/**
 * Rows as CSV (UTF-8 with BOM so Excel shows Vietnamese and Thai), streamed batch by batch as the
 * reader pulls: a large export never sits whole in memory.
 */
export function csvStream<Row>(
  columns: ExportColumn<Row>[],
  batches: AsyncGenerator<Row[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(columns.map(([title]) => title))}`));
        return;
      }
      const next = await batches.next();
      if (next.done) return controller.close();
      controller.enqueue(
        encoder.encode(next.value.map((row) => csvLine(columns.map(([, value]) => value(row)))).join('')),
      );
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

/** Rows as an XLSX workbook of one sheet with a bold, frozen header; at most XLSX_MAX_ROWS rows. */
export async function xlsxFile<Row>(
  columns: ExportColumn<Row>[],
  batches: AsyncGenerator<Row[]>,
  sheet: string,
): Promise<Buffer> {
  const data: (string | number | null)[][] = [];
  for await (const batch of batches) {
    for (const row of batch.slice(0, XLSX_MAX_ROWS - data.length))
      data.push(columns.map(([, value]) => value(row)));
    // leaving the loop ends the generator: no further page is read
    if (data.length >= XLSX_MAX_ROWS) break;
  }
  const header = columns.map(([title]) => ({ value: title, fontWeight: 'bold' as const }));
  return writeXlsxFile([header, ...data], { sheet, stickyRowsCount: 1 }).toBuffer();
}
