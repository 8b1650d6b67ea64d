import { AppError, type ErrorDetail } from '../../platform/errors';
import { allocate, divideRounded } from '../../platform/money';

export type LineAmounts = { quantity: number; unitPriceMinor: bigint; discountMinor: bigint };

/** quantity × unit price − the line's discount. */
export function lineTotalMinor(line: LineAmounts): bigint {
  return BigInt(line.quantity) * line.unitPriceMinor - line.discountMinor;
}

/**
 * subtotal = Σ line totals; total = subtotal − order discount + shipping + tax. Refuses negative
 * amounts, line discounts above their line and order discounts above the subtotal, naming the field.
 */
export function computeTotals(input: {
  items: LineAmounts[];
  discountMinor: bigint;
  shippingMinor: bigint;
  taxMinor: bigint;
}): { subtotalMinor: bigint; totalMinor: bigint } {
  const details: ErrorDetail[] = [];
  input.items.forEach((line, index) => {
    if (!Number.isInteger(line.quantity) || line.quantity < 1) {
      details.push({ path: `items.${index}.quantity`, message: 'A whole number of at least 1' });
    }
    if (line.unitPriceMinor < 0n)
      details.push({ path: `items.${index}.unitPriceMinor`, message: 'Not negative' });
    if (line.discountMinor < 0n)
      details.push({ path: `items.${index}.discountMinor`, message: 'Not negative' });
    else if (line.discountMinor > BigInt(line.quantity) * line.unitPriceMinor) {
      details.push({
        path: `items.${index}.discountMinor`,
        message: 'Above quantity × unit price of the line',
      });
    }
  });
  for (const field of ['discountMinor', 'shippingMinor', 'taxMinor'] as const) {
    if (input[field] < 0n) details.push({ path: field, message: 'Not negative' });
  }
  const subtotalMinor = input.items.reduce((sum, line) => sum + lineTotalMinor(line), 0n);
  if (details.length === 0 && input.discountMinor > subtotalMinor) {
    details.push({ path: 'discountMinor', message: `Above the subtotal (${subtotalMinor})` });
  }
  if (details.length > 0) {
    throw new AppError(
      'validation_failed',
      `The order's amounts are not valid: ${details[0]!.path} ${details[0]!.message.toLowerCase()}`,
      { details },
    );
  }
  return {
    subtotalMinor,
    totalMinor: subtotalMinor - input.discountMinor + input.shippingMinor + input.taxMinor,
  };
}

/**
 * Each line's net amount: its total less its share of the order discount, shared in proportion to
 * line totals with `allocate` (largest remainder, so the shares sum exactly to the discount).
 */
export function netLineAmounts(items: LineAmounts[], orderDiscountMinor: bigint): bigint[] {
  const totals = items.map(lineTotalMinor);
  const sum = totals.reduce((a, b) => a + b, 0n);
  if (orderDiscountMinor === 0n || sum <= 0n) return totals;
  const shares = allocate({ amount: orderDiscountMinor, currency: 'VND' }, totals);
  return totals.map((total, index) => total - shares[index]!.amount);
}

/**
 * The value of `returned` units of a line whose net amount is `net` for `quantity` units:
 * round_half_up(net × returned ÷ quantity). Computed on the cumulative returned quantity, so
 * partial returns add up exactly to the line's net amount once every unit is back.
 */
export function returnedValueMinor(net: bigint, quantity: number, returned: number): bigint {
  if (returned <= 0) return 0n;
  if (returned >= quantity) return net;
  return divideRounded(net * BigInt(returned), BigInt(quantity), 'half_up');
}
