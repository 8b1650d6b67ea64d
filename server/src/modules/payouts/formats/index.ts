export { stripDiacritics, toBankMemo } from './ascii-text';
export {
  BANK_FILE_FIELDS,
  BANK_FILE_TEXT_FORMATS,
  type BankFileField,
  type BankFileRow,
  type BankFileTemplate,
  type BankFileTemplateInput,
  type BankFileTextFormat,
  bankFileCsv,
  bankFileTemplateSchema,
  bankFileXlsx,
  parseBankFileTemplate,
  VN_STANDARD_TEMPLATE,
} from './bank-file';
export { STATEMENT_LABELS, type StatementEntryKind, type StatementLocale } from './statement-labels';
export { formatStatementDate, formatStatementMoney } from './statement-money';
export { type PartnerStatement, renderStatementPdf } from './statement-pdf';
export {
  buildVietQr,
  crc16CcittFalse,
  type ParsedVietQr,
  parseVietQr,
  VIETQR_MEMO_MAX,
  type VietQrInput,
  vietQrMemo,
  vietQrPng,
  vietQrSvg,
} from './vietqr';
