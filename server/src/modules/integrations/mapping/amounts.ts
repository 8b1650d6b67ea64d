import { minorUnits, parseMajor } from '../../../platform/money';
import { MalformedPayload } from './plan';

/**
 * A platform's decimal amount ("199000.00", "1250.50", or a number kept as text) in exact minor
 * units. Shopify writes two decimals even for VND: trailing zeros beyond the currency's minor
 * digits are dropped, anything else there is refused rather than rounded.
 */
export function amountMinor(value: unknown, currency: string, field: string): bigint {
  if (value === null || value === undefined || value === '') return 0n;
  const text = String(value).trim();
  const match = /^(-?\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new MalformedPayload(`${field} is not an amount: ${text}`);
  const digits = minorUnits(currency);
  let fraction = match[2] ?? '';
  while (fraction.length > digits && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  try {
    return parseMajor(fraction ? `${match[1]}.${fraction}` : match[1]!, currency).amount;
  } catch {
    throw new MalformedPayload(`${field} has more decimals than ${currency} allows: ${text}`);
  }
}

/** A supported ISO 4217 code, upper case. */
export function currencyOf(value: unknown, field = 'currency'): string {
  const code = String(value ?? '')
    .trim()
    .toUpperCase();
  try {
    minorUnits(code);
  } catch {
    throw new MalformedPayload(code ? `Currency ${code} is not supported` : `${field} is missing`);
  }
  return code;
}

/** Ceiling division for positive amounts. */
export function divideUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator;
}

/** A platform timestamp; WooCommerce's `*_gmt` fields carry no zone and are UTC. */
export function timestampOf(value: unknown, options: { assumeUtc?: boolean } = {}): Date | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  let text = value.trim();
  if (options.assumeUtc && !/(Z|[+-]\d{2}:?\d{2})$/.test(text)) text = `${text}Z`;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
