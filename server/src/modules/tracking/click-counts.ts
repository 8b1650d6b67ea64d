import { and, eq, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors';
import { addDays, localDayOf } from '../../platform/local-days';
import type { TenantContext } from '../../platform/services';
import { orgs } from '../orgs';
import { clickStats } from './schema';

const DAY = 86_400_000;

/** Total, unique (bots never count as unique) and bot clicks, summed from the hourly roll-up. */
export const COUNTS = {
  total: sql<number>`coalesce(sum(${clickStats.clicks}), 0)::int`,
  unique: sql<number>`coalesce(sum(${clickStats.uniqueClicks}), 0)::int`,
  bots: sql<number>`coalesce(sum(${clickStats.botClicks}), 0)::int`,
};

export type Counts = { total: number; unique: number; bots: number };

/**
 * A date range in the organisation's time zone (last 30 days by default, at most 366 days), and the
 * SQL that keeps the hourly roll-up inside it and names each hour's day.
 */
export async function clickRange(ctx: TenantContext, range: { from?: string; to?: string }) {
  const [org] = await ctx.services.db
    .select({ timeZone: orgs.timeZone })
    .from(orgs)
    .where(eq(orgs.id, ctx.orgId));
  const timeZone = org?.timeZone ?? 'UTC';
  const to = range.to ?? localDayOf(ctx.services.clock.now(), timeZone);
  const from = range.from ?? addDays(to, -29);
  const span = (Date.parse(to) - Date.parse(from)) / DAY;
  if (Number.isNaN(span) || span < 0 || span > 365)
    throw new AppError('validation_failed', 'Choose a range of 1 to 366 days, from before to', {
      details: [{ path: 'query.from', message: 'From must be on or before to, at most 366 days apart' }],
    });
  const localDay = sql<string>`to_char(${clickStats.hour} at time zone ${timeZone}, 'YYYY-MM-DD')`;
  const within = and(
    eq(clickStats.orgId, ctx.orgId),
    sql`${clickStats.hour} >= (${from}::date::timestamp at time zone ${timeZone})`,
    sql`${clickStats.hour} < ((${to}::date + 1)::timestamp at time zone ${timeZone})`,
  ) as SQL;
  return { from, to, timeZone, localDay, within };
}

/** Every day of a range with its counts, zero where there were no clicks. */
export function fillDays(from: string, to: string, rows: (Counts & { day: string })[]) {
  const byDay = new Map(rows.map((row) => [row.day, row]));
  const days: (Counts & { day: string })[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const row = byDay.get(day);
    days.push({ day, total: row?.total ?? 0, unique: row?.unique ?? 0, bots: row?.bots ?? 0 });
  }
  return days;
}

export function sumCounts(rows: Counts[]): Counts {
  return rows.reduce(
    (sum, row) => ({
      total: sum.total + row.total,
      unique: sum.unique + row.unique,
      bots: sum.bots + row.bots,
    }),
    { total: 0, unique: 0, bots: 0 },
  );
}
