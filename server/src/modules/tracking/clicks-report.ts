import { and, desc, eq, sql } from 'drizzle-orm';
import type { TenantContext } from '../../platform/services';
import { COUNTS, type Counts, clickRange, fillDays, sumCounts } from './click-counts';
import { clickStats, impressionStats } from './schema';
import type { ClicksReportQuery } from './schemas';

const TOP = 200;

/** Clicks of the organisation by day, partner or link (the 200 busiest), with device shares. */
export async function getClicksReport(ctx: TenantContext, query: ClicksReportQuery) {
  const { db } = ctx.services;
  const range = await clickRange(ctx, query);
  const where = and(range.within, query.programId ? eq(clickStats.programId, query.programId) : undefined);
  let rows: (Counts & { key: string; label: string; impressions?: number })[];
  if (query.groupBy === 'day') {
    const byDay = await db
      .select({ day: range.localDay, ...COUNTS })
      .from(clickStats)
      .where(where)
      .groupBy(sql`1`);
    rows = fillDays(range.from, range.to, byDay).map(({ day, ...counts }) => ({
      key: day,
      label: day,
      ...counts,
    }));
  } else {
    rows = await groupedCounts(ctx, range, query.programId, query.groupBy);
  }
  const devices = await db
    .select({ deviceType: clickStats.deviceType, total: COUNTS.total })
    .from(clickStats)
    .where(where)
    .groupBy(clickStats.deviceType)
    .orderBy(desc(COUNTS.total));
  const [totals] = await db.select(COUNTS).from(clickStats).where(where);
  // per day for the day rows (partner and link rows carry theirs), else only the total
  const impressions = await impressionsBy(ctx, range, query, query.groupBy === 'day');
  return {
    groupBy: query.groupBy,
    from: range.from,
    to: range.to,
    rows: rows.map((row) => ({ ...row, impressions: row.impressions ?? impressions.get(row.key) ?? 0 })),
    totals: {
      ...(totals ?? sumCounts([])),
      impressions: [...impressions.values()].reduce((a, b) => a + b, 0),
    },
    devices,
  };
}

type Grouped = Counts & {
  key: string;
  name: string;
  code: string;
  title: string | null;
  impressions: number;
};

/**
 * The 200 busiest partners or links of the range: clicks and impressions from their roll-ups side
 * by side, so a banner that was seen but not yet clicked has its row too.
 */
async function groupedCounts(
  ctx: TenantContext,
  range: { from: string; to: string; timeZone: string },
  programId: string | undefined,
  groupBy: 'partner' | 'link',
) {
  const key = groupBy === 'partner' ? 'enrollment_id' : 'link_id';
  const within = (table: string) =>
    `${table}.org_id = $1
     and ${table}.hour >= ($2::date::timestamp at time zone $4)
     and ${table}.hour < (($3::date + 1)::timestamp at time zone $4)
     and ($5::text is null or ${table}.program_id = $5)`;
  const names =
    groupBy === 'partner'
      ? `select n.full_name as name, e.referral_code as code, null::text as title
           from enrollments e join partners p on p.id = e.partner_id join identities n on n.id = p.identity_id
          where e.org_id = $1 and e.id = g.key`
      : `select l.code, l.code as name, l.title from links l where l.org_id = $1 and l.id = g.key`;
  const rows = await ctx.services.database.query<Grouped>(
    `with c as (
       select s.${key} as key, sum(s.clicks)::int as total, sum(s.unique_clicks)::int as "unique",
              sum(s.bot_clicks)::int as bots
         from click_stats s where ${within('s')} group by 1
     ), i as (
       select s.${key} as key, sum(s.impressions)::int as impressions
         from impression_stats s where ${within('s')} group by 1
     ), g as (
       select coalesce(c.key, i.key) as key, coalesce(c.total, 0) as total, coalesce(c."unique", 0) as "unique",
              coalesce(c.bots, 0) as bots, coalesce(i.impressions, 0) as impressions
         from c full join i on i.key = c.key
        order by 2 desc, 5 desc, 1
        limit $6
     )
     select g.*, x.name, x.code, x.title from g cross join lateral (${names}) x
      order by g.total desc, g.impressions desc, g.key`,
    [ctx.orgId, range.from, range.to, range.timeZone, programId ?? null, TOP],
  );
  return rows.map(({ name, code, title, ...row }) => ({
    ...row,
    label: groupBy === 'partner' ? `${name} (${code})` : title ? `${title} (${code})` : code,
  }));
}

/** Impressions (bots left out) in the same range, per day or in all (under the key ''). */
async function impressionsBy(
  ctx: TenantContext,
  range: { from: string; to: string; timeZone: string },
  query: ClicksReportQuery,
  perDay: boolean,
): Promise<Map<string, number>> {
  const key = perDay
    ? sql<string>`to_char(${impressionStats.hour} at time zone ${range.timeZone}, 'YYYY-MM-DD')`
    : sql<string>`''`;
  const rows = await ctx.services.db
    .select({ key, impressions: sql<string>`coalesce(sum(${impressionStats.impressions}), 0)::text` })
    .from(impressionStats)
    .where(
      and(
        eq(impressionStats.orgId, ctx.orgId),
        sql`${impressionStats.hour} >= (${range.from}::date::timestamp at time zone ${range.timeZone})`,
        sql`${impressionStats.hour} < ((${range.to}::date + 1)::timestamp at time zone ${range.timeZone})`,
        query.programId ? eq(impressionStats.programId, query.programId) : undefined,
      ),
    )
    .groupBy(sql`1`);
  return new Map(rows.map((row) => [row.key, Number(row.impressions)]));
}
