import type { Database } from '../../../platform/db';
import type { Logger } from '../../../platform/logger';
import { ClickBatch } from './click-batch';
import { type ClickRow, copyClicks, storeBatchOnce } from './store-clicks';

export type { ClickRow } from './store-clicks';

export type ClickWriterOptions = {
  /** Longest a click waits in memory before its batch is written: what a hard crash may lose. */
  intervalMs?: number;
  /** A batch this large is written at once, without waiting for the interval. */
  maxBatch?: number;
  /** Past this many waiting clicks (the database is down for long) new clicks are dropped. */
  maxPending?: number;
};

/**
 * Buffers clicks in memory (encoded at once, see `ClickBatch`) and writes them in batches, one COPY
 * (with the hourly roll-up, in one transaction) every `intervalMs` or sooner at `maxBatch` clicks, so
 * a redirect never waits for the database. A failed write keeps its clicks and is tried again with
 * an insert that skips ids already stored, so a retry after an unclear failure (the commit may have
 * gone through) doubles nothing. `flush()` writes every waiting click.
 */
export class ClickWriter {
  private pending = new ClickBatch();
  private inFlight = new ClickBatch();
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private failures = 0;
  /** Clicks refused since the last report, while the database was down for long. */
  private dropped = 0;
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
    if (this.pending.count >= this.maxPending) {
      this.dropped++;
      return;
    }
    this.pending.add(click);
    if (this.pending.count >= this.maxBatch) void this.drain();
    // while a write runs, it books the next one when it ends
    else if (!this.timer && !this.draining) this.schedule(this.intervalMs);
  }

  /** Writes every click recorded so far; retries a failing write a few times before giving up. */
  async flush(): Promise<void> {
    for (let attempt = 0; this.pending.count > 0 || this.draining; ) {
      await this.drain(true);
      if (this.failures > 0 && this.pending.count > 0 && !this.draining) {
        if (attempt >= 5) throw new Error(`${this.pending.count} clicks could not be written`);
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt++));
      }
    }
  }

  /** A click still in memory (waiting or being written), so a click id just handed out is known. */
  findPending(clickId: string): ClickRow | undefined {
    return this.inFlight.find(clickId) ?? this.pending.find(clickId);
  }

  get size(): number {
    return this.pending.count + this.inFlight.count;
  }

  private schedule(ms: number) {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.drain();
    }, ms);
    this.timer.unref();
  }

  private drain(all = false): Promise<void> {
    this.draining ??= this.write(all).finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  /**
   * Writes the waiting clicks as one batch, then lets the next ones gather for an interval (a full
   * batch, or `all` on flush, is written at once). Writing again as soon as a write ends would
   * make, under load, a stream of small transactions whose fixed costs outweigh the rows.
   */
  private async write(all: boolean) {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    do {
      if (this.pending.count === 0) return;
      this.inFlight = this.pending;
      this.pending = new ClickBatch();
      try {
        if (this.uncertain) await storeBatchOnce(this.database, this.inFlight);
        else await copyClicks(this.database, this.inFlight);
        this.failures = 0;
        this.uncertain = false;
      } catch (error) {
        this.failures++;
        this.uncertain = true;
        // the failed batch goes back in front of the clicks that came meanwhile
        this.inFlight.append(this.pending);
        this.pending = this.inFlight;
        if (this.dropped > 0) {
          this.log.error(
            { dropped: this.dropped },
            'Clicks dropped: the database refused writes for too long',
          );
          this.dropped = 0;
        }
        this.log.warn({ err: error, waiting: this.pending.count }, 'Writing clicks failed; will retry');
        this.schedule(Math.min(5000, this.intervalMs * 2 ** this.failures));
        return;
      } finally {
        this.inFlight = new ClickBatch();
      }
    } while (all || this.pending.count >= this.maxBatch);
    if (this.pending.count > 0) this.schedule(this.intervalMs);
  }
}
