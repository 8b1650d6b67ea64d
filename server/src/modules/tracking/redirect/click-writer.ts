import type { Database } from '../../../platform/db';
import type { Logger } from '../../../platform/logger';
import { type ClickRow, copyClicks, storeClicksOnce } from './store-clicks';

export type { ClickRow } from './store-clicks';

export type ClickWriterOptions = {
  /** Longest a click waits in memory before its batch is written: what a hard crash may lose. */
  intervalMs?: number;
  /** A batch this large is written at once, without waiting for the interval. */
  maxBatch?: number;
  /** Above this many waiting clicks (the database is down for long) the oldest are dropped. */
  maxPending?: number;
};

/**
 * Buffers clicks in memory and writes them in batches, one COPY (with the hourly roll-up, in one
 * transaction) every `intervalMs` or sooner at `maxBatch` clicks, so a redirect never waits for the
 * database. A failed write keeps its clicks and is tried again with an insert that skips ids already
 * stored, so a retry after an unclear failure (the commit may have gone through) doubles nothing.
 * `flush()` writes every waiting click.
 */
export class ClickWriter {
  private pending: ClickRow[] = [];
  private inFlight: ClickRow[] = [];
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private failures = 0;
  /** The last write failed: the batch tried again may be stored already. */
  private uncertain = false;
  private readonly intervalMs: number;
  private readonly maxBatch: number;
  private readonly maxPending: number;

  constructor(
    private readonly database: Database,
    private readonly log: Logger,
    options: ClickWriterOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 250;
    this.maxBatch = options.maxBatch ?? 10_000;
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
        if (this.uncertain) await storeClicksOnce(this.database, this.inFlight);
        else await copyClicks(this.database, this.inFlight);
        this.failures = 0;
        this.uncertain = false;
      } catch (error) {
        this.failures++;
        this.uncertain = true;
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
}
