import type { TenantContext } from '../../../platform/services';
import { recomputeOrderCommissions } from '../recompute-order';
import { computeChunk, type PreparedChunk, prepareRun } from './compute-chunk';
import { writeChunk } from './write-chunk';

export type BulkTarget =
  /** These orders (any number): those never computed go the bulk way, the others are recomputed one by one. */
  | { orderIds: string[] }
  /** Every attributed order of the program that has no commission line yet. */
  | { programId: string };

export type BulkResult = {
  /** Orders computed the bulk way, lines and ledger entries they wrote. */
  orders: number;
  lines: number;
  entries: number;
  /** Orders that already had lines, brought up to date by the per-order recompute. */
  recomputed: number;
};

const DEFAULT_CHUNK = 10_000;
/** Chunks written at once: PostgreSQL writes one on each connection while the next is computed. */
const DEFAULT_WRITERS = 2;

/**
 * Computes the commission of many orders at once, with the same engine as the per-order
 * recompute and the same result: orders are taken in time order, in chunks read with a few
 * set-based queries (orders, items, partners with their uplines, customers, tier-period volumes)
 * and written with COPY, lines and their ledger entries in one transaction per chunk. The next
 * chunk is read and computed while earlier ones are written (two at once by default). An order
 * that already has lines is left to the per-order recompute (corrections, reversals, status
 * moves), so running it again writes nothing.
 */
export async function computeOrdersBulk(
  ctx: TenantContext,
  target: BulkTarget,
  options: { chunkSize?: number; writers?: number } = {},
): Promise<BulkResult> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  const writers = Math.max(1, options.writers ?? DEFAULT_WRITERS);
  const database = ctx.services.database;
  const run = await prepareRun(database.query, ctx.orgId);
  const result: BulkResult = { orders: 0, lines: 0, entries: 0, recomputed: 0 };
  const recompute: string[] = [];
  const writing: Promise<{ written: PreparedChunk; skipped: string[] }>[] = [];
  const finishOldest = async () => {
    const { written, skipped } = await writing[0]!;
    writing.shift();
    const skippedSet = new Set(skipped);
    for (const rows of written.rows) {
      if (skippedSet.has(rows.orderId)) continue;
      result.lines += rows.lineCount;
      result.entries += rows.entryCount;
    }
    result.orders += written.orders - skipped.length;
    recompute.push(...skipped);
  };
  try {
    for await (const ids of chunksOf(ctx, target, chunkSize)) {
      const prepared = await computeChunk(ctx, run, ids.fresh);
      recompute.push(...ids.computed);
      while (writing.length >= writers) await finishOldest();
      const write = writeChunk(database, ctx.orgId, prepared).then((skipped) => ({
        written: prepared,
        skipped,
      }));
      // a failed write is reported when awaited, not as an unhandled rejection meanwhile
      write.catch(() => undefined);
      writing.push(write);
    }
    while (writing.length > 0) await finishOldest();
  } finally {
    await Promise.allSettled(writing);
  }
  for (const orderId of recompute) {
    await ctx.services.db.transaction((tx) => recomputeOrderCommissions(ctx, tx, orderId));
    result.recomputed++;
  }
  return result;
}

/**
 * The orders in chunks, in time order: for a program, those without lines page by page; for a
 * list of ids, split into never computed (bulk) and already computed (per order).
 */
async function* chunksOf(
  ctx: TenantContext,
  target: BulkTarget,
  chunkSize: number,
): AsyncGenerator<{ fresh: string[]; computed: string[] }> {
  const query = ctx.services.database.query;
  if ('orderIds' in target) {
    // one query for all, so the chunks come in time order across the whole list
    const rows = await query<{ id: string; computed: boolean }>(
      `select o.id, exists (select 1 from commission_lines c where c.org_id = o.org_id and c.order_id = o.id) as computed
         from orders o where o.org_id = $1 and o.id = any($2::text[])
        order by o.placed_at, o.id`,
      [ctx.orgId, [...new Set(target.orderIds)]],
    );
    const computed = rows.filter((row) => row.computed).map((row) => row.id);
    const fresh = rows.filter((row) => !row.computed).map((row) => row.id);
    if (computed.length > 0) yield { fresh: [], computed };
    for (let index = 0; index < fresh.length; index += chunkSize)
      yield { fresh: fresh.slice(index, index + chunkSize), computed: [] };
    return;
  }
  let after: { at: string; id: string } | undefined;
  for (;;) {
    // the page after the last one, from the index on (org, placed at, id)
    const rows = await query<{ id: string; at: string }>(
      `select o.id, to_char(o.placed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at
         from orders o
        where o.org_id = $1 and o.program_id = $2 and o.enrollment_id is not null
          ${after ? 'and (o.placed_at, o.id) > ($4::timestamptz, $5::text)' : ''}
          and not exists (select 1 from commission_lines c where c.org_id = o.org_id and c.order_id = o.id)
        order by o.placed_at, o.id
        limit $3`,
      after
        ? [ctx.orgId, target.programId, chunkSize, after.at, after.id]
        : [ctx.orgId, target.programId, chunkSize],
    );
    if (rows.length === 0) return;
    const last = rows[rows.length - 1]!;
    after = { at: last.at, id: last.id };
    yield { fresh: rows.map((row) => row.id), computed: [] };
    if (rows.length < chunkSize) return;
  }
}
