import { and, eq, sql } from 'drizzle-orm';
import type { Services } from '../../platform/services';
import { COUNTS, clickRange, fillDays, sumCounts } from './click-counts';
import { getMyEnrollment } from './my-enrollment';
import { clickStats } from './schema';

/** The partner's clicks per day in one program (optionally one link), last 30 days by default. */
export async function findMyClicks(
  services: Services,
  identityId: string,
  query: { enrollmentId: string; linkId?: string; from?: string; to?: string },
) {
  const { ctx, enrollment } = await getMyEnrollment(services, identityId, query.enrollmentId);
  const range = await clickRange(ctx, query);
  const rows = await services.db
    .select({ day: range.localDay, ...COUNTS })
    .from(clickStats)
    .where(
      and(
        range.within,
        eq(clickStats.enrollmentId, enrollment.id),
        query.linkId ? eq(clickStats.linkId, query.linkId) : undefined,
      ),
    )
    .groupBy(sql`1`);
  const days = fillDays(range.from, range.to, rows);
  return { from: range.from, to: range.to, days, totals: sumCounts(days) };
}
