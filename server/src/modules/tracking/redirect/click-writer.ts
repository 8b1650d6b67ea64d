import type { Database } from '../../../platform/db';
import type { Logger } from '../../../platform/logger';
import type { DeviceType } from '../schema';

/** One click as the redirect records it (the columns of `clicks`). */
export type ClickRow = {
  orgId: string;
  id: string;
  linkId: string;
  programId: string;
  enrollmentId: string;
  createdAt: Date;
  ipHash: string;
  userAgent: string;
  referrer: string | null;
  deviceType: DeviceType;
  isBot: boolean;
  isUnique: boolean;
};

export type ClickWriterOptions = {
  /** Longest a click waits in memory before its batch is written: what a hard crash may lose. */
  intervalMs?: number;
  /** A batch this large is written at once, without waiting for the interval. */
  maxBatch?: number;
  /** Above this many waiting clicks (the database is down for long) the oldest are dropped. */
  maxPending?: number;
};

const INSERT = `
  insert into clicks (org_id, id, link_id, program_id, enrollment_id, created_at, ip_hash, user_agent,
                      referrer, device_type, is_bot, is_unique)
  select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]::timestamptz[],
                       $7::text[], $8::text[], $9::text[], $10::text[], $11::text[]::boolean[], $12::text[]::boolean[])
  on conflict (id) do nothing`;

/**
 * Buffers clicks in memory and writes them in batches, one multi-row INSERT … SELECT FROM unnest
 * every `intervalMs` (or sooner at `maxBatch` clicks), so a redirect never waits for the database.
 * A failed write keeps its clicks and is tried again (the insert ignores ids already written, so a
 * retry after an unclear failure does not double them). `stop()` writes every waiting click.
 */
export class ClickWriter {
  private pending: ClickRow[] = [];
  private inFlight: ClickRow[] = [];
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private failures = 0;
  private readonly intervalMs: number;
  private readonly maxBatch: number;
  private readonly maxPending: number;

  constructor(
    private readonly database: Database,
    private readonly log: Logger,
    options: ClickWriterOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 250;
    this.maxBatch = options.maxBatch ?? 2000;
    this.maxPending = options.maxPending ?? 200_000;
  }

  add(click: ClickRow): void {
    this.pending.push(click);
    if (this.pending.length >= this.maxBatch) void this.drain();
    else if (!this.timer) this.schedule(this.intervalMs);
  }

  /** Writes every click recorded so far; retries a failing write a few times before giving up. */
  async flush(): Promise<void> {
    for (let attempt = 0; this.pending.length > 0 || this.draining; attempt++) {
      await this.drain();
      if (this.pending.length > 0 && !this.draining) {
        if (attempt >= 5) throw new Error(`${this.pending.length} clicks could not be written`);
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
  }

  /** A click still in memory (waiting or being written), so a click id just handed out is known. */
  findPending(clickId: string): ClickRow | undefined {
    return this.inFlight.find((row) => row.id === clickId) ?? this.pending.find((row) => row.id === clickId);
  }

  get size(): number {
    return this.pending.length + this.inFlight.length;
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
    while (this.pending.length > 0) {
      this.inFlight = this.pending.splice(0, this.maxBatch);
      try {
        await this.write(this.inFlight);
        this.failures = 0;
      } catch (error) {
        this.failures++;
        this.pending = this.inFlight.concat(this.pending);
        if (this.pending.length > this.maxPending) {
          const dropped = this.pending.length - this.maxPending;
          this.pending.splice(0, dropped);
          this.log.error({ dropped }, 'Clicks dropped: the database refused writes for too long');
        }
        this.log.warn({ err: error, waiting: this.pending.length }, 'Writing clicks failed; will retry');
        this.schedule(Math.min(5000, this.intervalMs * 2 ** this.failures));
        return;
      } finally {
        this.inFlight = [];
      }
    }
  }

  private async write(rows: ClickRow[]) {
    const column = <T>(pick: (row: ClickRow) => T) => rows.map(pick);
    await this.database.query(INSERT, [
      column((row) => row.orgId),
      column((row) => row.id),
      column((row) => row.linkId),
      column((row) => row.programId),
      column((row) => row.enrollmentId),
      column((row) => row.createdAt.toISOString()),
      column((row) => row.ipHash),
      column((row) => row.userAgent),
      column((row) => row.referrer),
      column((row) => row.deviceType),
      column((row) => String(row.isBot)),
      column((row) => String(row.isUnique)),
    ]);
  }
}
