import { describe, expect, it } from 'vitest';
import {
  amountTextToMinor,
  formatAmountText,
  lastMonths,
  minorToAmountText,
  percentToPpm,
  ppmToPercent,
  previewTax,
  storeCreditBonusToPpm,
} from './amount';

const vnTax = { taxRatePpm: 100_000, taxThresholdMinor: '2000000', taxExempt: false };

describe('the withdrawal amount field', () => {
  it('groups đồng with dots as Vietnamese write them, and reads them back exactly', () => {
    expect(formatAmountText('2450000', 'VND', 'vi')).toBe('2.450.000');
    expect(formatAmountText('2.450.0001', 'VND', 'vi')).toBe('24.500.001');
    expect(formatAmountText('0012a', 'VND', 'vi')).toBe('12');
    expect(formatAmountText('', 'VND', 'vi')).toBe('');
    expect(amountTextToMinor('2.450.000', 'VND', 'vi')).toBe(2_450_000n);
    expect(amountTextToMinor('', 'VND', 'vi')).toBeNull();
    expect(minorToAmountText(2_450_000n, 'VND', 'vi')).toBe('2.450.000');
    expect(minorToAmountText(2_450_000n, 'VND', 'en')).toBe('2,450,000');
  });

  it('keeps satang after the decimal point for baht', () => {
    expect(formatAmountText('1234.567', 'THB', 'th')).toBe('1,234.56');
    expect(amountTextToMinor('1,234.5', 'THB', 'th')).toBe(123_450n);
    expect(minorToAmountText(123_450n, 'THB', 'th')).toBe('1,234.50');
    expect(minorToAmountText(5n, 'THB', 'en')).toBe('0.05');
  });
});

describe('the tax preview', () => {
  it('withholds 10% from 2,000,000 ₫, nothing below it or when exempt, rounding half up', () => {
    expect(previewTax(2_450_000n, vnTax)).toEqual({
      taxMinor: 245_000n,
      netMinor: 2_205_000n,
      withheld: true,
    });
    expect(previewTax(2_000_000n, vnTax)).toEqual({
      taxMinor: 200_000n,
      netMinor: 1_800_000n,
      withheld: true,
    });
    expect(previewTax(1_999_999n, vnTax)).toEqual({ taxMinor: 0n, netMinor: 1_999_999n, withheld: false });
    expect(previewTax(2_000_005n, vnTax).taxMinor).toBe(200_001n);
    expect(previewTax(5_000_000n, { ...vnTax, taxExempt: true })).toEqual({
      taxMinor: 0n,
      netMinor: 5_000_000n,
      withheld: false,
    });
  });
});

describe('the statement month picker', () => {
  it('offers the last twelve months in the organisation’s time zone, newest first', () => {
    const months = lastMonths(new Date('2026-01-31T18:00:00Z'), 'Asia/Ho_Chi_Minh');
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2026-02');
    expect(months[1]).toBe('2026-01');
    expect(months[11]).toBe('2025-03');
  });
});

describe('the tax rate field', () => {
  it('reads a percent as millionths without floats, and writes it back', () => {
    expect(percentToPpm('10')).toBe(100_000);
    expect(percentToPpm('10,5')).toBe(105_000);
    expect(percentToPpm('0.0001')).toBe(1);
    expect(percentToPpm('101')).toBeNull();
    expect(percentToPpm('ten')).toBeNull();
    expect(ppmToPercent(100_000, 'vi')).toBe('10');
    expect(ppmToPercent(105_000, 'vi')).toBe('10,5');
    expect(ppmToPercent(105_000, 'en')).toBe('10.5');
  });
});

describe('the store credit bonus field', () => {
  it('reads the percent into millionths exactly, from 0 to 50', () => {
    expect(storeCreditBonusToPpm('5')).toBe(50_000);
    expect(storeCreditBonusToPpm('2.5')).toBe(25_000);
    expect(storeCreditBonusToPpm('2,5')).toBe(25_000);
    expect(storeCreditBonusToPpm('0')).toBe(0);
    expect(storeCreditBonusToPpm('50')).toBe(500_000);
    expect(storeCreditBonusToPpm('50.0001')).toBeNull();
    expect(storeCreditBonusToPpm('60')).toBeNull();
    expect(storeCreditBonusToPpm('-1')).toBeNull();
    expect(storeCreditBonusToPpm('')).toBeNull();
  });
});
