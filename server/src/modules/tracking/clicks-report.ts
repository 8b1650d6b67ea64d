import { and, desc, eq, sql } from 'drizzle-orm';
import type { TenantContext } from '../../platform/services';
import { identities } from '../auth';
import { enrollments, partners } from '../partners';
import { COUNTS, type Counts, clickRange, fillDays, sumCounts } from './click-counts';
import { clickStats, links } from './schema';
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
  return {
    groupBy: query.groupBy,
    from: range.from,
    to: range.to,
    rows,
    totals: totals ?? sumCounts([]),
    devices,
  };
}
