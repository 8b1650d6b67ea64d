import type { Database } from '../../../platform/db';
import { ENTRY_COLUMNS, LINE_COLUMNS } from './chunk-lines';
import type { PreparedChunk } from './compute-chunk';

/**
 * Writes a computed chunk in one transaction: locks its orders (as the per-order recompute does),
 * leaves out any order that got lines meanwhile, then COPYs the lines and their ledger entries.
 * Answers the orders left out, for the per-order recompute.
 */
export async function writeChunk(database: Database, orgId: string, chunk: PreparedChunk): Promise<string[]> {
  if (chunk.rows.length === 0) return [];
  return database.transaction(async (session) => {
    const orderIds = chunk.rows.map((rows) => rows.orderId);
    await session.query(
      'select id from orders where org_id = $1 and id = any($2::text[]) for no key update',
      [orgId, orderIds],
    );
    const taken = await session.query<{ order_id: string }>(
      'select distinct order_id from commission_lines where org_id = $1 and order_id = any($2::text[])',
      [orgId, orderIds],
    );
    const skipped = new Set(taken.map((row) => row.order_id));
    let lines = '';
    let entries = '';
    for (const rows of chunk.rows) {
      if (skipped.has(rows.orderId)) continue;
      lines += rows.lines;
      entries += rows.entries;
    }
    if (lines) await session.copyFrom(`copy commission_lines (${LINE_COLUMNS}) from stdin`, lines);
    if (entries) await session.copyFrom(`copy ledger_entries (${ENTRY_COLUMNS}) from stdin`, entries);
    return [...skipped];
  });
}
