import { describe, expect, it } from 'vitest';
import {
  type ComputeInput,
  computeOrderCommission,
  type EngineItem,
  type EngineOrder,
  winningRule,
} from './compute-order';
import { type PlanVersion, planVersionSchema } from './plan';
import { reversalsFor } from './reverse';

function plan(rules: unknown[], settings: Record<string, unknown> = {}): PlanVersion {
  return planVersionSchema.parse({ settings, rules });
}

function item(lineNo: number, overrides: Partial<EngineItem> = {}): EngineItem {
  return {
    lineNo,
    productId: `prd_${lineNo}`,
    categoryPath: [],
    quantity: 1,
    unitPriceMinor: 100_000n,
    discountMinor: 0n,
    unitCostMinor: null,
    unitCtvPriceMinor: null,
    ...overrides,
  };
}

function order(items: EngineItem[], overrides: Partial<EngineOrder> = {}): EngineOrder {
  return {
    id: 'ord_1',
    currency: 'VND',
    items,
    orderDiscountMinor: 0n,
    repurchase: false,
    renewal: null,
    ...overrides,
  };
}

const partner = { enrollmentId: 'enr_seller', groupId: null };

function compute(input: Partial<ComputeInput> & Pick<ComputeInput, 'plan' | 'order'>) {
  return computeOrderCommission({ partner, uplines: [], ...input });
}

const amounts = (lines: { kind: string; amountMinor: bigint }[]) => lines.map((l) => [l.kind, l.amountMinor]);

const basic10 = {
  id: 'base',
  kind: 'basic',
  scope: { kind: 'all' },
  calc: { type: 'percent', ratePpm: 100_000 },
};
const cosmetics12 = {
  id: 'cosmetics',
  kind: 'basic',
  scope: { kind: 'category', categoryId: 'cat_cosmetics' },
  calc: { type: 'percent', ratePpm: 120_000 },
};

describe('basic commission (CK cơ bản)', () => {
  it('pays a percent of each line net: 2 × 150.000 ₫ at 10% is 30.000 ₫', () => {
    const result = compute({
      plan: plan([basic10]),
      order: order([item(1, { quantity: 2, unitPriceMinor: 150_000n })]),
    });
    expect(amounts(result.lines)).toEqual([['basic', 30_000n]]);
    expect(result.lines[0]!.explanation).toMatchObject({
      rule: { id: 'base', kind: 'basic' },
      base: { of: 'line_net', amountMinor: '300000', quantity: 2, unitPriceMinor: '150000' },
      calc: { type: 'percent', ratePpm: '100000' },
      exact: '30000000000/1000000',
      rounding: 'half_up',
    });
  });

  it('takes the line discount and its share of the order discount off the base', () => {
    const result = compute({
      plan: plan([basic10]),
      order: order(
        [
          item(1, { unitPriceMinor: 120_000n, discountMinor: 20_000n }),
          item(2, { unitPriceMinor: 300_000n }),
        ],
        { orderDiscountMinor: 40_000n },
      ),
    });
    // nets 100.000 and 300.000 share the 40.000 order discount as 10.000 and 30.000
    expect(amounts(result.lines)).toEqual([
      ['basic', 9_000n],
      ['basic', 27_000n],
    ]);
    expect(result.lines[0]!.explanation.base.orderDiscountShareMinor).toBe('10000');
  });

  it('picks the most specific rule: product over category over everything', () => {
    const productRule = {
      id: 'serum',
      kind: 'basic',
      scope: { kind: 'product', productId: 'prd_2' },
      calc: { type: 'percent', ratePpm: 150_000 },
    };
    const result = compute({
      plan: plan([basic10, cosmetics12, productRule]),
      order: order([
        item(1),
        item(2, { categoryPath: ['cat_cosmetics'] }),
        item(3, { categoryPath: ['cat_face', 'cat_cosmetics'] }),
      ]),
    });
    expect(result.lines.map((l) => [l.lineNo, l.ruleId, l.amountMinor])).toEqual([
      [1, 'base', 10_000n],
      [2, 'serum', 15_000n],
      [3, 'cosmetics', 12_000n],
    ]);
  });

  it('prefers a group rule over a general one of the same scope, then the higher priority', () => {
    const gold = { ...basic10, id: 'gold', groupId: 'pgr_gold', calc: { type: 'percent', ratePpm: 130_000 } };
    const high = { ...basic10, id: 'high', priority: 5, calc: { type: 'percent', ratePpm: 110_000 } };
    const rules = plan([basic10, gold, high]).rules.filter((r) => r.kind === 'basic');
    expect(winningRule(rules, item(1), 'pgr_gold')?.id).toBe('gold');
    expect(winningRule(rules, item(1), null)?.id).toBe('high');
    expect(winningRule(rules, item(1), 'pgr_silver')?.id).toBe('high');
  });

  it('pays fixed amounts per unit, and per order only once', () => {
    const perUnit = {
      id: 'unit',
      kind: 'basic',
      scope: { kind: 'product', productId: 'prd_1' },
      calc: { type: 'fixed_per_unit', amountMinor: 5_000 },
    };
    const perOrder = {
      id: 'order',
      kind: 'basic',
      scope: { kind: 'all' },
      calc: { type: 'fixed_per_order', amountMinor: 20_000 },
    };
    const result = compute({
      plan: plan([perUnit, perOrder]),
      order: order([item(1, { quantity: 3 }), item(2), item(3)]),
    });
    expect(result.lines.map((l) => [l.ruleId, l.lineNo, l.amountMinor])).toEqual([
      ['unit', 1, 15_000n],
      ['order', null, 20_000n],
    ]);
  });

  it('rounds each line half-up by default and half-even when the plan says so', () => {
    const cheap = order([item(1, { unitPriceMinor: 125n }), item(2, { unitPriceMinor: 135n })]);
    expect(amounts(compute({ plan: plan([basic10]), order: cheap }).lines)).toEqual([
      ['basic', 13n],
      ['basic', 14n],
    ]);
    expect(
      amounts(compute({ plan: plan([basic10], { rounding: 'half_even' }), order: cheap }).lines),
    ).toEqual([
      ['basic', 12n],
      ['basic', 14n],
    ]);
  });

  it('computes baht to the satang: 1.234,50 ฿ at 7.5% is 92,59 ฿', () => {
    const rule = { ...basic10, calc: { type: 'percent', ratePpm: 75_000 } };
    const result = compute({
      plan: plan([rule]),
      order: order([item(1, { unitPriceMinor: 123_450n })], { currency: 'THB' }),
    });
    expect(amounts(result.lines)).toEqual([['basic', 9_259n]]);
  });
});

describe('add-on, repurchase, recurring and discount programs', () => {
  const addon = {
    id: 'mask-with-serum',
    kind: 'addon',
    mainProductId: 'prd_1',
    addonProductId: 'prd_2',
    calc: { type: 'fixed_per_order', amountMinor: 25_000 },
  };

  it('pays the add-on bonus only when the main product is in the order', () => {
    const both = compute({ plan: plan([basic10, addon]), order: order([item(1), item(2)]) });
    expect(amounts(both.lines)).toEqual([
      ['basic', 10_000n],
      ['basic', 10_000n],
      ['addon', 25_000n],
    ]);
    const alone = compute({ plan: plan([basic10, addon]), order: order([item(2)]) });
    expect(amounts(alone.lines)).toEqual([['basic', 10_000n]]);
  });

  it('pays a percent of the add-on line', () => {
    const percent = { ...addon, calc: { type: 'percent', ratePpm: 50_000 } };
    const result = compute({
      plan: plan([percent]),
      order: order([item(1), item(2, { unitPriceMinor: 80_000n })]),
    });
    expect(result.lines.map((l) => [l.kind, l.lineNo, l.amountMinor])).toEqual([['addon', 2, 4_000n]]);
  });

  it('pays the repurchase rate instead of the basic one on orders of owned customers', () => {
    const repurchase = { id: 'again', kind: 'repurchase', scope: { kind: 'all' }, ratePpm: 150_000 };
    const first = compute({ plan: plan([basic10, repurchase]), order: order([item(1)]) });
    expect(amounts(first.lines)).toEqual([['basic', 10_000n]]);
    const again = compute({
      plan: plan([basic10, repurchase]),
      order: order([item(1)], { repurchase: true }),
    });
    expect(amounts(again.lines)).toEqual([['repurchase', 15_000n]]);
    const stacked = compute({
      plan: plan([basic10, { ...repurchase, stacking: 'add', ratePpm: 20_000 }]),
      order: order([item(1)], { repurchase: true }),
    });
    expect(amounts(stacked.lines)).toEqual([
      ['basic', 10_000n],
      ['repurchase', 2_000n],
    ]);
  });

  it('pays renewals for the rule’s months only', () => {
    const recurring = {
      id: 'renew',
      kind: 'recurring',
      scope: { kind: 'all' },
      ratePpm: 200_000,
      months: 12,
    };
    const month3 = compute({
      plan: plan([basic10, recurring]),
      order: order([item(1)], { renewal: { monthsSinceStart: 3 } }),
    });
    expect(amounts(month3.lines)).toEqual([['recurring', 20_000n]]);
    const month12 = compute({
      plan: plan([basic10, recurring]),
      order: order([item(1)], { renewal: { monthsSinceStart: 12 } }),
    });
    expect(month12.lines).toEqual([]);
    const forLife = compute({
      plan: plan([{ ...recurring, months: null }]),
      order: order([item(1)], { renewal: { monthsSinceStart: 60 } }),
    });
    expect(amounts(forLife.lines)).toEqual([['recurring', 20_000n]]);
  });

  it('records the resale margin of discount programs, with no commission on top unless a rule says so', () => {
    const ctv = item(1, { quantity: 2, unitPriceMinor: 250_000n, unitCtvPriceMinor: 200_000n });
    const result = compute({ plan: plan([basic10], { payMode: 'discount' }), order: order([ctv]) });
    expect(amounts(result.lines)).toEqual([['discount_margin', 100_000n]]);
    const onTop = compute({
      plan: plan([{ ...basic10, onTopOfDiscount: true, calc: { type: 'percent', ratePpm: 20_000 } }], {
        payMode: 'discount',
      }),
      order: order([ctv]),
    });
    expect(amounts(onTop.lines)).toEqual([
      ['discount_margin', 100_000n],
      ['basic', 10_000n],
    ]);
  });
});

describe('volume tiers (CK nâng cao)', () => {
  const tier = {
    id: 'monthly',
    kind: 'tier',
    scope: { kind: 'all' },
    period: 'month',
    measure: 'amount',
    mode: 'retroactive',
    tiers: [
      { threshold: 50_000_000, ratePpm: 20_000 },
      { threshold: 100_000_000, ratePpm: 30_000 },
    ],
  };
  const progress = (measureBefore: bigint) => ({
    monthly: { measureBefore, baseBefore: measureBefore, adjustedToTier: -1 },
  });
  const bigOrder = order([item(1, { unitPriceMinor: 10_000_000n })]);

  it('pays nothing below the first threshold (49.999.999 ₫ after the order)', () => {
    const result = compute({
      plan: plan([tier]),
      order: order([item(1, { unitPriceMinor: 9_999_999n })]),
      tierProgress: progress(40_000_000n),
    });
    expect(result.lines).toEqual([]);
  });

  it('retroactive: reaching exactly 50.000.000 ₫ pays this order at 2% and lifts the month’s earlier 40.000.000 ₫', () => {
    const result = compute({ plan: plan([tier]), order: bigOrder, tierProgress: progress(40_000_000n) });
    expect(amounts(result.lines)).toEqual([
      ['tier', 200_000n],
      ['tier_adjustment', 800_000n],
    ]);
    expect(result.lines[1]!.explanation.tier).toMatchObject({
      before: '40000000',
      after: '50000000',
      tierIndexBefore: -1,
      tierIndexAfter: 0,
      thresholdMinor: '50000000',
    });
  });

  it('retroactive: an order inside a reached tier pays its rate with no new adjustment', () => {
    const result = compute({
      plan: plan([tier]),
      order: bigOrder,
      tierProgress: { monthly: { measureBefore: 60_000_000n, baseBefore: 60_000_000n, adjustedToTier: 0 } },
    });
    expect(amounts(result.lines)).toEqual([['tier', 200_000n]]);
  });

  it('marginal: only the part above the threshold earns the higher rate', () => {
    const result = compute({
      plan: plan([{ ...tier, mode: 'marginal' }]),
      order: bigOrder,
      tierProgress: progress(45_000_000n),
    });
    // 45M → 55M: 5M below the threshold earn nothing, 5M above earn 2%
    expect(amounts(result.lines)).toEqual([['tier', 100_000n]]);
    // crossing two bands: 95M → 105M is 5M at 2% and 5M at 3%
    const two = compute({
      plan: plan([{ ...tier, mode: 'marginal' }]),
      order: bigOrder,
      tierProgress: progress(95_000_000n),
    });
    expect(amounts(two.lines)).toEqual([['tier', 250_000n]]);
  });

  it('replaces the basic rate on covered lines when the plan says so and a tier is reached', () => {
    const replacing = { ...tier, stacking: 'replace' };
    const below = compute({
      plan: plan([basic10, replacing]),
      order: order([item(1)]),
      tierProgress: progress(0n),
    });
    expect(amounts(below.lines)).toEqual([['basic', 10_000n]]);
    const reached = compute({
      plan: plan([basic10, replacing]),
      order: bigOrder,
      tierProgress: progress(45_000_000n),
    });
    expect(amounts(reached.lines)).toEqual([
      ['tier', 200_000n],
      ['tier_adjustment', 900_000n],
    ]);
  });

  it('refuses thresholds that do not rise', () => {
    expect(() =>
      plan([
        {
          ...tier,
          tiers: [
            { threshold: 10, ratePpm: 1 },
            { threshold: 10, ratePpm: 2 },
          ],
        },
      ]),
    ).toThrow(/Tier thresholds must rise/);
  });
});

describe('overrides (CK mã ID REF)', () => {
  const override = { id: 'ref', kind: 'override', levels: [{ basis: 'sale', ratePpm: 50_000 }] };
  const uplines = [
    { enrollmentId: 'enr_up1', groupId: null, level: 1, isCustomer: false },
    { enrollmentId: 'enr_up2', groupId: null, level: 2, isCustomer: false },
  ];

  it('pays level 1 only with the default depth, on the sale', () => {
    const result = compute({ plan: plan([basic10, override]), order: order([item(1)]), uplines });
    expect(result.lines.map((l) => [l.kind, l.enrollmentId, l.level, l.amountMinor])).toEqual([
      ['basic', 'enr_seller', 0, 10_000n],
      ['override', 'enr_up1', 1, 5_000n],
    ]);
  });

  it('needs an acknowledgement for more than one level, and never allows more than three', () => {
    const twoLevels = {
      ...override,
      levels: [
        { basis: 'sale', ratePpm: 50_000 },
        { basis: 'commission', ratePpm: 100_000 },
      ],
    };
    expect(() => plan([twoLevels], { overrideDepth: 2 })).toThrow(/40% of revenue/);
    expect(() => plan([override], { overrideDepth: 4, multiLevelAcknowledged: true })).toThrow();
    const result = compute({
      plan: plan([basic10, twoLevels], { overrideDepth: 2, multiLevelAcknowledged: true }),
      order: order([item(1)]),
      uplines,
    });
    expect(result.lines.map((l) => [l.enrollmentId, l.amountMinor])).toEqual([
      ['enr_seller', 10_000n],
      ['enr_up1', 5_000n],
      ['enr_up2', 1_000n],
    ]);
  });

  it('caps the order’s total overrides, sharing the cap exactly', () => {
    const capped = {
      ...override,
      levels: [
        { basis: 'sale', ratePpm: 50_000 },
        { basis: 'sale', ratePpm: 30_000 },
      ],
      capPpm: 60_000,
    };
    const result = compute({
      plan: plan([capped], { overrideDepth: 2, multiLevelAcknowledged: true }),
      order: order([item(1, { unitPriceMinor: 100_001n })]),
      uplines,
    });
    // 5% + 3% = 8.000 ₫ over a 6.000 ₫ cap (6% of 100.001 ₫, rounded down): 3.750 + 2.250
    expect(result.lines.map((l) => l.amountMinor)).toEqual([3_750n, 2_250n]);
    expect(result.lines[0]!.explanation.cap).toEqual({
      kind: 'override_cap',
      capMinor: '6000',
      totalBeforeMinor: '8000',
      amountBeforeMinor: '5000',
    });
  });

  it('pays no override to an upline buying for themselves', () => {
    const result = compute({
      plan: plan([basic10, override]),
      order: order([item(1)]),
      uplines: [{ ...uplines[0]!, isCustomer: true }],
    });
    expect(amounts(result.lines)).toEqual([['basic', 10_000n]]);
  });
});

describe('profitability guard', () => {
  it('caps the order’s commission at a share of its gross margin, in proportion, and says so', () => {
    const result = compute({
      plan: plan([basic10, cosmetics12], { profitabilityGuardPpm: 300_000 }),
      order: order([
        item(1, { unitPriceMinor: 200_000n, unitCostMinor: 150_000n }),
        item(2, { unitPriceMinor: 100_000n, unitCostMinor: 70_000n, categoryPath: ['cat_cosmetics'] }),
      ]),
    });
    // margin 80.000 ₫, cap 30% = 24.000 ₫; commission 20.000 + 12.000 = 32.000 ₫ → 15.000 + 9.000
    expect(result.guard).toEqual({ state: 'capped', marginMinor: 80_000n, capMinor: 24_000n });
    expect(amounts(result.lines)).toEqual([
      ['basic', 15_000n],
      ['basic', 9_000n],
    ]);
    expect(result.lines[1]!.explanation.cap).toMatchObject({
      kind: 'profitability',
      amountBeforeMinor: '12000',
    });
  });

  it('cannot run without every cost, and says so', () => {
    const result = compute({
      plan: plan([basic10], { profitabilityGuardPpm: 300_000 }),
      order: order([item(1, { unitCostMinor: 10_000n }), item(2)]),
    });
    expect(result.guard).toEqual({ state: 'cost_unknown' });
    expect(amounts(result.lines)).toEqual([
      ['basic', 10_000n],
      ['basic', 10_000n],
    ]);
  });
});

describe('reversals of returns', () => {
  it('takes back exactly the returned share, and everything on a full return', () => {
    const lines = [
      { id: 'l1', lineNo: 1, amountMinor: 10_001n, reversedMinor: 0n },
      { id: 'l2', lineNo: null, amountMinor: 999n, reversedMinor: 0n },
    ];
    const one = reversalsFor(
      lines,
      { items: new Map([[1, { returned: 1, sold: 3 }]]), returnedNetMinor: 1n, orderNetMinor: 3n },
      'half_up',
    );
    expect(one.map((r) => [r.lineId, r.amountMinor])).toEqual([
      ['l1', -3_334n],
      ['l2', -333n],
    ]);
    const after = lines.map((line) => ({
      ...line,
      reversedMinor: one.find((r) => r.lineId === line.id)?.amountMinor ?? 0n,
    }));
    const again = reversalsFor(
      after,
      { items: new Map([[1, { returned: 1, sold: 3 }]]), returnedNetMinor: 1n, orderNetMinor: 3n },
      'half_up',
    );
    expect(again).toEqual([]);
    const rest = reversalsFor(
      after,
      { items: new Map([[1, { returned: 3, sold: 3 }]]), returnedNetMinor: 3n, orderNetMinor: 3n },
      'half_up',
    );
    expect(rest.map((r) => [r.lineId, r.amountMinor])).toEqual([
      ['l1', -6_667n],
      ['l2', -666n],
    ]);
  });
});
