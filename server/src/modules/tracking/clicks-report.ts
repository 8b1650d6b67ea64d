import { and, desc, eq, sql } from 'drizzle-orm';
import type { TenantContext } from '../../platform/services';
import { identities } from '../auth';
import { enrollments, partners } from '../partners';
import { COUNTS, type Counts, clickRange, fillDays, sumCounts } from './click-counts';
import { clickStats, impressionStats, links } from './schema';
import type { ClicksReportQuery } from './schemas';

const TOP = 200;

/** Clicks of the organisation by day, partner or link (the 200 busiest), with device shares. */
export async function getClicksReport(ctx: TenantContext, query: ClicksReportQuery) {
  const { db } = ctx.services;
  const range = await clickRange(ctx, query);
  const where = and(range.within, query.programId ? eq(clickStats.programId, query.programId) : undefined);
  let rows: (Counts & { key: string; label: string })[];
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
  } else if (query.groupBy === 'partner') {
    const grouped = await db
      .select({
        key: clickStats.enrollmentId,
        name: sql<string>`min(${identities.fullName})`,
        code: sql<string>`min(${enrollments.referralCode})`,
        ...COUNTS,
      })
      .from(clickStats)
      .innerJoin(
        enrollments,
        and(eq(enrollments.orgId, clickStats.orgId), eq(enrollments.id, clickStats.enrollmentId)),
      )
      .innerJoin(partners, eq(partners.id, enrollments.partnerId))
      .innerJoin(identities, eq(identities.id, partners.identityId))
      .where(where)
      .groupBy(clickStats.enrollmentId)
      .orderBy(desc(COUNTS.total))
      .limit(TOP);
    rows = grouped.map(({ name, code, ...row }) => ({ ...row, label: `${name} (${code})` }));
  } else {
    const grouped = await db
      .select({
        key: clickStats.linkId,
        code: sql<string>`min(${links.code})`,
        title: sql<string>`min(${links.title})`,
        ...COUNTS,
      })
      .from(clickStats)
      .innerJoin(links, and(eq(links.orgId, clickStats.orgId), eq(links.id, clickStats.linkId)))
      .where(where)
      .groupBy(clickStats.linkId)
      .orderBy(desc(COUNTS.total))
      .limit(TOP);
    rows = grouped.map(({ code, title, ...row }) => ({ ...row, label: title ? `${title} (${code})` : code }));
  }
  const devices = await db
    .select({ deviceType: clickStats.deviceType, total: COUNTS.total })
    .from(clickStats)
    .where(where)
    .groupBy(clickStats.deviceType)
    .orderBy(desc(COUNTS.total));
  const [totals] = await db.select(COUNTS).from(clickStats).where(where);
  const impressions = await impressionsBy(ctx, range, query);
  return {
    groupBy: query.groupBy,
    from: range.from,
    to: range.to,
    rows: rows.map((row) => ({ ...row, impressions: impressions.get(row.key) ?? 0 })),
    totals: {
      ...(totals ?? sumCounts([])),
      impressions: [...impressions.values()].reduce((a, b) => a + b, 0),
    },
    devices,
  };
}

/** Impressions (bots left out) in the same range, per day, partner or link. */
async function impressionsBy(
  ctx: TenantContext,
  range: { from: string; to: string; timeZone: string },
  query: ClicksReportQuery,
): Promise<Map<string, number>> {
  const key =
    query.groupBy === 'day'
      ? sql<string>`to_char(${impressionStats.hour} at time zone ${range.timeZone}, 'YYYY-MM-DD')`
      : query.groupBy === 'partner'
        ? sql<string>`${impressionStats.enrollmentId}`
        : sql<string>`${impressionStats.linkId}`;
  const rows = await ctx.services.db
    .select({ key, impressions: sql<string>`sum(${impressionStats.impressions})::text` })
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
