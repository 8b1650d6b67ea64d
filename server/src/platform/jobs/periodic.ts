import { z } from 'zod';
import type { Services } from '../services';
import { defineJob, type JobDefinition } from './queue';

type NoPayload = Record<string, never>;

/** A job that runs once per slot of `everyMs`; slots count from the epoch, so every server agrees. */
export type PeriodicJob = JobDefinition<NoPayload> & { everyMs: number };

const slotOf = (everyMs: number, at: Date) => Math.floor(at.getTime() / everyMs);

/**
 * A job that keeps itself going: each run first books the next slot's run (deduplicated by the
 * slot, so restarts, retries and several servers never double it), then does its work.
 */
export function definePeriodicJob(
  services: Services,
  options: {
    name: string;
    version: number;
    everyMs: number;
    maxAttempts?: number;
    run: () => Promise<unknown>;
  },
): PeriodicJob {
  const job: PeriodicJob = {
    ...defineJob<NoPayload>({
      name: options.name,
      version: options.version,
      payload: z.object({}).strict() as z.ZodType<NoPayload>,
      maxAttempts: options.maxAttempts ?? 3,
      handle: async () => {
        const next = slotOf(options.everyMs, services.clock.now()) + 1;
        await services.jobs.enqueue(
          services.db,
          job,
          {},
          { dedupeKey: `slot:${next}`, runAt: new Date(next * options.everyMs) },
        );
        await options.run();
      },
    }),
    everyMs: options.everyMs,
  };
  return job;
}

/**
 * Starts a periodic job when the server starts: a run in the current slot (once per slot, however
 * many servers start), which then keeps booking the next one. Call once the job is registered.
 */
export async function startPeriodicJob(services: Services, job: PeriodicJob): Promise<void> {
  await services.jobs.enqueue(
    services.db,
    job,
    {},
    { dedupeKey: `slot:${slotOf(job.everyMs, services.clock.now())}` },
  );
}
