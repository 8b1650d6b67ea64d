/** Locale-aware formatting with Intl; money is built from integer minor units, never floats. */

const INTL_LOCALES: Record<string, string> = { vi: 'vi-VN', en: 'en-GB', th: 'th-TH' };

export function intlLocale(locale: string): string {
  return INTL_LOCALES[locale] ?? locale;
}

/** Digits after the decimal point for a currency (VND 0, THB 2), from the ISO 4217 data in Intl. */
export function currencyDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/**
 * Formats an amount held as integer minor units (e.g. satang, đồng). The decimal string is built
 * from the bigint and handed to Intl as an exact decimal, so no value is ever rounded by a float.
 */
export function formatMoney(amountMinor: bigint | string, currency: string, locale = 'vi'): string {
  const minor = typeof amountMinor === 'bigint' ? amountMinor : BigInt(amountMinor);
  const digits = currencyDigits(currency);
  const negative = minor < 0n;
  const absolute = (negative ? -minor : minor).toString();
  let decimal: string;
  if (digits === 0) {
    decimal = absolute;
  } else {
    const padded = absolute.padStart(digits + 1, '0');
    decimal = `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
  }
  const formatter = new Intl.NumberFormat(intlLocale(locale), {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // Intl.NumberFormat accepts exact decimal strings (ES2023); the cast only satisfies older lib types.
  return formatter.format(`${negative ? '-' : ''}${decimal}` as unknown as number);
}

export function formatNumber(value: number | bigint, locale = 'vi'): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}

/** A month (YYYY-MM) by name in a locale: "tháng 11 năm 2026", "November 2026", "พฤศจิกายน 2569". */
export function formatMonth(yearMonth: string, locale: string): string {
  const [year, month] = yearMonth.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(intlLocale(locale), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, 15)));
}

/**
 * A commission period's label ("2026-11", "2026-Q4") as people say it: "Tháng 11 năm 2026",
 * "November 2026", "พฤศจิกายน 2569"; a quarter as its number and year for `quarter` to place.
 * Any other label is shown as it is.
 */
export function formatPeriod(
  label: string,
  locale: string,
  quarter: (parts: { quarter: number; year: string }) => string,
): string {
  if (/^\d{4}-\d{2}$/.test(label)) {
    const text = formatMonth(label, locale);
    return text.charAt(0).toLocaleUpperCase(intlLocale(locale)) + text.slice(1);
  }
  const quarterOf = /^(\d{4})-Q([1-4])$/.exec(label);
  if (quarterOf) {
    const year = new Intl.DateTimeFormat(intlLocale(locale), { year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(Number(quarterOf[1]), 6, 1)),
    );
    return quarter({ quarter: Number(quarterOf[2]), year });
  }
  return label;
}

export type DateOptions = { locale?: string; timeZone?: string; withTime?: boolean };

/** A date (and by default its time) in the organisation's time zone. */
export function formatDate(value: string | Date | null | undefined, options: DateOptions = {}): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(intlLocale(options.locale ?? 'vi'), {
    dateStyle: 'medium',
    ...(options.withTime === false ? {} : { timeStyle: 'short' }),
    timeZone: options.timeZone ?? 'Asia/Ho_Chi_Minh',
  }).format(date);
}

function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone: "today" for the organisation. */
export function zonedDay(timeZone: string, at: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/**
 * The instant a calendar day (YYYY-MM-DD) starts — or, with `endOfDay`, the instant the next day
 * starts — in a time zone: what "from/to this day" means for an organisation in Asia/Bangkok.
 */
export function startOfZonedDay(day: string, timeZone: string, endOfDay = false): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(year, month - 1, date + (endOfDay ? 1 : 0));
  const first = guess - zoneOffsetMs(guess, timeZone);
  return new Date(guess - zoneOffsetMs(first, timeZone));
}
