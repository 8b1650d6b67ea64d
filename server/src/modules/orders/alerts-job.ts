import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../platform/jobs/queue';
import type { Services } from '../../platform/services';
import { sweepOrderAlerts } from './alerts-sweep';

/** How often order alerts are checked. */
export const ORDER_ALERTS_EVERY_MS = 15 * 60_000;

const sweepPayload = z.object({}).strict();
type SweepPayload = z.infer<typeof sweepPayload>;

/** The slot a time falls in: the job runs once per slot, whoever enqueues it. */
const slotOf = (at: Date) => Math.floor(at.getTime() / ORDER_ALERTS_EVERY_MS);

/**
 * The periodic order-alerts sweep. Each run first books the next one (one job per 15-minute slot,
 * deduplicated by the slot, so restarts and retries never double it), then sweeps.
 */
export function orderAlertsJob(services: Services): JobDefinition<SweepPayload> {
  const job: JobDefinition<SweepPayload> = defineJob({
    name: 'orders.alerts_sweep',
    version: 1,
    payload: sweepPayload,
    maxAttempts: 3,
    handle: async () => {
      const next = slotOf(services.clock.now()) + 1;
      await services.jobs.enqueue(
        services.db,
        job,
        {},
        { dedupeKey: `slot:${next}`, runAt: new Date(next * ORDER_ALERTS_EVERY_MS) },
      );
      await sweepOrderAlerts(services);
    },
  });
  return job;
}

/**
 * Starts the alert sweeps when the server starts: a run now (once per slot), which then keeps
 * booking the next one. Call after the database is migrated and the job is registered.
 */
export async function startOrderAlerts(services: Services, job = orderAlertsJob(services)) {
  await services.jobs.enqueue(services.db, job, {}, { dedupeKey: `slot:${slotOf(services.clock.now())}` });
}
