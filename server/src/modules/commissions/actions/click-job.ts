import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../../platform/jobs/queue';
import type { Services } from '../../../platform/services';
import { computeClickCommissions } from './compute-clicks';
import { computeImpressionCommissions } from './compute-impressions';

/** How often the days that ended are paid for their clicks. */
export const CLICK_COMMISSIONS_EVERY_MS = 24 * 60 * 60_000;

const slotOf = (at: Date) => Math.floor(at.getTime() / CLICK_COMMISSIONS_EVERY_MS);

/**
 * The daily CPC and CPM run: books the next day's run (one job per slot, deduplicated by the slot,
 * so restarts never double it), then pays the closed days of every organisation with click or
 * impression rules.
 */
export function clickCommissionsJob(services: Services): JobDefinition<Record<string, never>> {
  const job: JobDefinition<Record<string, never>> = defineJob({
    name: 'commissions.click-commissions',
    version: 1,
    payload: z.object({}).strict() as z.ZodType<Record<string, never>>,
    maxAttempts: 3,
    handle: async () => {
      const next = slotOf(services.clock.now()) + 1;
      await services.jobs.enqueue(
        services.db,
        job,
        {},
        { dedupeKey: `slot:${next}`, runAt: new Date(next * CLICK_COMMISSIONS_EVERY_MS) },
      );
      await computeClickCommissions(services);
      await computeImpressionCommissions(services);
    },
  });
  return job;
}

/** Starts the daily CPC run when the server starts. */
export async function startComputingClickCommissions(
  services: Services,
  job = clickCommissionsJob(services),
) {
  await services.jobs.enqueue(services.db, job, {}, { dedupeKey: `slot:${slotOf(services.clock.now())}` });
}
