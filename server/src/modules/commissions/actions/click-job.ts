import { definePeriodicJob, type PeriodicJob, startPeriodicJob } from '../../../platform/jobs/periodic';
import type { Services } from '../../../platform/services';
import { computeClickCommissions } from './compute-clicks';
import { computeImpressionCommissions } from './compute-impressions';

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
