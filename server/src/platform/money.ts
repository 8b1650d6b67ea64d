/**
 * Money in Kênh: integer minor units (bigint) with an ISO 4217 currency. No floating point.
 * Every division names its rounding.
 */
export type Money = { amount: bigint; currency: string };

/** Decimal places of the minor unit. VND has none; THB and USD have two. */
const MINOR_UNITS: Record<string, number> = {
  VND: 0,
  THB: 2,
  USD: 2,
  EUR: 2,
  SGD: 2,
  MYR: 2,
  IDR: 2,
  PHP: 2,
  LAK: 2,
  KHR: 2,
  JPY: 0,
  KRW: 0,
};

export const SUPPORTED_CURRENCIES = Object.keys(MINOR_UNITS);

export type Rounding = 'half_up' | 'half_even' | 'down' | 'up';

export function minorUnits(currency: string): number {
  const digits = MINOR_UNITS[currency];
  if (digits === undefined) throw new RangeError(`Unsupported currency ${currency}`);
  return digits;
}

export function money(amount: bigint | number | string, currency: string): Money {
  minorUnits(currency);
  if (typeof amount === 'number' && !Number.isSafeInteger(amount)) {
    throw new RangeError(`Money amounts are integers of minor units, got ${amount}`);
  }
  return { amount: BigInt(amount), currency };
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`Currency mismatch: ${a.currency} and ${b.currency}`);
}

export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return { amount: a.amount + b.amount, currency: a.currency };
}

export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return { amount: a.amount - b.amount, currency: a.currency };
}

export function sum(items: Money[], currency: string): Money {
  return items.reduce((total, item) => add(total, item), money(0n, currency));
}

/** Divides with the named rounding; works for negative numerators (reversals) symmetrically. */
export function divideRounded(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  if (denominator === 0n) throw new RangeError('Division by zero');
  if (denominator < 0n) return divideRounded(-numerator, -denominator, rounding);
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = magnitude / denominator;
  const remainder = magnitude % denominator;
  let rounded = quotient;
  if (remainder !== 0n) {
    const twice = remainder * 2n;
    switch (rounding) {
      case 'down':
        break;
      case 'up':
        rounded = quotient + 1n;
        break;
      case 'half_up':
        if (twice >= denominator) rounded = quotient + 1n;
        break;
      case 'half_even':
        if (twice > denominator || (twice === denominator && quotient % 2n === 1n)) rounded = quotient + 1n;
        break;
    }
  }
  return negative ? -rounded : rounded;
}

/** Rates are millionths of the base: 1 000 000 = 100%, 125 000 = 12.5% (four decimals of a percent). */
export const RATE_SCALE = 1_000_000n;

/** Applies a rate (in millionths) to an amount, rounding to the minor unit. */
export function applyRate(amount: Money, rateMillionths: bigint, rounding: Rounding = 'half_up'): Money {
  return {
    amount: divideRounded(amount.amount * rateMillionths, RATE_SCALE, rounding),
    currency: amount.currency,
  };
}

/** Parses "12.5" (percent) into millionths (125000) without floating point. */
export function parsePercent(text: string): bigint {
  const match = /^(-?)(\d{1,3})(?:\.(\d{1,4}))?$/.exec(text.trim());
  if (!match) throw new RangeError(`Not a percentage: ${text}`);
  const [, sign, whole, fraction = ''] = match;
  const value = BigInt(whole!) * 10_000n + BigInt(fraction.padEnd(4, '0'));
  return sign ? -value : value;
}

/**
 * Splits an amount into parts proportional to weights so that the parts sum exactly to the
 * amount (largest remainder method; ties go to the earlier part).
 */
export function allocate(amount: Money, weights: bigint[]): Money[] {
  const total = weights.reduce((a, b) => a + b, 0n);
  if (total <= 0n) throw new RangeError('Weights must sum to a positive number');
  const shares = weights.map((weight) => (amount.amount * weight) / total);
  let left = amount.amount - shares.reduce((a, b) => a + b, 0n);
  const order = weights
    .map((weight, index) => ({ index, remainder: (amount.amount * weight) % total }))
    .sort((a, b) => (b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : a.index - b.index));
  const step = left >= 0n ? 1n : -1n;
  for (const { index } of order) {
    if (left === 0n) break;
    shares[index]! += step;
    left -= step;
  }
  return shares.map((share) => ({ amount: share, currency: amount.currency }));
}

/** Parses a decimal string in major units ("1250000", "99.50") into minor units, refusing excess precision. */
export function parseMajor(text: string, currency: string): Money {
  const digits = minorUnits(currency);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new RangeError(`Not an amount: ${text}`);
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > digits) throw new RangeError(`${currency} has ${digits} decimal places, got ${text}`);
  const amount = BigInt(whole!) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  return { amount: sign ? -amount : amount, currency };
}

/** "1250000" VND → "1250000"; 9950 THB → "99.50". For CSV and bank files, not for people. */
export function toMajorString(value: Money): string {
  const digits = minorUnits(value.currency);
  const negative = value.amount < 0n;
  const magnitude = (negative ? -value.amount : value.amount).toString().padStart(digits + 1, '0');
  const text = digits === 0 ? magnitude : `${magnitude.slice(0, -digits)}.${magnitude.slice(-digits)}`;
  return negative ? `-${text}` : text;
}
