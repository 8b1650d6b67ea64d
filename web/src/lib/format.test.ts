import { describe, expect, it } from 'vitest';
import { currencyDigits, formatDate, formatMoney, formatPeriod, startOfZonedDay, zonedDay } from './format';

// Intl separates currency and digits with a no-break space in some locales.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('shows VND without decimals and THB with two', () => {
    expect(currencyDigits('VND')).toBe(0);
    expect(currencyDigits('THB')).toBe(2);
    expect(plain(formatMoney(1_250_000n, 'VND', 'vi'))).toBe('1.250.000 ₫');
    expect(plain(formatMoney('12345', 'THB', 'th'))).toBe('฿123.45');
    expect(plain(formatMoney('12345', 'THB', 'en'))).toBe('THB 123.45');
  });

  it('pads small amounts and keeps signs', () => {
    expect(plain(formatMoney(5n, 'THB', 'th'))).toBe('฿0.05');
    expect(plain(formatMoney(-150n, 'THB', 'th'))).toBe('-฿1.50');
    expect(plain(formatMoney('0', 'VND', 'vi'))).toBe('0 ₫');
  });

  it('is exact beyond the range of floating point numbers', () => {
    // 2^53 + 1 cannot be represented as a double; a float-based formatter would print ...992.
    expect(plain(formatMoney(9_007_199_254_740_993n, 'VND', 'vi'))).toBe('9.007.199.254.740.993 ₫');
    expect(plain(formatMoney('123456789012345678901', 'THB', 'th'))).toBe('฿1,234,567,890,123,456,789.01');
  });

  it('refuses what is not an integer amount', () => {
    expect(() => formatMoney('12.5', 'VND')).toThrow();
  });
});

describe('formatDate', () => {
  const instant = '2026-01-31T18:30:00Z';

  it('shows the time in the organisation time zone', () => {
    expect(formatDate(instant, { locale: 'en', timeZone: 'Asia/Ho_Chi_Minh' })).toBe('1 Feb 2026, 01:30');
    expect(formatDate(instant, { locale: 'en', timeZone: 'UTC' })).toBe('31 Jan 2026, 18:30');
  });

  it('formats per locale (Thai uses the Buddhist year)', () => {
    expect(formatDate(instant, { locale: 'vi', timeZone: 'Asia/Ho_Chi_Minh', withTime: false })).toMatch(
      /1 thg 2,? 2026/,
    );
    expect(formatDate(instant, { locale: 'th', timeZone: 'Asia/Bangkok', withTime: false })).toBe(
      '1 ก.พ. 2569',
    );
  });

  it('shows a dash for missing or broken values', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate('not a date')).toBe('—');
  });
});

describe('startOfZonedDay', () => {
  it('finds the instant a calendar day starts and ends in a time zone', () => {
    expect(startOfZonedDay('2026-03-01', 'Asia/Ho_Chi_Minh').toISOString()).toBe('2026-02-28T17:00:00.000Z');
    expect(startOfZonedDay('2026-03-01', 'Asia/Bangkok', true).toISOString()).toBe(
      '2026-03-01T17:00:00.000Z',
    );
    expect(startOfZonedDay('2026-03-29', 'Europe/Paris').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfZonedDay('2026-03-30', 'Europe/Paris').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });
});

describe('zonedDay', () => {
  it('names the day an instant falls on in the organisation’s zone, not in UTC', () => {
    // 23:30 UTC on 30 November is already 1 December in Hồ Chí Minh City and Bangkok
    const lateUtc = new Date('2026-11-30T23:30:00Z');
    expect(zonedDay('Asia/Ho_Chi_Minh', lateUtc)).toBe('2026-12-01');
    expect(zonedDay('Asia/Bangkok', lateUtc)).toBe('2026-12-01');
    expect(zonedDay('UTC', lateUtc)).toBe('2026-11-30');
    expect(zonedDay('Asia/Ho_Chi_Minh', new Date('2026-11-30T16:59:59Z'))).toBe('2026-11-30');
  });
});

describe('formatPeriod', () => {
  const quarter = ({ quarter, year }: { quarter: number; year: string }) => `Q${quarter}/${year}`;

  it('names a month in each language (Thai in the Buddhist year)', () => {
    expect(formatPeriod('2026-11', 'vi', quarter)).toBe('Tháng 11 năm 2026');
    expect(formatPeriod('2026-11', 'en', quarter)).toBe('November 2026');
    expect(formatPeriod('2026-01', 'th', quarter)).toBe('มกราคม 2569');
  });

  it('hands a quarter its number and year, and keeps any other label', () => {
    expect(formatPeriod('2026-Q4', 'vi', quarter)).toBe('Q4/2026');
    expect(formatPeriod('2026-Q1', 'th', quarter)).toBe('Q1/พ.ศ. 2569');
    expect(formatPeriod('2026-05-01..2026-05-31', 'en', quarter)).toBe('2026-05-01..2026-05-31');
  });
});
