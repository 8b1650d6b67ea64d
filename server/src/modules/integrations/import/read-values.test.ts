import { describe, expect, it } from 'vitest';
import { parseHumanAmount, parseHumanDate, parsePayment, parseStatus } from './read-values';

describe('amounts as people write them', () => {
  it.each([
    ['150.000', 'VND', 150000n],
    ['150,000', 'VND', 150000n],
    ['1.250.000 ₫', 'VND', 1250000n],
    ['150000', 'VND', 150000n],
    ['1250.50', 'THB', 125050n],
    ['1.250,50', 'THB', 125050n],
    ['1,250.50', 'THB', 125050n],
    ['1250.5', 'THB', 125050n],
    ['99', 'THB', 9900n],
    ['', 'VND', 0n],
  ])('%s %s → %s', (text, currency, minor) => {
    expect(parseHumanAmount(text, currency)).toBe(minor);
  });

  it('refuses what is not an amount or has too many decimals', () => {
    expect(parseHumanAmount('abc', 'VND')).toMatch(/not an amount/);
    expect(parseHumanAmount('150.5', 'VND')).toMatch(/VND has 0 decimal places/);
    expect(parseHumanAmount('1.2.3', 'THB')).toMatch(/not an amount/);
  });
});

describe('dates, statuses and payments', () => {
  it('reads Vietnamese and ISO dates in UTC+7', () => {
    expect(parseHumanDate('31/10/2026')?.toISOString()).toBe('2026-10-30T17:00:00.000Z');
    expect(parseHumanDate('2026-10-31 14:30')?.toISOString()).toBe('2026-10-31T07:30:00.000Z');
    expect(parseHumanDate('')).toBeUndefined();
    expect(parseHumanDate('31/13/2026')).toBeNull();
  });

  it('reads statuses and payments in Vietnamese, English and Thai', () => {
    expect(parseStatus('Hoàn thành')).toBe('completed');
    expect(parseStatus('Đã hủy')).toBe('cancelled');
    expect(parseStatus('ยกเลิก')).toBe('cancelled');
    expect(parseStatus('shipped?')).toBeNull();
    expect(parsePayment('Đã thanh toán')).toEqual({ status: 'paid' });
    expect(parsePayment('COD')).toEqual({ status: 'cod_pending', method: 'cod' });
  });
});
