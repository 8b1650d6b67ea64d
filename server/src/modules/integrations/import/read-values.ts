import { minorUnits } from '../../../platform/money';
import type { OrderStatus, PaymentMethod, PaymentStatus } from '../../orders';
import { normaliseTitle } from './columns';

/**
 * An amount as people type it, in major units: "150.000" and "150,000" (VND thousands), "1.250,50"
 * and "1,250.50", "150000 ₫". A separator followed by exactly three digits groups thousands; the
 * last other separator marks decimals. Answers minor units, or an error message.
 */
export function parseHumanAmount(text: string, currency: string): bigint | string {
  const digits = minorUnits(currency);
  const cleaned = text.replace(/[\s\u00a0]|₫|đ|vnd|฿|thb|usd|\$/gi, '');
  if (cleaned === '') return 0n;
  if (!/^-?[\d.,]+$/.test(cleaned)) return `“${text}” is not an amount`;
  const negative = cleaned.startsWith('-');
  const body = negative ? cleaned.slice(1) : cleaned;
  const separators = [...new Set(body.replace(/\d/g, ''))];
  let whole = body;
  let fraction = '';
  if (separators.length === 2) {
    const decimalAt = Math.max(body.lastIndexOf('.'), body.lastIndexOf(','));
    whole = body.slice(0, decimalAt);
    fraction = body.slice(decimalAt + 1);
  } else if (separators.length === 1) {
    const groups = body.split(separators[0]!);
    const grouped =
      /^\d{1,3}$/.test(groups[0]!) &&
      !/^0\d/.test(groups[0]!) &&
      groups.slice(1).every((g) => g.length === 3);
    if (!grouped || (groups.length === 2 && groups[0] === '0')) {
      if (groups.length > 2) return `“${text}” is not an amount`;
      whole = groups[0]!;
      fraction = groups[1]!;
    }
  }
  whole = whole.replace(/[.,]/g, '');
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction)) return `“${text}” is not an amount`;
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length > digits) return `${currency} has ${digits} decimal places, got “${text}”`;
  const value = BigInt(whole) * 10n ** BigInt(digits) + BigInt(trimmed.padEnd(digits, '0') || '0');
  return negative ? -value : value;
}

const STATUS_WORDS: Record<string, OrderStatus> = {
  pending: 'pending',
  new: 'pending',
  moi: 'pending',
  'cho xac nhan': 'pending',
  'cho xu ly': 'pending',
  รอยืนยัน: 'pending',
  confirmed: 'confirmed',
  'da xac nhan': 'confirmed',
  'dang giao': 'confirmed',
  ยืนยันแล้ว: 'confirmed',
  completed: 'completed',
  delivered: 'completed',
  'hoan thanh': 'completed',
  'da giao': 'completed',
  'thanh cong': 'completed',
  สำเร็จ: 'completed',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  huy: 'cancelled',
  'da huy': 'cancelled',
  ยกเลิก: 'cancelled',
};

export function parseStatus(text: string): OrderStatus | undefined | null {
  if (!text.trim()) return undefined;
  return STATUS_WORDS[normaliseTitle(text)] ?? null;
}

const PAYMENT_WORDS: Record<string, { status: PaymentStatus; method?: PaymentMethod }> = {
  paid: { status: 'paid' },
  'da thanh toan': { status: 'paid' },
  'da tt': { status: 'paid' },
  ชำระแล้ว: { status: 'paid' },
  unpaid: { status: 'unpaid' },
  'chua thanh toan': { status: 'unpaid' },
  'chua tt': { status: 'unpaid' },
  ยังไม่ชำระ: { status: 'unpaid' },
  cod: { status: 'cod_pending', method: 'cod' },
  'thu ho': { status: 'cod_pending', method: 'cod' },
  'ship cod': { status: 'cod_pending', method: 'cod' },
  เก็บเงินปลายทาง: { status: 'cod_pending', method: 'cod' },
  failed: { status: 'failed' },
  'that bai': { status: 'failed' },
  ล้มเหลว: { status: 'failed' },
};

export function parsePayment(
  text: string,
): { status: PaymentStatus; method?: PaymentMethod } | undefined | null {
  if (!text.trim()) return undefined;
  return PAYMENT_WORDS[normaliseTitle(text)] ?? null;
}

/**
 * A date as people write it: 2026-10-31, 31/10/2026, 31-10-2026, with an optional hh:mm. Without a
 * zone it is Vietnam and Thailand's time (UTC+7). Spreadsheet dates arrive as YYYY-MM-DD.
 */
export function parseHumanDate(text: string): Date | undefined | null {
  const value = text.trim();
  if (!value) return undefined;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  let parts: [string, string, string, string?, string?, string?] | undefined;
  if (match) parts = [match[1]!, match[2]!, match[3]!, match[4], match[5], match[6]];
  else {
    match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
    if (match) parts = [match[3]!, match[2]!, match[1]!, match[4], match[5], match[6]];
  }
  if (!parts) {
    const iso = new Date(value);
    return /[zZ]|[+-]\d{2}:\d{2}$/.test(value) && !Number.isNaN(iso.getTime()) ? iso : null;
  }
  const [year, month, day, hour = '0', minute = '0', second = '0'] = parts;
  const pad = (n: string) => n.padStart(2, '0');
  const date = new Date(`${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}+07:00`);
  if (Number.isNaN(date.getTime()) || Number(month) > 12 || Number(day) > 31) return null;
  return date;
}
