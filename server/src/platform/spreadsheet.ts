import { readSheet } from 'read-excel-file/node';
import { AppError } from './errors';

export type Spreadsheet = { columns: string[]; rows: { rowNumber: number; data: Record<string, string> }[] };

export const MAX_IMPORT_ROWS = 200_000;

function invalid(message: string): AppError {
  return new AppError('validation_failed', message, { details: [{ path: 'body.file', message }] });
}

function detectDelimiter(firstLine: string): string {
  const counts = [',', ';', '\t'].map((delimiter) => ({
    delimiter,
    count: firstLine.split(delimiter).length,
  }));
  return counts.sort((a, b) => b.count - a.count)[0]!.delimiter;
}

/** RFC 4180 CSV: quoted fields with "" escapes and line breaks; comma, semicolon or tab separated. */
export function parseCsv(text: string): string[][] {
  const source = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(source.slice(0, source.search(/\r?\n|$/)));
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === delimiter) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** Unique, non-empty column titles: blanks become "Column 3", repeats "SĐT (2)". */
function columnTitles(header: unknown[]): string[] {
  const seen = new Map<string, number>();
  return header.map((cell, index) => {
    const base = cellText(cell) || `Column ${index + 1}`;
    const times = (seen.get(base) ?? 0) + 1;
    seen.set(base, times);
    return times === 1 ? base : `${base} (${times})`;
  });
}

/**
 * Reads a CSV or XLSX file (first sheet) into titled rows (every column present in every row). Row numbers are the spreadsheet's own
 * (the header is row 1), so the row report points at the line people see; blank lines are skipped.
 */
export async function parseSpreadsheet(fileName: string, bytes: Buffer): Promise<Spreadsheet> {
  const isXlsx = /\.xlsx$/i.test(fileName) || (bytes[0] === 0x50 && bytes[1] === 0x4b);
  let table: unknown[][];
  if (isXlsx) {
    try {
      table = (await readSheet(bytes)) as unknown[][];
    } catch {
      throw invalid('The file is not a readable XLSX workbook');
    }
  } else {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    if (text.includes('\u0000')) throw invalid('The file is neither CSV nor XLSX');
    table = parseCsv(text);
  }
  const [header, ...body] = table;
  if (!header || header.every((cell) => cellText(cell) === '')) throw invalid('The file has no header row');
  const columns = columnTitles(header);
  const rows: Spreadsheet['rows'] = [];
  body.forEach((cells, index) => {
    if (cells.every((cell) => cellText(cell) === '')) return;
    const data: Record<string, string> = {};
    columns.forEach((column, position) => {
      data[column] = cellText(cells[position]);
    });
    rows.push({ rowNumber: index + 2, data });
  });
  if (rows.length === 0) throw invalid('The file has no data rows');
  if (rows.length > MAX_IMPORT_ROWS) throw invalid(`At most ${MAX_IMPORT_ROWS} rows per file`);
  return { columns, rows };
}
