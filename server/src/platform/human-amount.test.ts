import { describe, expect, it } from 'vitest';
import { AmountError, parseHumanAmount } from './human-amount';

describe('amounts as people write them', () => {
  it('reads dong with dots, commas, spaces and symbols as whole dong', () => {
    expect(parseHumanAmount('150.000', 'VND')).toBe(150_000n);
    expect(parseHumanAmount('150000', 'VND')).toBe(150_000n);
    expect(parseHumanAmount('150,000', 'VND')).toBe(150_000n);
    expect(parseHumanAmount('1.250.000 ₫', 'VND')).toBe(1_250_000n);
    expect(parseHumanAmount('89 000đ', 'VND')).toBe(89_000n);
    expect(parseHumanAmount('0', 'VND')).toBe(0n);
  });

  it('reads baht and dollars into cents exactly', () => {
    expect(parseHumanAmount('1,234.50', 'THB')).toBe(123_450n);
    expect(parseHumanAmount('1,234.50', 'USD')).toBe(123_450n);
    expect(parseHumanAmount('1.234,50', 'THB')).toBe(123_450n);
    expect(parseHumanAmount('99.5', 'USD')).toBe(9_950n);
    expect(parseHumanAmount('0.07', 'USD')).toBe(7n);
    expect(parseHumanAmount('1,234', 'THB')).toBe(123_400n);
    expect(parseHumanAmount('฿ 450', 'THB')).toBe(45_000n);
  });

  it('refuses decimals a currency does not have, negatives and text', () => {
    expect(() => parseHumanAmount('150.5', 'VND')).toThrow('VND amounts have no decimals: "150.5"');
    expect(parseHumanAmount('1.234', 'USD')).toBe(123_400n);
    expect(() => parseHumanAmount('12.345,678', 'USD')).toThrow('USD amounts have at most 2 decimals');
    expect(() => parseHumanAmount('-5', 'VND')).toThrow('Must be 0 or more');
    expect(() => parseHumanAmount('liên hệ', 'VND')).toThrow(AmountError);
    expect(() => parseHumanAmount('1.50.000', 'VND')).toThrow('Not an amount');
    expect(() => parseHumanAmount('9999999999999999', 'VND')).toThrow('Too large');
  });
});
