import { intlLocale } from '../../lib/format';

/** Rates travel as millionths (125000 = 12.5 %); percent = ppm / 10 000, by string arithmetic. */
export function ppmToPercentText(ppm: string | bigint): string {
  const value = BigInt(ppm);
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  const whole = absolute / 10_000n;
  const fraction = (absolute % 10_000n).toString().padStart(4, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** A rate as a person reads it in their language: "12,5%" in Vietnamese, "12.5%" in English. */
export function formatPercent(ppm: string | bigint, locale = 'vi'): string {
  const formatter = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 4 });
  // An exact decimal string, as formatMoney does: no float ever rounds the rate.
  return `${formatter.format(ppmToPercentText(ppm) as unknown as number)}%`;
}

/**
 * A measured share (a report's ratio, not a rate someone set) to the hundredth of a percent,
 * half-up: "58%" rather than "58,0015%". Rates keep every digit (`formatPercent`).
 */
export function formatShare(ppm: string | bigint, locale = 'vi'): string {
  const value = BigInt(ppm);
  const magnitude = ((value < 0n ? -value : value) + 50n) / 100n;
  return formatPercent((value < 0n ? -magnitude : magnitude) * 100n, locale);
}

/** "12,5" or "12.5" (percent) → "125000" (millionths); null when not a percent with ≤ 4 decimals. */
export function percentTextToPpm(text: string): string | null {
  const cleaned = text.trim().replace('%', '').replace(',', '.').trim();
  const match = cleaned.match(/^(\d{1,3})(?:\.(\d{1,4}))?$/);
  if (!match) return null;
  const ppm = BigInt(match[1]!) * 10_000n + BigInt((match[2] ?? '').padEnd(4, '0'));
  return ppm > 1_000_000n ? null : ppm.toString();
}

/** Reduces a fraction of whole numbers ("100000/300000" → "1/3"). */
export function reducedFraction(numerator: string, denominator: string): string {
  let a = BigInt(numerator);
  let b = BigInt(denominator);
  const gcd = (x: bigint, y: bigint): bigint => (y === 0n ? x : gcd(y, x % y));
  const divisor = gcd(a < 0n ? -a : a, b < 0n ? -b : b);
  if (divisor > 1n) {
    a /= divisor;
    b /= divisor;
  }
  return `${a}/${b}`;
}
