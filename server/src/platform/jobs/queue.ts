import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../clock';
import type { Database, Executor } from '../db';
import { newId } from '../ids';
import type { Logger } from '../logger';
import { jobs } from './schema';

/**
 * A job: a name, a version (bump it when the payload changes shape), a zod payload schema and an
 * idempotent handler (it may run more than once for one job if a worker dies mid-way).
 */
export type JobDefinition<Payload> = {
  name: string;
  version: number;
  payload: z.ZodType<Payload>;
  maxAttempts?: number;
  handle: (payload: Payload, job: { id: string; attempt: number }) => Promise<void>;
};

export function defineJob<Payload>(definition: JobDefinition<Payload>): JobDefinition<Payload> {
  return definition;
}

export type EnqueueOptions = { orgId?: string | null; dedupeKey?: string; runAt?: Date };

const LOCK_MS = 5 * 60_000;

export class JobQueue {
  private readonly definitions = new Map<string, JobDefinition<unknown>>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = true;

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  register<Payload>(definition: JobDefinition<Payload>): void {
    this.definitions.set(definition.name, definition as JobDefinition<unknown>);
  }

  /** Adds a job inside the caller's transaction, so it exists only if the change it follows commits. */
  async enqueue<Payload>(
    executor: Executor,
    definition: JobDefinition<Payload>,
    payload: Payload,
    options: EnqueueOptions = {},
  ): Promise<void> {
    const parsed = definition.payload.parse(payload);
    await executor
      .insert(jobs)
      .values({
        id: newId('job'),
        orgId: options.orgId ?? null,
        name: definition.name,
        version: definition.version,
        payload: parsed as object,
        dedupeKey: options.dedupeKey ?? null,
        maxAttempts: definition.maxAttempts ?? 5,
        runAt: options.runAt ?? this.clock.now(),
      })
      .onConflictDoNothing();
    this.kick();
  }

  /** Runs every due job now and returns how many ran; tests call it to run the queue to the end. */
  async drain(maxRounds = 20): Promise<number> {
    let total = 0;
    for (let round = 0; round < maxRounds; round++) {
      const ran = await this.runDue();
      total += ran;
      if (ran === 0) break;
    }
    return total;
  }

  start(intervalMs = 1000): void {
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      try {
        await this.runDue();
      } catch (error) {
        this.log.error({ err: error }, 'job poll failed');
      }
      if (!this.stopped) this.timer = setTimeout(tick, intervalMs);
    };
    this.timer = setTimeout(tick, 10);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private kick(): void {
    if (this.stopped || this.running) return;
    setImmediate(() => {
      this.runDue().catch((error) => this.log.error({ err: error }, 'job run failed'));
    });
  }

  private runDue(): Promise<number> {
    if (!this.running) {
      this.running = this.claimAndRun().finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  private async claimAndRun(batch = 20): Promise<number> {
    const now = this.clock.now();
    const names = [...this.definitions.keys()];
    if (names.length === 0) return 0;
    const claimed = await this.database.query<{
      id: string;
      name: string;
      payload: unknown;
      attempts: number;
    }>(
      `update jobs set status = 'running', attempts = attempts + 1, locked_until = $1
       where id in (
         select id from jobs
         where name = any($2::text[])
           and ((status = 'queued' and run_at <= $3) or (status = 'running' and locked_until <= $3))
         order by run_at limit $4 for update skip locked
       )
       returning id, name, payload, attempts`,
      [new Date(now.getTime() + LOCK_MS).toISOString(), names, now.toISOString(), batch],
    );
    for (const row of claimed) await this.runOne(row, now);
    return claimed.length;
  }

  private async runOne(row: { id: string; name: string; payload: unknown; attempts: number }, now: Date) {
    const definition = this.definitions.get(row.name)!;
    try {
      const payload = definition.payload.parse(row.payload);
      await definition.handle(payload, { id: row.id, attempt: row.attempts });
      await this.database.db
        .update(jobs)
        .set({ status: 'done', finishedAt: this.clock.now(), lockedUntil: null, lastError: null })
        .where(eq(jobs.id, row.id));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const maxAttempts = definition.maxAttempts ?? 5;
      const giveUp = row.attempts >= maxAttempts;
      this.log.warn({ job: row.id, name: row.name, attempt: row.attempts, err: error }, 'job failed');
      const backoffMs = Math.min(60 * 60_000, 2 ** row.attempts * 1000);
      await this.database.db
        .update(jobs)
        .set({
          status: giveUp ? 'failed' : 'queued',
          lastError: message.slice(0, 2000),
          lockedUntil: null,
          runAt: new Date(now.getTime() + backoffMs),
          finishedAt: giveUp ? this.clock.now() : null,
        })
        .where(eq(jobs.id, row.id));
    }
  }
}
