import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestEnv } from '../../../../test/harness';
import { definePeriodicJob, startPeriodicJob } from './periodic';
import { jobs } from './schema';

const env = await createTestEnv();
const HOUR = 60 * 60_000;

describe('periodic jobs', () => {
  it('runs once per slot however often it is started, and books each next slot once', async () => {
    const runs: string[] = [];
    const job = definePeriodicJob(env.services, {
      name: 'test.hourly',
      version: 1,
      everyMs: HOUR,
      run: async () => {
        runs.push(env.services.clock.now().toISOString());
      },
    });
    env.services.jobs.register(job);
    // the harness clock stands at 03:00 UTC: two servers starting in the same hour make one run
    env.clock.advance(10 * 60_000);
    await startPeriodicJob(env.services, job);
    await startPeriodicJob(env.services, job);
    await env.services.jobs.drain();
    expect(runs).toEqual(['2026-11-02T03:10:00.000Z']);

    // the next run waits for the next hour, then books the one after
    env.clock.advance(40 * 60_000);
    await env.services.jobs.drain();
    expect(runs).toHaveLength(1);
    env.clock.advance(10 * 60_000);
    await env.services.jobs.drain();
    expect(runs).toEqual(['2026-11-02T03:10:00.000Z', '2026-11-02T04:00:00.000Z']);
    // a restart within the hour adds nothing
    await startPeriodicJob(env.services, job);
    await env.services.jobs.drain();
    expect(runs).toHaveLength(2);

    const booked = await env.services.db
      .select({ dedupeKey: jobs.dedupeKey, status: jobs.status, runAt: jobs.runAt })
      .from(jobs)
      .where(eq(jobs.name, 'test.hourly'))
      .orderBy(asc(jobs.runAt));
    const slot = (at: string) => `slot:${Date.parse(at) / HOUR}`;
    expect(booked).toEqual([
      { dedupeKey: slot('2026-11-02T03:00:00Z'), status: 'done', runAt: expect.any(Date) },
      { dedupeKey: slot('2026-11-02T04:00:00Z'), status: 'done', runAt: new Date('2026-11-02T04:00:00Z') },
      { dedupeKey: slot('2026-11-02T05:00:00Z'), status: 'queued', runAt: new Date('2026-11-02T05:00:00Z') },
    ]);
  });
});
