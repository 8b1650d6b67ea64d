import { minorUnits, parseMajor } from '../../../platform/money';

/** Why an amount could not be read, in words for the row report. */
export class AmountError extends Error {
  override name = 'AmountError';
}

const MAX_MINOR = 999_999_999_999_999n;
const NOT_AN_AMOUNT = (text: string) =>
  new AmountError(`Not an amount: "${text}" (write it like 150.000 or -50.000)`);

function ungrouped(text: string, separator: string): string | undefined {
  if (!separator) return /^\d+$/.test(text) ? text : undefined;
  const escaped = separator === '.' ? '\\.' : separator;
  return new RegExp(`^\\d{1,3}(${escaped}\\d{3})*$`).test(text) ? text.split(separator).join('') : undefined;
}

/**
 * A signed amount in major units as people write it ("150.000", "-50.000", "1,234.50", "150000 ₫")
 * in exact minor units of `currency`, read by `parseMajor` once the thousands separators are gone.
 * A single separator followed by exactly three digits groups thousands; otherwise the last
 * separator is the decimal point. Never rounds: more decimals than the currency has is an error.
 */
export function parseSignedAmount(text: string, currency: string): bigint {
  const digits = minorUnits(currency);
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^(?:vnd|vnđ|thb|usd)|(?:vnd|vnđ|thb|usd|đ|₫|baht|฿|\$)$/i, '')
    .replace(/^([-−]?)[₫฿$]/, '$1')
    .replace(/^−/, '-');
  const negative = cleaned.startsWith('-');
  const body = negative ? cleaned.slice(1) : cleaned;
  if (!/^\d[\d.,]*$/.test(body) || /[.,]$/.test(body)) throw NOT_AN_AMOUNT(text);
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  let whole: string | undefined;
  let fraction = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalAt = Math.max(lastDot, lastComma);
    whole = ungrouped(body.slice(0, decimalAt), decimalAt === lastDot ? ',' : '.');
    fraction = body.slice(decimalAt + 1);
    if (!/^\d+$/.test(fraction)) whole = undefined;
  } else if (lastDot >= 0 || lastComma >= 0) {
    const separator = lastDot >= 0 ? '.' : ',';
    const last = Math.max(lastDot, lastComma);
    if (body.split(separator).length > 2 || body.length - last - 1 === 3) whole = ungrouped(body, separator);
    else {
      whole = ungrouped(body.slice(0, last), '');
      fraction = body.slice(last + 1);
    }
  } else whole = body;
  if (whole === undefined) throw NOT_AN_AMOUNT(text);
  if (fraction.length > digits) {
    throw new AmountError(
      digits === 0
        ? `${currency} amounts have no decimals: "${text}"`
        : `${currency} amounts have at most ${digits} decimals: "${text}"`,
    );
  }
  const { amount } = parseMajor(`${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`, currency);
  if (amount > MAX_MINOR || -amount > MAX_MINOR) throw new AmountError(`Too large: "${text}"`);
  return amount;
}
