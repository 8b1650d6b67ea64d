import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { definePeriodicJob, type PeriodicJob, startPeriodicJob } from '../../platform/jobs/periodic';
import type { Services, TenantContext } from '../../platform/services';
import { reconcileLedger } from './ledger';
import { commissionLines } from './schema';

/**
 * Makes on-hold lines whose hold period has passed payable, with their ledger movements. Safe to
 * run any number of times: a released line is no longer on hold, and the ledger writes only what
 * is missing.
 */
export async function releaseHeldLines(services: Services, batchSize = 2000): Promise<number> {
  const now = services.clock.now();
  let released = 0;
  for (;;) {
    const due = await services.db
      .select({ orgId: commissionLines.orgId, id: commissionLines.id })
      .from(commissionLines)
      .where(and(eq(commissionLines.status, 'on_hold'), lte(commissionLines.holdUntil, now)))
      .orderBy(asc(commissionLines.holdUntil))
      .limit(batchSize);
    if (due.length === 0) return released;
    const byOrg = new Map<string, string[]>();
    for (const row of due) byOrg.set(row.orgId, [...(byOrg.get(row.orgId) ?? []), row.id]);
    for (const [orgId, ids] of byOrg) {
      const ctx: TenantContext = { orgId, services, actor: { type: 'system', label: 'Hold period ended' } };
      await services.db.transaction(async (tx) => {
        const lines = await tx
          .update(commissionLines)
          .set({ status: 'approved', updatedAt: now })
          .where(
            and(
              eq(commissionLines.orgId, orgId),
              inArray(commissionLines.id, ids),
              eq(commissionLines.status, 'on_hold'),
            ),
          )
          .returning();
        await reconcileLedger(ctx, tx, lines);
        released += lines.length;
      });
    }
    if (due.length < batchSize) return released;
  }
}

/** How often held lines are checked for release. */
export const RELEASE_EVERY_MS = 60 * 60_000;

/** The hourly release of held lines whose hold period is over. */
export function releaseHeldLinesJob(services: Services): PeriodicJob {
  return definePeriodicJob(services, {
    name: 'commissions.release',
    version: 1,
    everyMs: RELEASE_EVERY_MS,
    run: () => releaseHeldLines(services),
  });
}

/** Starts the hourly release when the server starts. */
export async function startReleasingHeldLines(services: Services, job = releaseHeldLinesJob(services)) {
  await startPeriodicJob(services, job);
}
