import { minorUnits } from '../../../platform/money';

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * Money as a statement shows it: VND "2.450.000 ₫" (dot thousands, no decimals), THB
 * "฿1,234.50", any other currency its ISO code and the amount ("USD 1,234.50").
 */
export function formatStatementMoney(amountMinor: bigint, currency: string): string {
  const digits = minorUnits(currency);
  const sign = amountMinor < 0n ? '-' : '';
  const magnitude = (amountMinor < 0n ? -amountMinor : amountMinor).toString().padStart(digits + 1, '0');
  const whole = digits === 0 ? magnitude : magnitude.slice(0, -digits);
  const fraction = digits === 0 ? '' : magnitude.slice(-digits);
  if (currency === 'VND') return `${sign}${groupThousands(whole, '.')} ₫`;
  const amount = `${groupThousands(whole, ',')}${fraction ? `.${fraction}` : ''}`;
  if (currency === 'THB') return `${sign}฿${amount}`;
  return `${currency} ${sign}${amount}`;
}

/** A calendar date "YYYY-MM-DD" as the locale writes it: dd/mm/yyyy in Vietnamese and Thai, ISO in English. */
export function formatStatementDate(date: string, locale: 'vi' | 'en' | 'th'): string {
  if (locale === 'en') return date;
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** A moment as "dd/mm/yyyy HH:mm" (ISO order in English) in the given time zone. */
export function formatStatementTime(moment: Date, locale: 'vi' | 'en' | 'th', timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(moment)
      .map((part) => [part.type, part.value]),
  );
  const date = formatStatementDate(`${parts.year}-${parts.month}-${parts.day}`, locale);
  return `${date} ${parts.hour}:${parts.minute}`;
}
