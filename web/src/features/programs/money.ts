import { currencyDigits } from '../../lib/format';

/**
 * Turns what a person typed in major units ("150000", "1.500,50", "99.5") into integer minor
 * units as a decimal string — by string arithmetic, never a float. Returns null when the text is
 * not an amount or has more decimals than the currency allows.
 */
export function parseMajorToMinor(text: string, currency: string): string | null {
  const digits = currencyDigits(currency);
  const cleaned = text.replace(/[\s\u00a0]/g, '');
  if (cleaned === '') return null;
  // The last '.' or ',' followed by 1..digits digits is the decimal point; others group thousands.
  let whole = cleaned;
  let fraction = '';
  if (digits > 0) {
    const match = cleaned.match(new RegExp(`^(.*)[.,](\\d{1,${digits}})$`));
    if (match) {
      whole = match[1]!;
      fraction = match[2]!;
    }
  }
  if (!/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(whole)) return null;
  const integer = whole.replace(/[.,]/g, '');
  const minor = `${integer}${fraction.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '');
  return minor;
}

/** Integer minor units back to the plain major-unit text an input shows ("150000", "99.50"). */
export function minorToMajorText(minor: string, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return minor;
  const padded = minor.padStart(digits + 1, '0');
  return `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}
