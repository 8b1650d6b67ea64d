import type { DeviceType } from '../schema';
import type { ClickRow } from './store-clicks';

const CHUNK_BYTES = 256 * 1024;
const HOUR = 3_600_000;

/** One row of the batch's hourly roll-up (the columns of `click_stats`). */
export type ClickStat = {
  org_id: string;
  link_id: string;
  hour: string;
  device_type: DeviceType;
  program_id: string;
  enrollment_id: string;
  clicks: number;
  unique_clicks: number;
  bot_clicks: number;
};

type Counter = ClickStat & { hourMs: number };

/** The columns of a batch, in the order they are encoded. */
export const BATCH_COLUMNS =
  'org_id, link_id, program_id, enrollment_id, id, created_at, ip_hash, user_agent, referrer, device_type, is_bot, is_unique';

// COPY's binary format: a signature, flags and header extension length; tuples; -1 to end
const HEADER = Buffer.from([
  ...Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'),
  ...[0, 0, 0, 0],
  ...[0, 0, 0, 0],
]);
const TRAILER = Buffer.from([0xff, 0xff]);
const FIELDS = 12;
/** Microseconds from the Unix epoch to PostgreSQL's (2000-01-01 UTC), in milliseconds. */
const PG_EPOCH_MS = 946_684_800_000;
const TWO_32 = 4_294_967_296;

/** Encoded text of the few values that repeat click after click (a link's ids, user agents). */
const encoded = new Map<string, Buffer>();

function textField(value: string): Buffer {
  let bytes = encoded.get(value);
  if (!bytes) {
    const text = Buffer.from(value, 'utf8');
    bytes = Buffer.allocUnsafe(4 + text.length);
    bytes.writeInt32BE(text.length, 0);
    text.copy(bytes, 4);
    if (encoded.size >= 5000) encoded.clear();
    encoded.set(value, bytes);
  }
  return bytes;
}

type Prefix = Pick<ClickRow, 'orgId' | 'programId' | 'enrollmentId'> & { bytes: Buffer };

/** The start of every tuple of a link: the field count, organisation, link, program and enrollment. */
const prefixes = new Map<string, Prefix>();

function prefixOf(click: ClickRow): Buffer {
  const known = prefixes.get(click.linkId);
  if (
    known &&
    known.orgId === click.orgId &&
    known.programId === click.programId &&
    known.enrollmentId === click.enrollmentId
  )
    return known.bytes;
  const bytes = Buffer.concat([
    Buffer.from([0, FIELDS]),
    ...[click.orgId, click.linkId, click.programId, click.enrollmentId].map(textField),
  ]);
  if (prefixes.size >= 5000) prefixes.clear();
  prefixes.set(click.linkId, {
    orgId: click.orgId,
    programId: click.programId,
    enrollmentId: click.enrollmentId,
    bytes,
  });
  return bytes;
}

/**
 * Clicks waiting to be written, already encoded as the input of a binary `COPY … FROM STDIN` (see
 * `BATCH_COLUMNS`) in buffers outside the JavaScript heap, with their hourly roll-up counted as they
 * come. Under load thousands of clicks wait for each write: kept as objects they would outlive the
 * young generation and make every garbage collection copy them; kept as bytes they cost the
 * collector nothing. The binary format also spares the database parsing text (times above all).
 */
export class ClickBatch {
  /** Buffers filled so far, the last one being filled up to `used`; each starts with a tuple. */
  private chunks: Buffer[] = [];
  private used = 0;
  private counters = new Map<string, Counter[]>();
  count = 0;

  add(click: ClickRow): void {
    const prefix = prefixOf(click);
    const userAgent = textField(click.userAgent);
    const referrer = click.referrer;
    const device = textField(click.deviceType);
    // fixed parts, then what the id, hash and referrer may take (three bytes per UTF-16 unit at most)
    const size =
      prefix.length +
      userAgent.length +
      device.length +
      4 * 5 +
      8 +
      2 * 5 +
      3 * (click.id.length + click.ipHash.length + (referrer?.length ?? 0));
    let chunk = this.chunks[this.chunks.length - 1];
    if (!chunk || chunk.length - this.used < size) {
      if (chunk) this.chunks[this.chunks.length - 1] = chunk.subarray(0, this.used);
      chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, size));
      this.chunks.push(chunk);
      this.used = 0;
    }
    let at = this.used;
    at += prefix.copy(chunk, at);
    at = writeText(chunk, at, click.id);
    chunk.writeInt32BE(8, at);
    const micros = (click.createdAt.getTime() - PG_EPOCH_MS) * 1000;
    const high = Math.floor(micros / TWO_32);
    chunk.writeInt32BE(high, at + 4);
    chunk.writeUInt32BE(micros - high * TWO_32, at + 8);
    at = writeText(chunk, at + 12, click.ipHash);
    at += userAgent.copy(chunk, at);
    if (referrer === null) at = chunk.writeInt32BE(-1, at);
    else at = writeText(chunk, at, referrer);
    at += device.copy(chunk, at);
    at = writeBoolean(chunk, at, click.isBot);
    this.used = writeBoolean(chunk, at, click.isUnique);
    this.count++;
    this.countStat(click);
  }

  /** The COPY input: the header, the filled part of each buffer, the trailer. */
  data(): Buffer[] {
    return [HEADER, ...this.tuples(), TRAILER];
  }

  /** The batch's roll-up, one row per link, hour and device type. */
  stats(): ClickStat[] {
    const rows: ClickStat[] = [];
    for (const counters of this.counters.values())
      for (const { hourMs: _hour, ...row } of counters) rows.push(row);
    return rows;
  }

  /** Puts `later`'s clicks after this batch's (a failed write goes back in front of newer clicks). */
  append(later: ClickBatch): void {
    if (later.count === 0) return;
    this.chunks = [...this.tuples(), ...later.chunks];
    this.used = later.used;
    this.count += later.count;
    for (const [linkId, counters] of later.counters)
      for (const counter of counters) {
        const into = this.counterOf(linkId, counter, counter.hourMs);
        into.clicks += counter.clicks;
        into.unique_clicks += counter.unique_clicks;
        into.bot_clicks += counter.bot_clicks;
      }
  }

  /** A click of this batch by its id, read back from the encoded tuples. */
  find(clickId: string): ClickRow | undefined {
    for (const chunk of this.tuples()) {
      if (chunk.indexOf(clickId, 0, 'latin1') === -1) continue;
      for (let at = 0; at < chunk.length; ) {
        const [row, next] = readTuple(chunk, at);
        if (row.id === clickId) return row;
        at = next;
      }
    }
    return undefined;
  }

  /** The encoded tuples: the filled part of each buffer. */
  private tuples(): Buffer[] {
    if (this.chunks.length === 0) return [];
    const last = this.chunks[this.chunks.length - 1]!.subarray(0, this.used);
    return [...this.chunks.slice(0, -1), last];
  }

  private countStat(click: ClickRow) {
    const createdMs = click.createdAt.getTime();
    const hourMs = createdMs - (createdMs % HOUR);
    const counter = this.counterOf(
      click.linkId,
      {
        org_id: click.orgId,
        program_id: click.programId,
        enrollment_id: click.enrollmentId,
        device_type: click.deviceType,
      },
      hourMs,
    );
    counter.clicks++;
    if (click.isBot) counter.bot_clicks++;
    else if (click.isUnique) counter.unique_clicks++;
  }

  private counterOf(
    linkId: string,
    of: Pick<ClickStat, 'org_id' | 'program_id' | 'enrollment_id' | 'device_type'>,
    hourMs: number,
  ): Counter {
    let counters = this.counters.get(linkId);
    if (!counters) {
      counters = [];
      this.counters.set(linkId, counters);
    }
    for (const counter of counters)
      if (counter.hourMs === hourMs && counter.device_type === of.device_type) return counter;
    const counter: Counter = {
      org_id: of.org_id,
      link_id: linkId,
      hour: new Date(hourMs).toISOString(),
      device_type: of.device_type,
      program_id: of.program_id,
      enrollment_id: of.enrollment_id,
      clicks: 0,
      unique_clicks: 0,
      bot_clicks: 0,
      hourMs,
    };
    counters.push(counter);
    return counter;
  }
}

function writeText(chunk: Buffer, at: number, value: string): number {
  const length = chunk.write(value, at + 4);
  chunk.writeInt32BE(length, at);
  return at + 4 + length;
}

function writeBoolean(chunk: Buffer, at: number, value: boolean): number {
  chunk.writeInt32BE(1, at);
  chunk[at + 4] = value ? 1 : 0;
  return at + 5;
}

/** The click encoded at `at`, and where the next tuple starts. */
function readTuple(chunk: Buffer, start: number): [ClickRow, number] {
  let at = start + 2;
  const field = (): Buffer | null => {
    const length = chunk.readInt32BE(at);
    at += 4;
    if (length === -1) return null;
    at += length;
    return chunk.subarray(at - length, at);
  };
  const text = () => field()?.toString('utf8') ?? null;
  const [orgId, linkId, programId, enrollmentId, id] = [text(), text(), text(), text(), text()];
  const time = field()!;
  const micros = time.readInt32BE(0) * TWO_32 + time.readUInt32BE(4);
  const [ipHash, userAgent, referrer, deviceType] = [text(), text(), text(), text()];
  const [isBot, isUnique] = [field()![0] === 1, field()![0] === 1];
  const row: ClickRow = {
    orgId: orgId!,
    id: id!,
    linkId: linkId!,
    programId: programId!,
    enrollmentId: enrollmentId!,
    createdAt: new Date(micros / 1000 + PG_EPOCH_MS),
    ipHash: ipHash!,
    userAgent: userAgent ?? '',
    referrer,
    deviceType: deviceType as DeviceType,
    isBot,
    isUnique,
  };
  return [row, at];
}
