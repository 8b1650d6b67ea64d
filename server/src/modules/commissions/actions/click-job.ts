import { z } from 'zod';
import type { Executor } from '../../../platform/db';
import { definePeriodicJob, type PeriodicJob, startPeriodicJob } from '../../../platform/jobs/periodic';
import { defineJob } from '../../../platform/jobs/queue';
import type { Services, TenantContext } from '../../../platform/services';
import { computeClickCommissions, computeClickCommissionsOfOrg } from './compute-clicks';
import { computeImpressionCommissions, computeImpressionCommissionsOfOrg } from './compute-impressions';

/** How often the days that ended are paid for their clicks. */
export const CLICK_COMMISSIONS_EVERY_MS = 24 * 60 * 60_000;

/**
 * The daily CPC and CPM run: pays the closed days of every organisation with click or impression
 * rules.
 */
export function clickCommissionsJob(services: Services): PeriodicJob {
  return definePeriodicJob(services, {
    name: 'commissions.click-commissions',
    version: 1,
    everyMs: CLICK_COMMISSIONS_EVERY_MS,
    run: async () => {
      await computeClickCommissions(services);
      await computeImpressionCommissions(services);
    },
  });
}

/** Starts the daily CPC run when the server starts. */
export async function startComputingClickCommissions(
  services: Services,
  job = clickCommissionsJob(services),
) {
  await startPeriodicJob(services, job);
}

/** The most days a plan fix settles back (about a year and a month). */
const MAX_SETTLE_DAYS = 400;

/**
 * Pays again the closed days of one organisation since a plan fix took effect, CPC and CPM: days
 * paid under the version before get correction lines (see `settleDay`). Idempotent.
 */
export function settleDailyActionsJob(services: Services) {
  return defineJob({
    name: 'commissions.settle-daily-actions',
    version: 1,
    payload: z.object({ orgId: z.string(), days: z.number().int().min(1).max(MAX_SETTLE_DAYS) }),
    handle: async ({ orgId, days }) => {
      const ctx: TenantContext = { orgId, services, actor: { type: 'system', label: 'Commission engine' } };
      await computeClickCommissionsOfOrg(ctx, days);
      await computeImpressionCommissionsOfOrg(ctx, days);
    },
  });
}

/** Asks, once the caller's change commits, for the closed days since `from` to be settled again. */
export async function requestDailyActionsSettlement(
  ctx: TenantContext,
  executor: Executor,
  from: Date,
): Promise<void> {
  const days = Math.ceil((ctx.services.clock.now().getTime() - from.getTime()) / 86_400_000) + 1;
  if (days < 2) return;
  await ctx.services.jobs.enqueue(
    executor,
    settleDailyActionsJob(ctx.services),
    { orgId: ctx.orgId, days: Math.min(days, MAX_SETTLE_DAYS) },
    { orgId: ctx.orgId },
  );
}
