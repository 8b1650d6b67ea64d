import type { Database, RawSession } from '../../../platform/db';
import { newId } from '../../../platform/ids';
import type { Logger } from '../../../platform/logger';

/** Impressions of one link in one hour (UTC), as added to `impression_stats`. */
export type ImpressionCount = {
  orgId: string;
  linkId: string;
  programId: string;
  enrollmentId: string;
  /** The start of the hour (UTC). */
  hour: Date;
  impressions: number;
  botImpressions: number;
};

const HOUR_MS = 3_600_000;

export const hourOf = (at: Date) => new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);

const ADD_STATS = `
  insert into impression_stats (org_id, link_id, hour, program_id, enrollment_id, impressions, bot_impressions)
  select * from unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::bigint[], $7::bigint[])
  on conflict (org_id, link_id, hour) do update
     set impressions = impression_stats.impressions + excluded.impressions,
         bot_impressions = impression_stats.bot_impressions + excluded.bot_impressions`;

/** Adds counts to the hourly roll-up (rows sorted, so concurrent writers lock in the same order). */
export async function addImpressionStats(
  session: Pick<RawSession, 'query'>,
  counts: ImpressionCount[],
): Promise<void> {
  if (counts.length === 0) return;
  const rows = [...counts].sort(
    (a, b) =>
      a.orgId.localeCompare(b.orgId) ||
      a.linkId.localeCompare(b.linkId) ||
      a.hour.getTime() - b.hour.getTime(),
  );
  const column = <T>(pick: (row: ImpressionCount) => T) => rows.map(pick);
  await session.query(ADD_STATS, [
    column((row) => row.orgId),
    column((row) => row.linkId),
    column((row) => row.hour.toISOString()),
    column((row) => row.programId),
    column((row) => row.enrollmentId),
    column((row) => row.impressions),
    column((row) => row.botImpressions),
  ]);
}

export type ImpressionWriterOptions = {
  /** Longest an impression waits in memory before it is written: what a hard crash may lose. */
  intervalMs?: number;
};

/**
 * Counts pixel impressions in memory per link and hour and adds them to the roll-up once a second.
 * Each batch carries an id stored in the same transaction, so writing a batch again after an
 * unclear failure (the commit may have gone through) adds nothing twice. `flush()` writes every
 * waiting count (graceful shutdown, tests).
 */
export class ImpressionWriter {
  private pending = new Map<string, ImpressionCount>();
  /** A batch that failed, tried again (with the same id) before anything newer. */
  private retry: { id: string; counts: ImpressionCount[] } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private failures = 0;
  private written = 0;
  private readonly intervalMs: number;

  constructor(
    private readonly database: Database,
    private readonly log: Logger,
    options: ImpressionWriterOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 1000;
  }

  add(
    view: Omit<ImpressionCount, 'hour' | 'impressions' | 'botImpressions'>,
    at: Date,
    isBot: boolean,
  ): void {
    const hour = hourOf(at);
    const key = `${view.orgId}\n${view.linkId}\n${hour.getTime()}`;
    let count = this.pending.get(key);
    if (!count) {
      count = { ...view, hour, impressions: 0, botImpressions: 0 };
      this.pending.set(key, count);
    }
    if (isBot) count.botImpressions++;
    else count.impressions++;
    if (!this.timer && !this.draining) this.schedule(this.intervalMs);
  }

  /** Impressions waiting in memory. */
  get size(): number {
    let total = 0;
    for (const count of this.pending.values()) total += count.impressions + count.botImpressions;
    for (const count of this.retry?.counts ?? []) total += count.impressions + count.botImpressions;
    return total;
  }

  async flush(): Promise<void> {
    for (let attempt = 0; this.pending.size > 0 || this.retry || this.draining; attempt++) {
      await this.drain();
      if ((this.pending.size > 0 || this.retry) && !this.draining) {
        if (attempt >= 5) throw new Error('Impressions could not be written');
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
  }

  private schedule(ms: number) {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.drain();
    }, ms);
    this.timer.unref();
  }

  private drain(): Promise<void> {
    this.draining ??= this.writeAll().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  private async writeAll() {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.retry || this.pending.size > 0) {
      const batch = this.retry ?? { id: newId('impressionBatch'), counts: [...this.pending.values()] };
      if (!this.retry) this.pending = new Map();
      try {
        await this.database.transaction(async (session) => {
          const [fresh] = await session.query<{ id: string }>(
            'insert into impression_flushes (id, created_at) values ($1, now()) on conflict (id) do nothing returning id',
            [batch.id],
          );
          if (!fresh) return;
          await addImpressionStats(session, batch.counts);
          // about every ten minutes of steady traffic, the ids older than a day go
          if (++this.written % 600 === 0)
            await session.query("delete from impression_flushes where created_at < now() - interval '1 day'");
        });
        this.retry = undefined;
        this.failures = 0;
      } catch (error) {
        this.retry = batch;
        this.failures++;
        this.log.warn({ err: error }, 'Writing impressions failed; will retry');
        this.schedule(Math.min(5000, this.intervalMs * 2 ** this.failures));
        return;
      }
    }
  }
}
