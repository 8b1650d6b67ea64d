import { randomInt } from 'node:crypto';
import { AppError } from '../../platform/errors';

const CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{2,19}$/;
/** No 0/O, 1/I/L: codes are read aloud and typed from paper. */
const SUFFIX_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

function stripMarks(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/**
 * A readable code from a name: the given name (last word in Vietnamese order) without marks,
 * upper case, plus a short random suffix: "Trần Thị Mai" → "MAI7K2". Thai or empty names get "CTV".
 */
export function generateReferralCode(fullName: string, suffixLength = 3): string {
  const words = stripMarks(fullName)
    .toUpperCase()
    .split(/\s+/)
    .map((word) => word.replace(/[^A-Z0-9]/g, ''))
    .filter(Boolean);
  const base = (words.at(-1) ?? '').slice(0, 10) || 'CTV';
  let suffix = '';
  for (let i = 0; i < suffixLength; i++) suffix += SUFFIX_ALPHABET[randomInt(SUFFIX_ALPHABET.length)];
  return `${base.length < 2 ? `CTV${base}` : base}${suffix}`;
}

/** Normalises a code typed by a person ("  mai-2026 " → "MAI-2026") and checks its shape. */
export function normaliseReferralCode(input: string, path = 'body.referralCode'): string {
  const code = stripMarks(input).trim().toUpperCase();
  if (!CODE_PATTERN.test(code)) {
    throw new AppError('validation_failed', 'The referral code is not valid', {
      details: [{ path, message: 'Use 3–20 letters, digits, - or _' }],
    });
  }
  return code;
}
