import { describe, expect, it } from 'vitest';
import {
  allocate,
  applyRate,
  divideRounded,
  money,
  parseMajor,
  parsePercent,
  sum,
  toMajorString,
} from './money';

describe('money', () => {
  it('rounds half up, half even, down and up, symmetrically for negatives', () => {
    expect(divideRounded(25n, 10n, 'half_up')).toBe(3n);
    expect(divideRounded(-25n, 10n, 'half_up')).toBe(-3n);
    expect(divideRounded(25n, 10n, 'half_even')).toBe(2n);
    expect(divideRounded(35n, 10n, 'half_even')).toBe(4n);
    expect(divideRounded(-35n, 10n, 'half_even')).toBe(-4n);
    expect(divideRounded(29n, 10n, 'down')).toBe(2n);
    expect(divideRounded(21n, 10n, 'up')).toBe(3n);
    expect(divideRounded(20n, 10n, 'up')).toBe(2n);
  });

  it('applies a percentage exactly: 12.5% of 333.333 ₫ is 41.667 ₫ (half up)', () => {
    expect(applyRate(money(333_333n, 'VND'), parsePercent('12.5')).amount).toBe(41_667n);
    expect(applyRate(money(333_333n, 'VND'), parsePercent('12.5'), 'down').amount).toBe(41_666n);
    expect(applyRate(money(9_950n, 'THB'), parsePercent('10')).amount).toBe(995n);
  });

  it('parses percentages without floating point', () => {
    expect(parsePercent('10')).toBe(100_000n);
    expect(parsePercent('0.0001')).toBe(1n);
    expect(() => parsePercent('1.23456')).toThrow(RangeError);
  });

  it('allocates so that parts sum exactly', () => {
    const parts = allocate(money(100n, 'VND'), [1n, 1n, 1n]);
    expect(parts.map((p) => p.amount)).toEqual([34n, 33n, 33n]);
    expect(sum(parts, 'VND').amount).toBe(100n);
    const negative = allocate(money(-100n, 'VND'), [1n, 1n, 1n]);
    expect(sum(negative, 'VND').amount).toBe(-100n);
  });

  it('reads and writes major units per currency', () => {
    expect(parseMajor('2450000', 'VND').amount).toBe(2_450_000n);
    expect(parseMajor('99.5', 'THB').amount).toBe(9_950n);
    expect(() => parseMajor('10.5', 'VND')).toThrow(/0 decimal places/);
    expect(toMajorString(money(9_950n, 'THB'))).toBe('99.50');
    expect(toMajorString(money(-5n, 'THB'))).toBe('-0.05');
    expect(toMajorString(money(2_450_000n, 'VND'))).toBe('2450000');
  });

  it('refuses mixed currencies and unsafe numbers', () => {
    expect(() => sum([money(1n, 'VND'), money(1n, 'THB')], 'VND')).toThrow(/mismatch/);
    expect(() => money(0.5, 'VND')).toThrow(RangeError);
    expect(() => money(1n, 'XXX')).toThrow(/Unsupported/);
  });
});
