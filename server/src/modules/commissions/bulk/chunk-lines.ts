import { copyText } from '../../../platform/db';
import { newId } from '../../../platform/ids';
import { type DraftLine, netOfLines } from '../engine/compute-order';
import { reversalsFor } from '../engine/reverse';
import { BUCKET_OF_STATUS } from '../ledger';
import type { CommissionLineStatus } from '../schema';
import type { ChunkOrder } from './load-chunk';

const DAY_MS = 86_400_000;

export const LINE_COLUMNS =
  'org_id, id, enrollment_id, program_id, plan_version_id, rule_id, kind, order_id, line_no, reverses_line_id, source_key, level, currency, base_minor, rate_ppm, amount_minor, rounding, status, explanation, hold_until, earned_at, created_at, updated_at';
export const ENTRY_COLUMNS =
  'org_id, id, enrollment_id, currency, bucket, amount_minor, kind, commission_line_id, order_id, idempotency_key';

/** The key of a computed line, the same as the per-order path's, so either path recognises the other's lines. */
export function sourceKeyOf(orderId: string, line: DraftLine): string {
  return `o:${orderId}:${line.kind}:${line.ruleId ?? '-'}:${line.lineNo ?? '-'}:${line.enrollmentId}:${line.level}`;
}

/** The status a new line takes from its order, as the per-order path settles it. */
export function statusOfOrder(order: ChunkOrder): CommissionLineStatus {
  if (order.status === 'cancelled' && !order.completedAt) return 'void';
  if (order.flags.length > 0) return 'review';
  return order.completedAt ? 'on_hold' : 'pending';
}

/** One order's rows as COPY text: its commission lines and their ledger entries. */
export type OrderRows = {
  orderId: string;
  lines: string;
  entries: string;
  lineCount: number;
  entryCount: number;
};

type Written = {
  id: string;
  draft: Pick<DraftLine, 'enrollmentId' | 'ruleId' | 'lineNo' | 'level' | 'amountMinor'>;
  sourceKey: string;
};

/**
 * Turns an order's computed lines into rows: each line with its status from the order, the
 * reversals of what was already returned, and one ledger entry per line into its status's bucket.
 */
export function orderRows(input: {
  orgId: string;
  order: ChunkOrder;
  versionId: string;
  rounding: 'half_up' | 'half_even';
  holdDays: number;
  drafts: DraftLine[];
  now: Date;
}): OrderRows {
  const { orgId, order, versionId, rounding, now } = input;
  const status = statusOfOrder(order);
  const holdUntil =
    status === 'on_hold' && order.completedAt
      ? new Date(order.completedAt.getTime() + input.holdDays * DAY_MS).toISOString()
      : null;
  const nowText = now.toISOString();
  const earned = order.placedAt.toISOString();
  const bucket = BUCKET_OF_STATUS[status];
  let lines = '';
  let entries = '';
  let lineCount = 0;
  let entryCount = 0;
  const entry = (lineId: string, enrollmentId: string, amount: bigint, kind: 'accrual' | 'reversal') => {
    if (!bucket || amount === 0n) return;
    entries += `${orgId}\t${newId('ledgerEntry')}\t${enrollmentId}\t${order.currency}\t${bucket}\t${amount}\t${kind}\t${lineId}\t${order.id}\t${lineId}:1\n`;
    entryCount++;
  };
  const written: Written[] = [];
  for (const draft of input.drafts) {
    const id = newId('commissionLine');
    const sourceKey = sourceKeyOf(order.id, draft);
    written.push({ id, draft, sourceKey });
    lines += `${orgId}\t${id}\t${draft.enrollmentId}\t${order.programId}\t${versionId}\t${copyText(draft.ruleId)}\t${draft.kind}\t${order.id}\t${draft.lineNo ?? '\\N'}\t\\N\t${copyText(sourceKey)}\t${draft.level}\t${order.currency}\t${draft.baseMinor}\t${draft.ratePpm ?? '\\N'}\t${draft.amountMinor}\t${rounding}\t${status}\t${copyText(JSON.stringify(draft.explanation))}\t${holdUntil ?? '\\N'}\t${earned}\t${nowText}\t${nowText}\n`;
    lineCount++;
    entry(id, draft.enrollmentId, draft.amountMinor, 'accrual');
  }
  for (const reversal of reversalRows(order, written, rounding)) {
    const id = newId('commissionLine');
    const { original } = reversal;
    const explanation = JSON.stringify({
      reversal: { ofLineId: original.id, returnedShare: reversal.share },
    });
    // a reversal follows its line's status, so it nets in the same bucket
    lines += `${orgId}\t${id}\t${original.draft.enrollmentId}\t${order.programId}\t${versionId}\t${copyText(original.draft.ruleId)}\treversal\t${order.id}\t${original.draft.lineNo ?? '\\N'}\t${original.id}\t${copyText(`${original.sourceKey}:r1`)}\t${original.draft.level}\t${order.currency}\t0\t\\N\t${reversal.amountMinor}\t${rounding}\t${status}\t${copyText(explanation)}\t${holdUntil ?? '\\N'}\t${nowText}\t${nowText}\t${nowText}\n`;
    lineCount++;
    entry(id, original.draft.enrollmentId, reversal.amountMinor, 'reversal');
  }
  return { orderId: order.id, lines, entries, lineCount, entryCount };
}

/** Reversals of the share of the order already returned when it is first computed. */
function reversalRows(order: ChunkOrder, written: Written[], rounding: 'half_up' | 'half_even') {
  if (!order.items.some((item) => item.returnedQuantity > 0) || written.length === 0) return [];
  const nets = netOfLines({
    id: order.id,
    currency: order.currency,
    orderDiscountMinor: order.discountMinor,
    repurchase: false,
    renewal: null,
    items: order.items,
  });
  const orderNet = nets.reduce((sum, n) => sum + n.net, 0n);
  const returnedNet = nets.reduce((sum, n) => {
    const item = order.items.find((i) => i.lineNo === n.lineNo)!;
    return sum + (item.quantity > 0 ? (n.net * BigInt(item.returnedQuantity)) / BigInt(item.quantity) : 0n);
  }, 0n);
  const state = {
    items: new Map(
      order.items.map((item) => [item.lineNo, { returned: item.returnedQuantity, sold: item.quantity }]),
    ),
    returnedNetMinor: returnedNet,
    orderNetMinor: orderNet,
  };
  const candidates = written.map((line) => ({
    id: line.id,
    lineNo: line.draft.lineNo,
    amountMinor: line.draft.amountMinor,
    reversedMinor: 0n,
  }));
  const byId = new Map(written.map((line) => [line.id, line]));
  return reversalsFor(candidates, state, rounding).map((reversal) => ({
    original: byId.get(reversal.lineId)!,
    amountMinor: reversal.amountMinor,
    share: reversal.share,
  }));
}
