import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestEnv } from '../../../../test/harness';
import { defineJob } from './queue';
import { jobs } from './schema';

const env = await createTestEnv();

describe('job queue', () => {
  it('runs a job once per dedupe key, with a validated payload', async () => {
    const seen: string[] = [];
    const job = defineJob({
      name: 'test.record',
      version: 1,
      payload: z.object({ value: z.string() }),
      handle: async ({ value }) => {
        seen.push(value);
      },
    });
    env.services.jobs.register(job);
    await env.services.jobs.enqueue(env.services.db, job, { value: 'a' }, { dedupeKey: 'k1' });
    await env.services.jobs.enqueue(env.services.db, job, { value: 'a again' }, { dedupeKey: 'k1' });
    await env.services.jobs.enqueue(env.services.db, job, { value: 'b' });
    await env.services.jobs.drain();
    expect(seen.sort()).toEqual(['a', 'b']);
    await expect(env.services.jobs.enqueue(env.services.db, job, { value: 1 } as never)).rejects.toThrow();
  });

  it('retries a failing job with backoff, then gives up and keeps the error', async () => {
    let attempts = 0;
    const job = defineJob({
      name: 'test.flaky',
      version: 1,
      maxAttempts: 3,
      payload: z.object({}),
      handle: async () => {
        attempts++;
        throw new Error(`boom ${attempts}`);
      },
    });
    env.services.jobs.register(job);
    await env.services.jobs.enqueue(env.services.db, job, {}, { dedupeKey: 'flaky' });
    await env.services.jobs.drain();
    expect(attempts).toBe(1);
    for (let i = 0; i < 3; i++) {
      env.clock.advance(10 * 60_000);
      await env.services.jobs.drain();
    }
    expect(attempts).toBe(3);
    const [row] = await env.services.db.select().from(jobs).where(eq(jobs.dedupeKey, 'flaky'));
    expect(row?.status).toBe('failed');
    expect(row?.lastError).toBe('boom 3');
  });

  it('does not run a job scheduled for later until its time', async () => {
    let ran = false;
    const job = defineJob({
      name: 'test.later',
      version: 1,
      payload: z.object({}),
      handle: async () => {
        ran = true;
      },
    });
    env.services.jobs.register(job);
    await env.services.jobs.enqueue(
      env.services.db,
      job,
      {},
      { runAt: new Date(env.clock.now().getTime() + 3_600_000) },
    );
    await env.services.jobs.drain();
    expect(ran).toBe(false);
    env.clock.advance(3_600_000);
    await env.services.jobs.drain();
    expect(ran).toBe(true);
  });

  it('enqueues inside a transaction only if it commits', async () => {
    const job = defineJob({
      name: 'test.tx',
      version: 1,
      payload: z.object({}),
      handle: async () => undefined,
    });
    env.services.jobs.register(job);
    await expect(
      env.services.db.transaction(async (tx) => {
        await env.services.jobs.enqueue(tx, job, {}, { dedupeKey: 'rolled-back' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const rows = await env.services.db.select().from(jobs).where(eq(jobs.dedupeKey, 'rolled-back'));
    expect(rows).toHaveLength(0);
  });
});
