/** Calendar periods of volume tiers, in the organisation's time zone. */
import { localDayOf, startOfLocalDay } from '../../platform/local-days';

export type Period = 'month' | 'quarter';

/** The period containing `at`: [start, end) as instants, and a label ("2026-11", "2026-Q4"). */
export function periodOf(
  at: Date,
  period: Period,
  timeZone: string,
): { start: Date; end: Date; label: string } {
  const [year, month] = localDayOf(at, timeZone).split('-').map(Number) as [number, number];
  // local midnight on the first of a month (index 0–11, rolling into the next year)
  const firstOf = (monthIndex: number) =>
    startOfLocalDay(
      `${year + Math.floor(monthIndex / 12)}-${String((monthIndex % 12) + 1).padStart(2, '0')}-01`,
      timeZone,
    );
  if (period === 'month') {
    return {
      start: firstOf(month - 1),
      end: firstOf(month),
      label: `${year}-${String(month).padStart(2, '0')}`,
    };
  }
  const first = month - 1 - ((month - 1) % 3);
  return { start: firstOf(first), end: firstOf(first + 3), label: `${year}-Q${first / 3 + 1}` };
}
