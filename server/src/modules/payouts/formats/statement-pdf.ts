import PDFDocument from 'pdfkit';
import { AppError, type ErrorDetail } from '../../../platform/errors';
import { SUPPORTED_CURRENCIES } from '../../../platform/money';
import { drawLine, registerFonts, type TextStyle, wrap } from './pdf-text';
import { STATEMENT_LABELS, type StatementEntryKind, type StatementLocale } from './statement-labels';
import { formatStatementDate, formatStatementMoney, formatStatementTime } from './statement-money';

/** A partner's statement for one period, in minor units of `currency`, rendered as given. */
export type PartnerStatement = {
  orgName: string;
  partnerName: string;
  referralCode: string;
  programName: string;
  period: { from: string; to: string };
  currency: string;
  openingMinor: bigint;
  entries: { date: string; kind: StatementEntryKind; description: string; amountMinor: bigint }[];
  totals: {
    earnings: bigint;
    reversals: bigint;
    taxWithheld: bigint;
    payouts: bigint;
    storeCredit: bigint;
    adjustments: bigint;
  };
  closingMinor: bigint;
  generatedAt: Date;
  /** Where "generated at" is told; Vietnam's time when left out. */
  timeZone?: string;
};

type Doc = InstanceType<typeof PDFDocument>;

const PAGE = { width: 595.28, height: 841.89, margin: 40 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const BOTTOM = PAGE.height - 60;
const GREY = '#555555';
const RULE = '#d0d5dd';
const SHADE = '#f1f3f6';
const COLUMNS = { date: 68, type: 92, amount: 112 };
const DESCRIPTION_WIDTH = CONTENT_WIDTH - COLUMNS.date - COLUMNS.type - COLUMNS.amount - 16;
const BODY: TextStyle = { size: 9 };
const LINE_HEIGHT = 12.5;

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function validate(statement: PartnerStatement, locale: string): void {
  const details: ErrorDetail[] = [];
  if (!(locale in STATEMENT_LABELS)) details.push({ path: 'locale', message: 'The locale is vi, en or th' });
  if (!SUPPORTED_CURRENCIES.includes(statement.currency)) {
    details.push({ path: 'currency', message: `Unsupported currency ${statement.currency}` });
  }
  for (const key of ['from', 'to'] as const) {
    if (!ISO_DATE.test(statement.period[key]))
      details.push({ path: `period.${key}`, message: 'A date as YYYY-MM-DD' });
  }
  statement.entries.forEach((entry, index) => {
    if (!ISO_DATE.test(entry.date))
      details.push({ path: `entries.${index}.date`, message: 'A date as YYYY-MM-DD' });
  });
  if (details.length > 0) throw new AppError('validation_failed', details[0]!.message, { details });
}

function rule(doc: Doc, y: number, x = PAGE.margin, width = CONTENT_WIDTH): void {
  doc
    .moveTo(x, y)
    .lineTo(x + width, y)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
}

function header(doc: Doc, statement: PartnerStatement, locale: StatementLocale): number {
  const labels = STATEMENT_LABELS[locale];
  const x = PAGE.margin;
  drawLine(doc, statement.orgName, { x, y: PAGE.margin }, { size: 16, bold: true });
  drawLine(doc, labels.title, { x, y: PAGE.margin + 24 }, { size: 12, bold: true, color: '#1d4ed8' });
  const generated = `${labels.generatedAt}: ${formatStatementTime(statement.generatedAt, locale, statement.timeZone ?? 'Asia/Ho_Chi_Minh')}`;
  drawLine(
    doc,
    generated,
    { x, y: PAGE.margin + 4, width: CONTENT_WIDTH, align: 'right' },
    { size: 8, color: GREY },
  );
  let y = PAGE.margin + 48;
  rule(doc, y);
  y += 10;
  const period = `${formatStatementDate(statement.period.from, locale)} – ${formatStatementDate(statement.period.to, locale)}`;
  const facts: [string, string][] = [
    [labels.partner, statement.partnerName],
    [labels.referralCode, statement.referralCode],
    [labels.program, statement.programName],
    [labels.period, period],
    [labels.currency, statement.currency],
  ];
  for (const [label, value] of facts) {
    drawLine(doc, label, { x, y }, { size: 9.5, color: GREY });
    drawLine(doc, value, { x: x + 120, y }, { size: 9.5, bold: label === labels.partner });
    y += 15;
  }
  return y + 10;
}

function summary(doc: Doc, statement: PartnerStatement, locale: StatementLocale, top: number): number {
  const labels = STATEMENT_LABELS[locale];
  const money = (amount: bigint) => formatStatementMoney(amount, statement.currency);
  const rows: [string, bigint][] = [
    [labels.openingBalance, statement.openingMinor],
    [labels.earnings, statement.totals.earnings],
    [labels.reversals, statement.totals.reversals],
    [labels.taxWithheld, statement.totals.taxWithheld],
    [labels.payouts, statement.totals.payouts],
    [labels.storeCredit, statement.totals.storeCredit],
    [labels.adjustments, statement.totals.adjustments],
    [labels.closingBalance, statement.closingMinor],
  ];
  const x = PAGE.margin;
  const width = 320;
  drawLine(doc, labels.summary, { x, y: top }, { size: 11, bold: true });
  let y = top + 20;
  rows.forEach(([label, amount], index) => {
    const last = index === rows.length - 1;
    if (index === 0 || last) doc.rect(x, y - 4, width, 19).fill(SHADE);
    const style = { size: 9.5, bold: index === 0 || last };
    drawLine(doc, label, { x: x + 8, y }, style);
    drawLine(doc, money(amount), { x, y, width: width - 8, align: 'right' }, style);
    y += 19;
    rule(doc, y - 4, x, width);
  });
  return y + 14;
}

function tableHeader(doc: Doc, locale: StatementLocale, y: number): number {
  const labels = STATEMENT_LABELS[locale];
  const style = { size: 8.5, bold: true };
  doc.rect(PAGE.margin, y - 4, CONTENT_WIDTH, 18).fill(SHADE);
  let x = PAGE.margin + 4;
  drawLine(doc, labels.date, { x, y }, style);
  x += COLUMNS.date;
  drawLine(doc, labels.type, { x, y }, style);
  x += COLUMNS.type;
  drawLine(doc, labels.description, { x, y }, style);
  drawLine(doc, labels.amount, { x: PAGE.margin, y, width: CONTENT_WIDTH - 4, align: 'right' }, style);
  return y + 20;
}

function entries(doc: Doc, statement: PartnerStatement, locale: StatementLocale, top: number): void {
  const labels = STATEMENT_LABELS[locale];
  let y = top;
  drawLine(doc, labels.entries, { x: PAGE.margin, y }, { size: 11, bold: true });
  y = tableHeader(doc, locale, y + 22);
  if (statement.entries.length === 0) {
    drawLine(doc, labels.noEntries, { x: PAGE.margin + 4, y }, { ...BODY, color: GREY });
    return;
  }
  for (const entry of statement.entries) {
    const lines = wrap(doc, entry.description, DESCRIPTION_WIDTH, BODY);
    const height = lines.length * LINE_HEIGHT + 6;
    if (y + height > BOTTOM) {
      doc.addPage();
      y = tableHeader(doc, locale, PAGE.margin);
    }
    let x = PAGE.margin + 4;
    drawLine(doc, formatStatementDate(entry.date, locale), { x, y }, BODY);
    x += COLUMNS.date;
    drawLine(doc, labels.kinds[entry.kind] ?? labels.kinds.other, { x, y }, BODY);
    x += COLUMNS.type;
    lines.forEach((line, index) => {
      drawLine(doc, line, { x, y: y + index * LINE_HEIGHT }, BODY);
    });
    const amount = formatStatementMoney(entry.amountMinor, statement.currency);
    drawLine(doc, amount, { x: PAGE.margin, y, width: CONTENT_WIDTH - 4, align: 'right' }, BODY);
    y += height;
    rule(doc, y - 4);
  }
}

function pageNumbers(doc: Doc, statement: PartnerStatement, locale: StatementLocale): void {
  const labels = STATEMENT_LABELS[locale];
  const range = doc.bufferedPageRange();
  for (let index = 0; index < range.count; index++) {
    doc.switchToPage(range.start + index);
    const y = PAGE.height - 32;
    const style = { size: 8, color: GREY };
    drawLine(doc, `${statement.partnerName} · ${statement.referralCode}`, { x: PAGE.margin, y }, style);
    const page = labels.page(index + 1, range.count);
    drawLine(doc, page, { x: PAGE.margin, y, width: CONTENT_WIDTH, align: 'right' }, style);
  }
}

/**
 * A partner's monthly statement as an A4 PDF: organisation and partner, the period, a summary
 * (opening balance, earnings, reversals, tax withheld, payouts, store credit, adjustments, closing
 * balance), every entry, and page numbers. Fonts are embedded (Noto Sans and Noto Sans Thai), so
 * Vietnamese and Thai show on any reader.
 */
export async function renderStatementPdf(
  statement: PartnerStatement,
  locale: StatementLocale,
): Promise<Buffer> {
  validate(statement, locale);
  const labels = STATEMENT_LABELS[locale];
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    bufferPages: true,
    lang: locale,
    info: {
      Title: `${labels.title} — ${statement.partnerName}`,
      Author: statement.orgName,
      CreationDate: statement.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFonts(doc);
  const afterHeader = header(doc, statement, locale);
  const afterSummary = summary(doc, statement, locale, afterHeader);
  entries(doc, statement, locale, afterSummary);
  pageNumbers(doc, statement, locale);
  doc.end();
  return done;
}
