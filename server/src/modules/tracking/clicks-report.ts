import { and, desc, eq, sql } from 'drizzle-orm';
import type { TenantContext } from '../../platform/services';
import { identities } from '../auth';
import { enrollments, partners } from '../partners';
import { COUNTS, type Counts, clickRange, fillDays, sumCounts } from './click-counts';
import { clicks, links } from './schema';
import type { ClicksReportQuery } from './schemas';

const TOP = 200;

/** Clicks of the organisation by day, partner or link (the 200 busiest), with device shares. */
export async function getClicksReport(ctx: TenantContext, query: ClicksReportQuery) {
  const { db } = ctx.services;
  const range = await clickRange(ctx, query);
  const where = and(range.within, query.programId ? eq(clicks.programId, query.programId) : undefined);
  let rows: (Counts & { key: string; label: string })[];
  if (query.groupBy === 'day') {
    const byDay = await db
      .select({ day: range.localDay, ...COUNTS })
      .from(clicks)
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
        key: clicks.enrollmentId,
        name: sql<string>`min(${identities.fullName})`,
        code: sql<string>`min(${enrollments.referralCode})`,
        ...COUNTS,
      })
      .from(clicks)
      .innerJoin(
        enrollments,
        and(eq(enrollments.orgId, clicks.orgId), eq(enrollments.id, clicks.enrollmentId)),
      )
      .innerJoin(partners, eq(partners.id, enrollments.partnerId))
      .innerJoin(identities, eq(identities.id, partners.identityId))
      .where(where)
      .groupBy(clicks.enrollmentId)
      .orderBy(desc(COUNTS.total))
      .limit(TOP);
    rows = grouped.map(({ name, code, ...row }) => ({ ...row, label: `${name} (${code})` }));
  } else {
    const grouped = await db
      .select({
        key: clicks.linkId,
        code: sql<string>`min(${links.code})`,
        title: sql<string>`min(${links.title})`,
        ...COUNTS,
      })
      .from(clicks)
      .innerJoin(links, and(eq(links.orgId, clicks.orgId), eq(links.id, clicks.linkId)))
      .where(where)
      .groupBy(clicks.linkId)
      .orderBy(desc(COUNTS.total))
      .limit(TOP);
    rows = grouped.map(({ code, title, ...row }) => ({ ...row, label: title ? `${title} (${code})` : code }));
  }
  const devices = await db
    .select({ deviceType: clicks.deviceType, total: COUNTS.total })
    .from(clicks)
    .where(where)
    .groupBy(clicks.deviceType)
    .orderBy(desc(COUNTS.total));
  const [totals] = await db.select(COUNTS).from(clicks).where(where);
  return {
    groupBy: query.groupBy,
    from: range.from,
    to: range.to,
    rows,
    totals: totals ?? sumCounts([]),
    devices,
  };
}
