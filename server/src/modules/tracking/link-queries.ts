import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { TenantContext } from '../../platform/services';
import { generateLinkCode } from './link-code';
import { clickStats, links, type SubIds, type UtmTags } from './schema';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Clicks of the last 30 days per link, for the link lists. */
export async function recentClickCounts(ctx: TenantContext, executor: Executor, linkIds: string[]) {
  if (linkIds.length === 0) return new Map<string, number>();
  // from the start of the hour 30 days ago: the roll-up counts whole hours
  const since = new Date(Math.floor((ctx.services.clock.now().getTime() - 30 * DAY) / HOUR) * HOUR);
  const rows = await executor
    .select({ linkId: clickStats.linkId, count: sql<number>`sum(${clickStats.clicks})::int` })
    .from(clickStats)
    .where(
      and(eq(clickStats.orgId, ctx.orgId), inArray(clickStats.linkId, linkIds), gte(clickStats.hour, since)),
    )
    .groupBy(clickStats.linkId);
  return new Map(rows.map((row) => [row.linkId, row.count]));
}

export type LinkInsert = {
  programId: string;
  enrollmentId: string;
  destinationUrl: string;
  productId?: string | null;
  title?: string;
  subIds?: SubIds;
  utm?: UtmTags;
};

/** Inserts a link with a fresh random code, drawing again when the code is taken. */
export async function insertLink(ctx: TenantContext, executor: Executor, input: LinkInsert) {
  const now = ctx.services.clock.now();
  for (let attempt = 0; attempt < 8; attempt++) {
    const [link] = await executor
      .insert(links)
      .values({
        orgId: ctx.orgId,
        id: newId('link', now.getTime()),
        programId: input.programId,
        enrollmentId: input.enrollmentId,
        code: generateLinkCode(),
        destinationUrl: input.destinationUrl,
        productId: input.productId ?? null,
        title: input.title ?? '',
        subIds: input.subIds ?? {},
        utm: input.utm ?? {},
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (link) return link;
  }
  throw new AppError('unavailable', 'Could not find a free link code; try again');
}
