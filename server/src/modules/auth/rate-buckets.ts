import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { rateLimitBuckets } from '../../platform/http/schema';

export type Bucket = { count: number; resetAt: Date };

/**
 * Counts one event in a fixed window kept in the database, so that the limit holds across
 * processes. A window that has ended starts again at 1.
 */
export async function hitBucket(
  executor: Executor,
  key: string,
  now: Date,
  windowMs: number,
): Promise<Bucket> {
  const nowText = now.toISOString();
  const resetAt = new Date(now.getTime() + windowMs);
  const [row] = await executor
    .insert(rateLimitBuckets)
    .values({ key, count: 1, resetAt })
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: {
        count: sql`case when ${rateLimitBuckets.resetAt} <= ${nowText}::timestamptz then 1 else ${rateLimitBuckets.count} + 1 end`,
        resetAt: sql`case when ${rateLimitBuckets.resetAt} <= ${nowText}::timestamptz then ${resetAt.toISOString()}::timestamptz else ${rateLimitBuckets.resetAt} end`,
      },
    })
    .returning({ count: rateLimitBuckets.count, resetAt: rateLimitBuckets.resetAt });
  return row!;
}

/** The bucket's current window, or undefined when it has none running. */
export async function readBucket(executor: Executor, key: string, now: Date): Promise<Bucket | undefined> {
  const [row] = await executor
    .select({ count: rateLimitBuckets.count, resetAt: rateLimitBuckets.resetAt })
    .from(rateLimitBuckets)
    .where(eq(rateLimitBuckets.key, key));
  return row && row.resetAt.getTime() > now.getTime() ? row : undefined;
}
