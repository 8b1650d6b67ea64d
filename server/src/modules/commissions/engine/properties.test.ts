import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeOrderCommission, type EngineItem } from './compute-order';
import { planVersionSchema } from './plan';
import { reversalsFor } from './reverse';

/** Plans mixing every order rule kind, with rates and amounts drawn at random. */
const planArbitrary = fc
  .record({
    basic: fc.integer({ min: 0, max: 300_000 }),
    category: fc.integer({ min: 0, max: 300_000 }),
    perUnit: fc.integer({ min: 0, max: 50_000 }),
    addon: fc.integer({ min: 0, max: 100_000 }),
    override: fc.integer({ min: 0, max: 100_000 }),
    guard: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
    rounding: fc.constantFrom('half_up', 'half_even'),
  })
  .map((r) =>
    planVersionSchema.parse({
      settings: { rounding: r.rounding, profitabilityGuardPpm: r.guard === null ? null : String(r.guard) },
      rules: [
        {
          id: 'all',
          kind: 'basic',
          scope: { kind: 'all' },
          calc: { type: 'percent', ratePpm: String(r.basic) },
        },
        {
          id: 'cat',
          kind: 'basic',
          scope: { kind: 'category', categoryId: 'cat_a' },
          calc: { type: 'percent', ratePpm: String(r.category) },
        },
        {
          id: 'unit',
          kind: 'basic',
          scope: { kind: 'product', productId: 'prd_2' },
          calc: { type: 'fixed_per_unit', amountMinor: String(r.perUnit) },
        },
        {
          id: 'addon',
          kind: 'addon',
          mainProductId: 'prd_1',
          addonProductId: 'prd_3',
          calc: { type: 'fixed_per_order', amountMinor: String(r.addon) },
        },
        { id: 'ref', kind: 'override', levels: [{ basis: 'sale', ratePpm: String(r.override) }] },
      ],
    }),
  );

const itemsArbitrary = fc
  .array(
    fc.record({
      product: fc.integer({ min: 1, max: 4 }),
      category: fc.boolean(),
      quantity: fc.integer({ min: 1, max: 9 }),
      unitPrice: fc.integer({ min: 0, max: 5_000_000 }),
      discountShare: fc.integer({ min: 0, max: 100 }),
      unitCost: fc.integer({ min: 0, max: 5_000_000 }),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((rows) =>
    rows.map(
      (row, index): EngineItem => ({
        lineNo: index + 1,
        productId: `prd_${row.product}`,
        categoryPath: row.category ? ['cat_a'] : [],
        quantity: row.quantity,
        unitPriceMinor: BigInt(row.unitPrice),
        discountMinor: (BigInt(row.quantity) * BigInt(row.unitPrice) * BigInt(row.discountShare)) / 100n,
        unitCostMinor: BigInt(row.unitCost),
        unitCtvPriceMinor: null,
      }),
    ),
  );

function compute(plan: ReturnType<typeof planVersionSchema.parse>, items: EngineItem[]) {
  return computeOrderCommission({
    plan,
    order: { id: 'ord', currency: 'VND', items, orderDiscountMinor: 0n, repurchase: false, renewal: null },
    partner: { enrollmentId: 'enr_seller', groupId: null },
    uplines: [{ enrollmentId: 'enr_up', groupId: null, level: 1, isCustomer: false }],
  });
}

/** Returns `steps` of units per line, one step at a time, reversing after each. */
function returnInSteps(
  lines: { id: string; lineNo: number | null; amountMinor: bigint }[],
  items: EngineItem[],
  steps: number[][],
  rounding: 'half_up' | 'half_even',
) {
  const reversed = new Map(lines.map((line) => [line.id, 0n]));
  const returned = new Map(items.map((item) => [item.lineNo, 0]));
  const orderNet = items.reduce(
    (sum, item) => sum + BigInt(item.quantity) * item.unitPriceMinor - item.discountMinor,
    0n,
  );
  for (const step of steps) {
    items.forEach((item, index) => {
      returned.set(item.lineNo, Math.min(item.quantity, returned.get(item.lineNo)! + (step[index] ?? 0)));
    });
    const returnedNet = items.reduce((sum, item) => {
      const net = BigInt(item.quantity) * item.unitPriceMinor - item.discountMinor;
      return sum + (net * BigInt(returned.get(item.lineNo)!)) / BigInt(item.quantity);
    }, 0n);
    const reversals = reversalsFor(
      lines.map((line) => ({ ...line, reversedMinor: reversed.get(line.id)! })),
      {
        items: new Map(
          items.map((item) => [item.lineNo, { returned: returned.get(item.lineNo)!, sold: item.quantity }]),
        ),
        // a full return of every item returns the whole order net
        returnedNetMinor: items.every((item) => returned.get(item.lineNo) === item.quantity)
          ? orderNet
          : returnedNet,
        orderNetMinor: orderNet,
      },
      rounding,
    );
    for (const reversal of reversals)
      reversed.set(reversal.lineId, reversed.get(reversal.lineId)! + reversal.amountMinor);
  }
  return reversed;
}

describe('commission properties', () => {
  it('after a full return, in any steps, every order’s lines sum to exactly zero', () => {
    fc.assert(
      fc.property(
        planArbitrary,
        itemsArbitrary,
        fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 5, maxLength: 5 }), { maxLength: 4 }),
        (plan, items, steps) => {
          const lines = compute(plan, items).lines.map((line, index) => ({ ...line, id: `l${index}` }));
          const everything = items.map((item) => item.quantity);
          const reversed = returnInSteps(lines, items, [...steps, everything], plan.settings.rounding);
          for (const line of lines) expect(line.amountMinor + reversed.get(line.id)!).toBe(0n);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a partial return reverses the same whatever steps it came in', () => {
    fc.assert(
      fc.property(
        planArbitrary,
        itemsArbitrary,
        fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 5, maxLength: 5 }), {
          minLength: 1,
          maxLength: 4,
        }),
        (plan, items, steps) => {
          const lines = compute(plan, items).lines.map((line, index) => ({ ...line, id: `l${index}` }));
          const total = items.map((item, index) =>
            Math.min(
              item.quantity,
              steps.reduce((sum, step) => sum + (step[index] ?? 0), 0),
            ),
          );
          const stepwise = returnInSteps(lines, items, steps, plan.settings.rounding);
          const atOnce = returnInSteps(lines, items, [total], plan.settings.rounding);
          expect(stepwise).toEqual(atOnce);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('computing twice gives the same lines, and the order of the items does not change the total', () => {
    fc.assert(
      fc.property(planArbitrary, itemsArbitrary, (plan, items) => {
        const once = compute(plan, items);
        expect(compute(plan, items)).toEqual(once);
        const reversedItems = [...items].reverse().map((item, index) => ({ ...item, lineNo: index + 1 }));
        const total = (lines: { amountMinor: bigint }[]) =>
          lines.reduce((sum, line) => sum + line.amountMinor, 0n);
        expect(total(compute(plan, reversedItems).lines)).toBe(total(once.lines));
      }),
      { numRuns: 300 },
    );
  });

  it('the profitability guard never lets an order’s commission exceed its share of the margin', () => {
    fc.assert(
      fc.property(planArbitrary, itemsArbitrary, (plan, items) => {
        const result = compute(plan, items);
        if (result.guard.state !== 'capped' && result.guard.state !== 'within') return;
        // the resale margin of discount programs is not commission; these plans pay commission only
        const total = result.lines.reduce((sum, line) => sum + line.amountMinor, 0n);
        const cap = result.guard.capMinor!;
        if (result.guard.state === 'within') expect(total <= cap).toBe(true);
        else expect(total).toBe(cap > 0n ? cap : 0n);
      }),
      { numRuns: 300 },
    );
  });
});
