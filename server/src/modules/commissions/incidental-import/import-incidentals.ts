import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../../platform/errors';
import { AmountError, parseHumanAmount } from '../../../platform/human-amount';
import type { TenantContext } from '../../../platform/services';
import { parseSpreadsheet } from '../../../platform/spreadsheet';
import { enrollments } from '../../partners';
import { programs } from '../../programs/schema';
import { addIncidentalLine } from '../add-incidental';
import { type INCIDENTAL_IMPORT_FIELDS, type IncidentalImportField, mapColumns } from './columns';

/** Rows per file: an incidental import is a month's bonuses and penalties, not a data migration. */
export const MAX_INCIDENTAL_ROWS = 5000;

export type IncidentalImportUpload = {
  fileName: string;
  bytes: Buffer;
  /** Names the batch instead of the file name, so a renamed file still imports once. */
  batchKey?: string;
};

export type IncidentalImportRow = {
  rowNumber: number;
  outcome: 'created' | 'already_imported' | 'error';
  partnerCode: string | null;
  enrollmentId: string | null;
  amountMinor: string | null;
  currency: string | null;
  commissionLineId: string | null;
  errors: { field: IncidentalImportField; message: string }[];
};

export type IncidentalImportReport = {
  fileName: string;
  totals: { rows: number; created: number; alreadyImported: number; errors: number };
  columns: Partial<Record<(typeof INCIDENTAL_IMPORT_FIELDS)[number], string>>;
  rows: IncidentalImportRow[];
};

type Target = { id: string; referralCode: string; programId: string; programName: string; currency: string };

/**
 * CK phát sinh in bulk: each row of a CSV or XLSX file (partner referral code or enrollment id,
 * signed amount in major units, reason, optional program) becomes an incidental line in review,
 * written in its own transaction so a bad row stops no other. Each row's reference is a hash of
 * the batch (file name or `batchKey`), the row's content and its occurrence among identical rows,
 * so uploading the same file again adds nothing. Answers a report line per row.
 */
export async function importIncidentals(
  ctx: TenantContext,
  upload: IncidentalImportUpload,
): Promise<IncidentalImportReport> {
  const sheet = await parseSpreadsheet(upload.fileName, upload.bytes);
  if (sheet.rows.length > MAX_INCIDENTAL_ROWS) {
    throw new AppError('validation_failed', `At most ${MAX_INCIDENTAL_ROWS} rows per file`, {
      details: [{ path: 'body.file', message: `At most ${MAX_INCIDENTAL_ROWS} rows` }],
    });
  }
  const columns = mapColumns(sheet.columns);
  const missing = [
    ...(columns.partnerCode || columns.enrollmentId ? [] : ['partner referral code (Mã giới thiệu)']),
    ...(columns.amount ? [] : ['amount (Số tiền)']),
    ...(columns.reason ? [] : ['reason (Lý do)']),
  ];
  if (missing.length > 0) {
    throw new AppError('validation_failed', `The file lacks the column(s): ${missing.join(', ')}`, {
      details: missing.map((column) => ({ path: 'body.file', message: `Missing column: ${column}` })),
    });
  }
  const cell = (data: Record<string, string>, field: keyof typeof columns) =>
    columns[field] ? (data[columns[field]!] ?? '').trim() : '';
  const targets = await loadTargets(
    ctx,
    sheet.rows.map((row) => cell(row.data, 'partnerCode')),
    sheet.rows.map((row) => cell(row.data, 'enrollmentId')),
  );

  const batch = upload.batchKey?.trim() || `file:${upload.fileName.trim()}`;
  const occurrences = new Map<string, number>();
  const rows: IncidentalImportRow[] = [];
  for (const { rowNumber, data } of sheet.rows) {
    const partnerCode = cell(data, 'partnerCode');
    const enrollmentId = cell(data, 'enrollmentId');
    const amountText = cell(data, 'amount');
    const reason = cell(data, 'reason');
    const program = cell(data, 'program');
    const content = JSON.stringify([partnerCode.toUpperCase(), enrollmentId, amountText, reason, program]);
    const occurrence = (occurrences.get(content) ?? 0) + 1;
    occurrences.set(content, occurrence);
    const report: IncidentalImportRow = {
      rowNumber,
      outcome: 'error',
      partnerCode: partnerCode || null,
      enrollmentId: null,
      amountMinor: null,
      currency: null,
      commissionLineId: null,
      errors: [],
    };
    rows.push(report);
    const fail = (field: IncidentalImportField, message: string) => report.errors.push({ field, message });

    const target = enrollmentId
      ? targets.byId.get(enrollmentId)
      : targets.byCode.get(partnerCode.toUpperCase());
    if (!partnerCode && !enrollmentId) fail('partnerCode', 'Required: the partner’s referral code');
    else if (!target)
      fail(
        enrollmentId ? 'enrollmentId' : 'partnerCode',
        enrollmentId ? 'No enrollment with this id' : `No partner with referral code ${partnerCode}`,
      );
    else if (enrollmentId && partnerCode && target.referralCode.toUpperCase() !== partnerCode.toUpperCase())
      fail('partnerCode', `Enrollment ${enrollmentId} has referral code ${target.referralCode}`);
    else if (
      program &&
      program !== target.programId &&
      program.toLowerCase() !== target.programName.trim().toLowerCase()
    )
      fail('program', `The partner’s program is “${target.programName}”, not “${program}”`);

    let amount: bigint | undefined;
    if (!amountText) fail('amount', 'Required: positive for a bonus, negative for a penalty');
    else if (target) {
      try {
        amount = parseHumanAmount(amountText, target.currency, { signed: true });
        if (amount === 0n) fail('amount', 'Cannot be zero: positive for a bonus, negative for a penalty');
      } catch (error) {
        if (!(error instanceof AmountError || error instanceof RangeError)) throw error;
        fail('amount', error.message);
      }
    }
    if (!reason) fail('reason', 'Required: why the bonus or penalty is given');
    else if (reason.length > 500) fail('reason', 'At most 500 characters');
    if (report.errors.length > 0 || !target || amount === undefined) continue;

    const reference = `import:${createHash('sha256')
      .update(JSON.stringify([batch, content, occurrence]))
      .digest('hex')
      .slice(0, 40)}`;
    const { line, created } = await ctx.services.db.transaction((tx) =>
      addIncidentalLine(ctx, tx, { enrollmentId: target.id, amountMinor: amount, reason, reference }),
    );
    Object.assign(report, {
      outcome: created ? 'created' : 'already_imported',
      enrollmentId: target.id,
      amountMinor: line.amountMinor.toString(),
      currency: line.currency,
      commissionLineId: line.id,
    });
  }
  return {
    fileName: upload.fileName,
    totals: {
      rows: rows.length,
      created: rows.filter((row) => row.outcome === 'created').length,
      alreadyImported: rows.filter((row) => row.outcome === 'already_imported').length,
      errors: rows.filter((row) => row.outcome === 'error').length,
    },
    columns,
    rows,
  };
}

/** The enrollments the rows name, by referral code (case-insensitive) and by id, in one read each. */
async function loadTargets(ctx: TenantContext, codes: string[], ids: string[]) {
  const select = {
    id: enrollments.id,
    referralCode: enrollments.referralCode,
    programId: enrollments.programId,
    programName: programs.name,
    currency: programs.currency,
  };
  const wantedCodes = [...new Set(codes.filter(Boolean).map((code) => code.toUpperCase()))];
  const wantedIds = [...new Set(ids.filter(Boolean))];
  const join = and(eq(programs.orgId, enrollments.orgId), eq(programs.id, enrollments.programId));
  const byCode = new Map<string, Target>();
  const byId = new Map<string, Target>();
  for (let start = 0; start < wantedCodes.length; start += 1000) {
    const rows = await ctx.services.db
      .select(select)
      .from(enrollments)
      .innerJoin(programs, join)
      .where(
        and(
          eq(enrollments.orgId, ctx.orgId),
          inArray(sql`upper(${enrollments.referralCode})`, wantedCodes.slice(start, start + 1000)),
        ),
      );
    for (const row of rows) byCode.set(row.referralCode.toUpperCase(), row);
  }
  for (let start = 0; start < wantedIds.length; start += 1000) {
    const rows = await ctx.services.db
      .select(select)
      .from(enrollments)
      .innerJoin(programs, join)
      .where(
        and(eq(enrollments.orgId, ctx.orgId), inArray(enrollments.id, wantedIds.slice(start, start + 1000))),
      );
    for (const row of rows) byId.set(row.id, row);
  }
  return { byCode, byId };
}
