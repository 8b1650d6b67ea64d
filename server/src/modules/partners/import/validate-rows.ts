import { z } from 'zod';
import { normaliseEmail, normalisePhone } from '../../auth';
import { normaliseReferralCode } from '../referral-code';
import type { ImportMapping } from './columns';

export type RowError = { field: string; message: string };

/** A row that passed validation, in normalised form. */
export type ImportRow = {
  rowNumber: number;
  fullName: string;
  phone: string | null;
  email: string | null;
  externalId: string | null;
  province: string | null;
  uplineCode: string | null;
  groupName: string | null;
  tags: string[];
  referralCode: string | null;
};

const emailSchema = z.email();

/** Phone cells often lose their leading zero in spreadsheets ("912345678"): put it back. */
function phoneOf(text: string): string | undefined {
  const digits = text.replace(/[\s.\-()]/g, '');
  return normalisePhone(/^[1-9]\d{8}$/.test(digits) ? `0${digits}` : text);
}

function parseRow(
  rowNumber: number,
  data: Record<string, string>,
  mapping: ImportMapping,
): { row?: ImportRow; errors: RowError[] } {
  const errors: RowError[] = [];
  const get = (field: keyof ImportMapping) => {
    const column = mapping[field];
    const value = column ? data[column]?.trim() : undefined;
    return value ? value : null;
  };
  const fullName = get('fullName');
  if (!fullName) errors.push({ field: 'fullName', message: 'The name is missing' });
  else if (fullName.length > 120)
    errors.push({ field: 'fullName', message: 'The name is longer than 120 characters' });
  const phoneText = get('phone');
  const phone = phoneText ? (phoneOf(phoneText) ?? null) : null;
  if (phoneText && !phone)
    errors.push({ field: 'phone', message: `“${phoneText}” is not a valid phone number` });
  const emailText = get('email');
  const email = emailText && emailSchema.safeParse(emailText).success ? normaliseEmail(emailText) : null;
  if (emailText && !email) errors.push({ field: 'email', message: `“${emailText}” is not a valid email` });
  if (!phoneText && !emailText)
    errors.push({ field: 'phone', message: 'A phone number or an email is needed' });
  const externalId = get('externalId');
  if (externalId && externalId.length > 100)
    errors.push({ field: 'externalId', message: 'Longer than 100 characters' });
  const province = get('province');
  if (province && province.length > 80)
    errors.push({ field: 'province', message: 'Longer than 80 characters' });
  const groupName = get('groupName');
  if (groupName && groupName.length > 60)
    errors.push({ field: 'groupName', message: 'Longer than 60 characters' });
  const tags = [
    ...new Set(
      (get('tags') ?? '')
        .split(/[,;|]/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
  if (tags.some((tag) => tag.length > 40))
    errors.push({ field: 'tags', message: 'A tag is longer than 40 characters' });
  const codeOf = (field: 'referralCode' | 'uplineReferralCode') => {
    const text = get(field);
    if (!text) return null;
    try {
      return normaliseReferralCode(text);
    } catch {
      errors.push({ field, message: `“${text}” is not a valid referral code` });
      return null;
    }
  };
  const referralCode = codeOf('referralCode');
  const uplineCode = codeOf('uplineReferralCode');
  if (errors.length > 0 || !fullName) return { errors };
  return {
    errors,
    row: {
      rowNumber,
      fullName,
      phone,
      email,
      externalId,
      province,
      uplineCode,
      groupName,
      tags,
      referralCode,
    },
  };
}

/**
 * Checks every row of a file: required name, a valid phone or email, known upline code (an existing
 * partner of the organisation, or one given a code by an earlier row), no person twice in the file.
 * Bad rows are reported with their field; they never stop the good ones.
 */
export function validateImportRows(
  rows: { rowNumber: number; data: Record<string, string> }[],
  mapping: ImportMapping,
  knownCodes: Set<string>,
): { valid: ImportRow[]; errors: Map<number, RowError[]> } {
  const valid: ImportRow[] = [];
  const errors = new Map<number, RowError[]>();
  const seen = new Map<string, number>();
  const fileCodes = new Set<string>();
  for (const { rowNumber, data } of rows) {
    const parsed = parseRow(rowNumber, data, mapping);
    const rowErrors = parsed.errors;
    const row = parsed.row;
    if (row) {
      const keys: [string, string, string | null][] = [
        ['phone', 'phone', row.phone],
        ['email', 'email', row.email?.toLowerCase() ?? null],
        ['externalId', 'partner id', row.externalId],
        ['referralCode', 'referral code', row.referralCode],
      ];
      for (const [field, label, value] of keys) {
        if (!value) continue;
        const earlier = seen.get(`${field}:${value}`);
        if (earlier !== undefined) rowErrors.push({ field, message: `The same ${label} as row ${earlier}` });
      }
      if (row.uplineCode && !knownCodes.has(row.uplineCode) && !fileCodes.has(row.uplineCode)) {
        rowErrors.push({
          field: 'uplineReferralCode',
          message: `No partner has the referral code ${row.uplineCode}`,
        });
      }
      if (row.referralCode && row.uplineCode === row.referralCode) {
        rowErrors.push({ field: 'uplineReferralCode', message: 'A partner cannot be their own upline' });
      }
      for (const [field, , value] of keys)
        if (value && !seen.has(`${field}:${value}`)) seen.set(`${field}:${value}`, rowNumber);
      if (rowErrors.length === 0) {
        if (row.referralCode) fileCodes.add(row.referralCode);
        valid.push(row);
      }
    }
    if (rowErrors.length > 0) errors.set(rowNumber, rowErrors);
  }
  return { valid, errors };
}
