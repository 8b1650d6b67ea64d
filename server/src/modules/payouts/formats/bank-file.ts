import writeXlsxFile, { type Cell } from 'write-excel-file/node';
import { z } from 'zod';
import { AppError } from '../../../platform/errors';
import { minorUnits, SUPPORTED_CURRENCIES, toMajorString } from '../../../platform/money';
import { findBankByBin } from '../../partners';
import { stripDiacritics, toBankMemo } from './ascii-text';

/** What a column of a bank batch file can show about one payout. */
export const BANK_FILE_FIELDS = [
  'index',
  'payoutReference',
  'partnerName',
  'accountName',
  'accountNumber',
  'bankBin',
  'bankShortName',
  'bankName',
  'grossAmount',
  'taxAmount',
  'netAmount',
  'memo',
  'currency',
  'email',
  'phone',
] as const;
export type BankFileField = (typeof BANK_FILE_FIELDS)[number];

/**
 * How a text column is written: `ascii` strips diacritics ("Nguyễn" → "Nguyen"), `ascii_upper`
 * also upper-cases (what many banks ask of beneficiary names), `upper` keeps the diacritics.
 */
export const BANK_FILE_TEXT_FORMATS = ['ascii', 'ascii_upper', 'upper'] as const;
export type BankFileTextFormat = (typeof BANK_FILE_TEXT_FORMATS)[number];

const NON_TEXT_FIELDS: readonly BankFileField[] = ['index', 'grossAmount', 'taxAmount', 'netAmount'];

const columnSchema = z.object({
  header: z.string().trim().min(1, 'A column needs a header').max(100),
  field: z.enum(BANK_FILE_FIELDS, { error: `The field is one of ${BANK_FILE_FIELDS.join(', ')}` }),
  format: z
    .enum(BANK_FILE_TEXT_FORMATS, { error: `The format is one of ${BANK_FILE_TEXT_FORMATS.join(', ')}` })
    .optional(),
});

/** A bank's bulk-transfer layout as an organisation stores it: ordered columns. */
export const bankFileTemplateSchema = z
  .object({
    name: z.string().trim().min(1, 'A template needs a name').max(100),
    sheetName: z
      .string()
      .trim()
      .min(1)
      .max(31, 'A sheet name has at most 31 characters')
      .regex(/^[^\\/?*[\]:]+$/, 'A sheet name cannot contain \\ / ? * [ ] :')
      .default('Sheet1'),
    columns: z.array(columnSchema).min(1, 'A template needs at least one column').max(40),
  })
  .superRefine((template, context) => {
    const seen = new Set<string>();
    template.columns.forEach((column, index) => {
      if (column.format && NON_TEXT_FIELDS.includes(column.field)) {
        context.addIssue({
          code: 'custom',
          path: ['columns', index, 'format'],
          message: `${column.field} is a number and takes no text format`,
        });
      }
      const key = column.header.toLocaleLowerCase('vi');
      if (seen.has(key)) {
        context.addIssue({
          code: 'custom',
          path: ['columns', index, 'header'],
          message: 'Headers must differ',
        });
      }
      seen.add(key);
    });
  });

export type BankFileTemplate = z.output<typeof bankFileTemplateSchema>;
export type BankFileTemplateInput = z.input<typeof bankFileTemplateSchema>;

/** Checks a stored or submitted template, with one detail per problem. */
export function parseBankFileTemplate(input: unknown): BankFileTemplate {
  const parsed = bankFileTemplateSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError('validation_failed', 'The bank file template is not valid', {
    details: parsed.error.issues.map((issue) => ({
      path: ['template', ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  });
}

/**
 * The layout most Vietnamese internet banking bulk-transfer uploads accept. Beneficiary names go
 * without diacritics, in capitals, as interbank (NAPAS) transfers carry them.
 */
export const VN_STANDARD_TEMPLATE: BankFileTemplate = {
  name: 'Chuyển khoản lô (chuẩn Việt Nam)',
  sheetName: 'Sheet1',
  columns: [
    { header: 'STT', field: 'index' },
    { header: 'Số tài khoản', field: 'accountNumber' },
    { header: 'Tên người thụ hưởng', field: 'accountName', format: 'ascii_upper' },
    { header: 'Mã ngân hàng (BIN)', field: 'bankBin' },
    { header: 'Ngân hàng', field: 'bankShortName' },
    { header: 'Số tiền', field: 'netAmount' },
    { header: 'Nội dung', field: 'memo' },
  ],
};

/** One payout in a bank batch file. Amounts are minor units of `currency`. */
export type BankFileRow = {
  payoutReference: string;
  partnerName: string;
  accountName: string;
  accountNumber: string;
  bankBin: string;
  /** Looked up from the BIN when left out. */
  bankShortName?: string | null;
  bankName?: string | null;
  grossMinor: bigint;
  taxMinor: bigint;
  netMinor: bigint;
  memo: string;
  currency: string;
  email?: string | null;
  phone?: string | null;
};

type CellValue = { kind: 'text'; text: string } | { kind: 'number'; value: bigint; currency: string | null };

function applyFormat(text: string, format: BankFileTextFormat | undefined): string {
  switch (format) {
    case 'ascii':
      return stripDiacritics(text);
    case 'ascii_upper':
      return stripDiacritics(text).toUpperCase();
    case 'upper':
      return text.toLocaleUpperCase('vi');
    default:
      return text;
  }
}

function fieldText(row: BankFileRow, field: BankFileField): string {
  const bank = findBankByBin(row.bankBin);
  switch (field) {
    case 'payoutReference':
      return row.payoutReference;
    case 'partnerName':
      return row.partnerName;
    case 'accountName':
      return row.accountName;
    case 'accountNumber':
      return row.accountNumber;
    case 'bankBin':
      return row.bankBin;
    case 'bankShortName':
      return row.bankShortName ?? bank?.shortName ?? '';
    case 'bankName':
      return row.bankName ?? bank?.name ?? '';
    case 'memo':
      return toBankMemo(row.memo);
    case 'currency':
      return row.currency;
    case 'email':
      return row.email ?? '';
    case 'phone':
      return row.phone ?? '';
    default:
      throw new RangeError(`${field} is not a text field`);
  }
}

function cellValue(row: BankFileRow, index: number, column: BankFileTemplate['columns'][number]): CellValue {
  switch (column.field) {
    case 'index':
      return { kind: 'number', value: BigInt(index + 1), currency: null };
    case 'grossAmount':
      return { kind: 'number', value: row.grossMinor, currency: row.currency };
    case 'taxAmount':
      return { kind: 'number', value: row.taxMinor, currency: row.currency };
    case 'netAmount':
      return { kind: 'number', value: row.netMinor, currency: row.currency };
    default:
      return { kind: 'text', text: applyFormat(fieldText(row, column.field), column.format) };
  }
}

function assertRows(rows: readonly BankFileRow[]): void {
  const details = rows.flatMap((row, index) =>
    SUPPORTED_CURRENCIES.includes(row.currency)
      ? []
      : [{ path: `rows.${index}.currency`, message: `Unsupported currency ${row.currency}` }],
  );
  if (details.length > 0) throw new AppError('validation_failed', details[0]!.message, { details });
}

/** An amount as a bank file writes it: whole đồng for VND, major units with decimals otherwise. */
function numberText(value: CellValue & { kind: 'number' }): string {
  return value.currency
    ? toMajorString({ amount: value.value, currency: value.currency })
    : value.value.toString();
}

/**
 * One CSV field (RFC 4180). Text a spreadsheet would run as a formula ("=…", "@…", "+A1") gets a
 * leading apostrophe.
 */
function csvField(text: string): string {
  const safe = /^[=@\t\r]/.test(text) || /^[+-](?![\d\s]*$)/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The batch as CSV: UTF-8 with a BOM (so Excel shows Vietnamese), CRLF line ends, no thousands separators. */
export function bankFileCsv(template: BankFileTemplate, rows: readonly BankFileRow[]): Buffer {
  assertRows(rows);
  const lines = [template.columns.map((column) => csvField(column.header))];
  rows.forEach((row, index) => {
    lines.push(
      template.columns.map((column) => {
        const value = cellValue(row, index, column);
        return csvField(value.kind === 'text' ? value.text : numberText(value));
      }),
    );
  });
  return Buffer.from(`\uFEFF${lines.map((cells) => `${cells.join(',')}\r\n`).join('')}`, 'utf8');
}

function xlsxCell(value: CellValue): Cell {
  if (value.kind === 'text') return { value: value.text, type: String };
  const digits = value.currency ? minorUnits(value.currency) : 0;
  const number = Number(numberText(value));
  if (!Number.isSafeInteger(Number(value.value)))
    throw new RangeError('Amount too large for a spreadsheet number');
  return { value: number, type: Number, format: digits === 0 ? '0' : `0.${'0'.repeat(digits)}` };
}

/** The batch as an XLSX workbook of one sheet; amounts are numbers, account numbers text. */
export async function bankFileXlsx(
  template: BankFileTemplate,
  rows: readonly BankFileRow[],
): Promise<Buffer> {
  assertRows(rows);
  const header: Cell[] = template.columns.map((column) => ({ value: column.header, fontWeight: 'bold' }));
  const body = rows.map((row, index) =>
    template.columns.map((column) => xlsxCell(cellValue(row, index, column))),
  );
  return writeXlsxFile([header, ...body], { sheet: template.sheetName, stickyRowsCount: 1 }).toBuffer();
}
