import { divideRounded, type Rounding } from '../../../platform/money';

/** A commission line already written, as reversals need it. */
export type ReversibleLine = {
  id: string;
  lineNo: number | null;
  amountMinor: bigint;
  /** What earlier reversals of this line already took back (a negative or zero sum). */
  reversedMinor: bigint;
};

/** How much of an order has come back: per item, and the order's net value returned in total. */
export type ReturnState = {
  /** lineNo → units returned so far (cumulative) and units sold. */
  items: Map<number, { returned: number; sold: number }>;
  /** Net value returned so far and the order's whole net value, for order-level lines. */
  returnedNetMinor: bigint;
  orderNetMinor: bigint;
};

/**
 * The reversal each line needs now, so that what it has given back equals its amount times the
 * share returned, rounded the line's way. Computed from the cumulative share, never from the
 * latest return alone, so a full return always brings a line to exactly zero and a return
 * delivered twice reverses nothing the second time.
 */
export function reversalsFor(
  lines: ReversibleLine[],
  state: ReturnState,
  rounding: Rounding,
): { lineId: string; amountMinor: bigint; share: { returned: string; of: string } }[] {
  const out: { lineId: string; amountMinor: bigint; share: { returned: string; of: string } }[] = [];
  for (const line of lines) {
    let numerator: bigint;
    let denominator: bigint;
    if (line.lineNo === null) {
      numerator = state.returnedNetMinor;
      denominator = state.orderNetMinor;
    } else {
      const item = state.items.get(line.lineNo);
      if (!item) continue;
      numerator = BigInt(item.returned);
      denominator = BigInt(item.sold);
    }
    if (denominator <= 0n) continue;
    const clamped = numerator > denominator ? denominator : numerator < 0n ? 0n : numerator;
    const target = -divideRounded(line.amountMinor * clamped, denominator, rounding);
    const amount = target - line.reversedMinor;
    if (amount !== 0n)
      out.push({
        lineId: line.id,
        amountMinor: amount,
        share: { returned: str(clamped), of: str(denominator) },
      });
  }
  return out;
}

const str = (value: bigint) => value.toString();
