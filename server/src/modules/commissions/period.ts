/** Calendar periods of volume tiers, in the organisation's time zone. */

export type Period = 'month' | 'quarter';

/** Offset of a time zone from UTC at an instant, in milliseconds (Asia/Ho_Chi_Minh: +7 h). */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const local = Date.UTC(
    value('year'),
    value('month') - 1,
    value('day'),
    value('hour'),
    value('minute'),
    value('second'),
  );
  return local - Math.floor(instant / 1000) * 1000;
}

/** The instant of local midnight on a calendar day in a time zone. */
function localMidnight(year: number, monthIndex: number, timeZone: string): Date {
  const guess = Date.UTC(year, monthIndex, 1);
  const first = guess - zoneOffset(guess, timeZone);
  return new Date(guess - zoneOffset(first, timeZone));
}

/** The period containing `at`: [start, end) as instants, and a label ("2026-11", "2026-Q4"). */
export function periodOf(
  at: Date,
  period: Period,
  timeZone: string,
): { start: Date; end: Date; label: string } {
  const local = new Date(at.getTime() + zoneOffset(at.getTime(), timeZone));
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth();
  if (period === 'month') {
    return {
      start: localMidnight(year, month, timeZone),
      end: localMidnight(month === 11 ? year + 1 : year, (month + 1) % 12, timeZone),
      label: `${year}-${String(month + 1).padStart(2, '0')}`,
    };
  }
  const first = month - (month % 3);
  return {
    start: localMidnight(year, first, timeZone),
    end: localMidnight(first === 9 ? year + 1 : year, (first + 3) % 12, timeZone),
    label: `${year}-Q${first / 3 + 1}`,
  };
}
