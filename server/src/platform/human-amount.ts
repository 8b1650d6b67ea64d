import { minorUnits } from './money';

const MAX_MINOR = 999_999_999_999_999n;

/** Why an amount typed by a person could not be read, in words for a row report. */
export class AmountError extends Error {
  override name = 'AmountError';
}

function groupedDigits(text: string, separator: string): string | undefined {
  if (!separator) return /^\d+$/.test(text) ? text : undefined;
  const escaped = separator === '.' ? '\\.' : separator;
  return new RegExp(`^\\d{1,3}(${escaped}\\d{3})*$`).test(text) ? text.split(separator).join('') : undefined;
}

/**
 * Reads an amount as people write it in major units ("150.000", "150,000", "150000 ₫",
 * "1,234.50", "1.234,50", "99.5") into integer minor units of `currency`, without floats.
 * A single separator followed by exactly three digits groups thousands ("150.000" is 150 000,
 * also in baht); otherwise the last separator is the decimal point. Negative amounts ("-50.000")
 * only when `signed`. Never rounds: more decimals than the currency has is an error. Throws
 * `AmountError`.
 */
export function parseHumanAmount(text: string, currency: string, options: { signed?: boolean } = {}): bigint {
  const digits = minorUnits(currency);
  const hint = options.signed ? '150.000 or -50.000' : '150000 or 150.000';
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^(?:vnd|vnđ|thb|usd)|(?:vnd|vnđ|thb|usd|đ|₫|baht|bath|฿|\$)$/i, '')
    .replace(/^([-−]?)[₫฿$]/, '$1')
    .replace(/^−/, '-');
  const negative = cleaned.startsWith('-');
  if (negative && !options.signed) throw new AmountError('Must be 0 or more');
  const body = negative ? cleaned.slice(1) : cleaned;
  if (!/^\d[\d.,]*$/.test(body) || /[.,]$/.test(body))
    throw new AmountError(`Not an amount: "${text}" (write it like ${hint})`);
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  let whole: string | undefined;
  let fraction = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalAt = Math.max(lastDot, lastComma);
    whole = groupedDigits(body.slice(0, decimalAt), decimalAt === lastDot ? ',' : '.');
    fraction = body.slice(decimalAt + 1);
    if (!/^\d+$/.test(fraction)) whole = undefined;
  } else if (lastDot >= 0 || lastComma >= 0) {
    const separator = lastDot >= 0 ? '.' : ',';
    const last = Math.max(lastDot, lastComma);
    const occurrences = body.split(separator).length - 1;
    if (occurrences > 1 || body.length - last - 1 === 3) whole = groupedDigits(body, separator);
    else {
      whole = groupedDigits(body.slice(0, last), '');
      fraction = body.slice(last + 1);
    }
  } else whole = body;
  if (whole === undefined) throw new AmountError(`Not an amount: "${text}" (write it like ${hint})`);
  if (fraction.length > digits) {
    throw new AmountError(
      digits === 0
        ? `${currency} amounts have no decimals: "${text}"`
        : `${currency} amounts have at most ${digits} decimals: "${text}"`,
    );
  }
  const amount = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (amount > MAX_MINOR) throw new AmountError(`Too large: "${text}"`);
  return negative ? -amount : amount;
}
