import { describe, expect, it } from 'vitest';
import { minorToMajorText, parseMajorToMinor } from './money';

describe('minimum payout entry', () => {
  it('reads VND without decimals, thousands separators allowed', () => {
    expect(parseMajorToMinor('200000', 'VND')).toBe('200000');
    expect(parseMajorToMinor('200.000', 'VND')).toBe('200000');
    expect(parseMajorToMinor('1,500,000', 'VND')).toBe('1500000');
    expect(parseMajorToMinor('0', 'VND')).toBe('0');
    expect(parseMajorToMinor('12.5', 'VND')).toBeNull();
  });

  it('reads THB with two decimals exactly, beyond float precision', () => {
    expect(parseMajorToMinor('500', 'THB')).toBe('50000');
    expect(parseMajorToMinor('99.5', 'THB')).toBe('9950');
    expect(parseMajorToMinor('0,07', 'THB')).toBe('7');
    expect(parseMajorToMinor('1,234.56', 'THB')).toBe('123456');
    expect(parseMajorToMinor('90071992547409.93', 'THB')).toBe('9007199254740993');
    expect(parseMajorToMinor('1.234', 'THB')).toBe('123400');
    expect(parseMajorToMinor('1.2.3', 'THB')).toBeNull();
    expect(parseMajorToMinor('abc', 'THB')).toBeNull();
    expect(parseMajorToMinor('', 'THB')).toBeNull();
  });

  it('shows minor units back as major text', () => {
    expect(minorToMajorText('9950', 'THB')).toBe('99.50');
    expect(minorToMajorText('7', 'THB')).toBe('0.07');
    expect(minorToMajorText('200000', 'VND')).toBe('200000');
  });
});
