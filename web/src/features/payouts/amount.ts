import { currencyDigits, formatNumber } from '../../lib/format';

/** The largest store credit bonus a program may give, in millionths (50%). */
export const MAX_STORE_CREDIT_BONUS_PPM = 500_000;

/** The decimal separator a locale writes (vi "," — so "2.450.000" groups thousands with dots). */
export function decimalSeparator(locale: string): string {
  return locale === 'vi' ? ',' : '.';
}

/**
 * Rewrites what a person types into an amount field the way they write amounts: digits grouped by
 * thousands ("2450000" → "2.450.000" in Vietnamese), and at most the currency's decimals after the
 * locale's decimal separator. Works on the string, never through a float.
 */
export function formatAmountText(text: string, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  const separator = decimalSeparator(locale);
  const at = digits > 0 ? text.lastIndexOf(separator) : -1;
  const wholeText = at >= 0 ? text.slice(0, at) : text;
  const whole = wholeText.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  const grouped = whole === '' ? '' : formatNumber(BigInt(whole), locale);
  if (at < 0) return grouped;
  return `${grouped || '0'}${separator}${text
    .slice(at + 1)
    .replace(/\D/g, '')
    .slice(0, digits)}`;
}

/** The amount typed (as formatted by formatAmountText) in minor units, or null when empty. */
export function amountTextToMinor(text: string, currency: string, locale: string): bigint | null {
  const digits = currencyDigits(currency);
  const separator = decimalSeparator(locale);
  const at = digits > 0 ? text.lastIndexOf(separator) : -1;
  const whole = (at >= 0 ? text.slice(0, at) : text).replace(/\D/g, '');
  const fraction = at >= 0 ? text.slice(at + 1).replace(/\D/g, '') : '';
  if (whole === '' && fraction === '') return null;
  return BigInt(`${whole || '0'}${fraction.padEnd(digits, '0').slice(0, digits)}`);
}

/** Minor units as the text the amount field shows ("2450000" ₫ → "2.450.000"). */
export function minorToAmountText(minor: bigint, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return formatNumber(minor, locale);
  const padded = minor.toString().padStart(digits + 1, '0');
  return `${formatNumber(BigInt(padded.slice(0, -digits)), locale)}${decimalSeparator(locale)}${padded.slice(-digits)}`;
}

export type TaxPreview = { taxMinor: bigint; netMinor: bigint; withheld: boolean };

/**
 * The tax the payout of an amount will have withheld, as the server computes it: the rate (in
 * millionths) on the whole amount once it reaches the threshold, rounded half up; none when exempt.
 */
export function previewTax(
  amountMinor: bigint,
  settings: { taxRatePpm: number; taxThresholdMinor: string; taxExempt: boolean },
): TaxPreview {
  if (settings.taxExempt || settings.taxRatePpm <= 0 || amountMinor < BigInt(settings.taxThresholdMinor))
    return { taxMinor: 0n, netMinor: amountMinor, withheld: false };
  const product = amountMinor * BigInt(settings.taxRatePpm);
  const taxMinor = (product + 500_000n) / 1_000_000n;
  return { taxMinor, netMinor: amountMinor - taxMinor, withheld: true };
}

/** The last `count` months, newest first, as YYYY-MM in the given time zone. */
export function lastMonths(now: Date, timeZone: string, count = 12): string[] {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(now);
  let year = Number(parts.find((part) => part.type === 'year')?.value);
  let month = Number(parts.find((part) => part.type === 'month')?.value);
  const months: string[] = [];
  for (let index = 0; index < count; index++) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return months;
}

/** "10" or "10,5" (percent) as millionths, by string arithmetic; null when it is not a rate. */
export function percentToPpm(text: string): number | null {
  const match = text.trim().match(/^(\d{1,3})(?:[.,](\d{1,4}))?$/);
  if (!match) return null;
  const ppm = Number(match[1]) * 10_000 + Number((match[2] ?? '').padEnd(4, '0'));
  return ppm <= 1_000_000 ? ppm : null;
}

/** The store credit bonus typed as a percent ("5", "2,5") in millionths, or null outside 0–50%. */
export function storeCreditBonusToPpm(text: string): number | null {
  const ppm = percentToPpm(text);
  return ppm !== null && ppm <= MAX_STORE_CREDIT_BONUS_PPM ? ppm : null;
}

export function ppmToPercent(ppm: number, locale: string): string {
  const whole = Math.floor(ppm / 10_000);
  const fraction = String(ppm % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}${locale === 'vi' ? ',' : '.'}${fraction}` : String(whole);
}
