import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Database, RawSession } from '../../../platform/db';
import { newId } from '../../../platform/ids';
import { createLogger } from '../../../platform/logger';
import { ClickBatch } from './click-batch';
import { ClickWriter } from './click-writer';
import type { ClickRow } from './store-clicks';

const click = (options: Partial<ClickRow> = {}): ClickRow => ({
  orgId: 'org_a',
  id: newId('click'),
  linkId: 'lnk_a',
  programId: 'prg_a',
  enrollmentId: 'enr_a',
  createdAt: new Date('2026-11-02T03:10:04.123Z'),
  ipHash: '0123456789abcdef0123456789abcdef',
  userAgent: 'Mozilla/5.0 (iPhone) Zalo',
  referrer: null,
  deviceType: 'mobile',
  isBot: false,
  isUnique: true,
  ...options,
});

describe('click batch', () => {
  it('gives back every click exactly as added, whatever its text', () => {
    const batch = new ClickBatch();
    const rows = [
      click(),
      click({
        userAgent: 'Trình duyệt Cốc Cốc\twith a tab, a \\ and a\nline break',
        referrer: 'https://zalo.me/ชื่อ',
      }),
      click({ isBot: true, isUnique: false, deviceType: 'bot', userAgent: '' }),
      click({ orgId: 'org_b', linkId: 'lnk_b', programId: 'prg_b', enrollmentId: 'enr_b' }),
    ];
    for (const row of rows) batch.add(row);
    expect(batch.count).toBe(4);
    for (const row of rows) expect(batch.find(row.id)).toEqual(row);
    expect(batch.find(newId('click'))).toBeUndefined();
  });

  it('finds a click by its id, not by the same text in another click’s fields', () => {
    const batch = new ClickBatch();
    const target = click();
    const decoy = click({ userAgent: target.id });
    batch.add(decoy);
    batch.add(target);
    expect(batch.find(target.id)?.id).toBe(target.id);
    expect(batch.find(target.id)?.userAgent).toBe('Mozilla/5.0 (iPhone) Zalo');
  });

  it('spreads many clicks over buffers and keeps them all, in order, framed as one COPY input', () => {
    const batch = new ClickBatch();
    const rows = Array.from({ length: 3000 }, (_, n) =>
      click({ userAgent: `Agent ${n} ${'x'.repeat(150)}` }),
    );
    for (const row of rows) batch.add(row);
    const pieces = batch.data();
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces[0]!.subarray(0, 11)).toEqual(Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'));
    expect(pieces.at(-1)).toEqual(Buffer.from([0xff, 0xff]));
    expect(batch.find(rows[0]!.id)).toEqual(rows[0]);
    expect(batch.find(rows[1777]!.id)).toEqual(rows[1777]);
    expect(batch.find(rows[2999]!.id)).toEqual(rows[2999]);
  });

  it('counts the hourly roll-up as clicks come, and adds a later batch behind an earlier one', () => {
    const earlier = new ClickBatch();
    earlier.add(click());
    earlier.add(click({ isUnique: false }));
    earlier.add(click({ isBot: true, isUnique: false, deviceType: 'bot' }));
    const later = new ClickBatch();
    const next = click({ createdAt: new Date('2026-11-02T04:00:00Z') });
    later.add(next);
    later.add(click());
    earlier.append(later);
    expect(earlier.count).toBe(5);
    expect(earlier.find(next.id)).toEqual(next);
    const stats = earlier.stats().map(({ hour, device_type, clicks, unique_clicks, bot_clicks }) => ({
      hour,
      device_type,
      clicks,
      unique_clicks,
      bot_clicks,
    }));
    expect(stats).toEqual([
      { hour: '2026-11-02T03:00:00.000Z', device_type: 'mobile', clicks: 3, unique_clicks: 2, bot_clicks: 0 },
      { hour: '2026-11-02T03:00:00.000Z', device_type: 'bot', clicks: 1, unique_clicks: 0, bot_clicks: 1 },
      { hour: '2026-11-02T04:00:00.000Z', device_type: 'mobile', clicks: 1, unique_clicks: 1, bot_clicks: 0 },
    ]);
  });
});

/** The tuples of a binary COPY input. */
function tuplesIn(data: string | readonly Uint8Array[]): number {
  const bytes = Buffer.concat(data as Uint8Array[]);
  let tuples = 0;
  for (let at = 19; bytes.readInt16BE(at) !== -1; tuples++) {
    const fields = bytes.readInt16BE(at);
    at += 2;
    for (let field = 0; field < fields; field++) at += 4 + Math.max(0, bytes.readInt32BE(at));
  }
  return tuples;
}

/** A database that records each batch write (its click count) and can hold or fail writes. */
function recordingDatabase() {
  const writes: number[] = [];
  let hold: Promise<void> | undefined;
  let failing = false;
  const session: RawSession = {
    copyFrom: async (_statement, data) => {
      writes.push(tuplesIn(data));
    },
    query: async <Row>() => [] as Row[],
  };
  const database = {
    transaction: async <T>(work: (session: RawSession) => Promise<T>) => {
      if (hold) await hold;
      if (failing) throw new Error('database down');
      return work(session);
    },
  } as unknown as Database;
  return {
    database,
    writes,
    holdWrites: () => {
      let release = () => {};
      hold = new Promise((resolve) => {
        release = () => {
          hold = undefined;
          resolve();
        };
      });
      return release;
    },
    fail: (down: boolean) => {
      failing = down;
    },
  };
}

describe('click writer batching', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets clicks gather for an interval after each write instead of writing again at once', async () => {
    vi.useFakeTimers();
    const db = recordingDatabase();
    const writer = new ClickWriter(db.database, createLogger('silent'), { intervalMs: 250 });
    writer.add(click());
    await vi.advanceTimersByTimeAsync(249);
    expect(db.writes).toEqual([]);
    const release = db.holdWrites();
    await vi.advanceTimersByTimeAsync(1);
    // the write is under way: clicks keep coming meanwhile
    for (let n = 0; n < 3; n++) writer.add(click());
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(db.writes).toEqual([1]);
    await vi.advanceTimersByTimeAsync(249);
    expect(db.writes).toEqual([1]);
    await vi.advanceTimersByTimeAsync(1);
    expect(db.writes).toEqual([1, 3]);
    expect(writer.size).toBe(0);
  });

  it('writes a full batch at once, and everything on flush', async () => {
    vi.useFakeTimers();
    const db = recordingDatabase();
    const writer = new ClickWriter(db.database, createLogger('silent'), { intervalMs: 250, maxBatch: 4 });
    for (let n = 0; n < 5; n++) writer.add(click());
    await vi.advanceTimersByTimeAsync(0);
    expect(db.writes).toEqual([4]);
    writer.add(click());
    await writer.flush();
    expect(db.writes).toEqual([4, 2]);
    expect(writer.size).toBe(0);
  });

  it('keeps at most maxPending clicks while the database is down, and says how many it dropped', async () => {
    vi.useFakeTimers();
    const db = recordingDatabase();
    const log = createLogger('silent');
    const errors = vi.spyOn(log, 'error');
    const writer = new ClickWriter(db.database, log, { intervalMs: 10, maxPending: 5 });
    db.fail(true);
    const kept = Array.from({ length: 5 }, () => click());
    for (const row of kept) writer.add(row);
    await vi.advanceTimersByTimeAsync(10);
    for (let n = 0; n < 3; n++) writer.add(click());
    expect(writer.size).toBe(5);
    await vi.advanceTimersByTimeAsync(20);
    expect(errors).toHaveBeenCalledWith({ dropped: 3 }, expect.stringContaining('dropped'));
    db.fail(false);
    await vi.advanceTimersByTimeAsync(5000);
    expect(db.writes).toEqual([5]);
    expect(writer.size).toBe(0);
  });
});
