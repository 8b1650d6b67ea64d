import { allocate, divideRounded, RATE_SCALE, type Rounding } from '../../../platform/money';
import type {
  AddonRule,
  BasicRule,
  Calc,
  OverrideRule,
  PlanVersion,
  RecurringRule,
  RepurchaseRule,
  Rule,
  Scope,
  TierRule,
} from './plan';

/** An order line as the engine sees it: catalog facts copied at order time, money in minor units. */
export type EngineItem = {
  lineNo: number;
  productId: string | null;
  /** The item's category and its ancestors, nearest first (a category rule covers descendants). */
  categoryPath: string[];
  quantity: number;
  unitPriceMinor: bigint;
  /** Discount on the whole line. */
  discountMinor: bigint;
  unitCostMinor: bigint | null;
  unitCtvPriceMinor: bigint | null;
};

export type EngineOrder = {
  id: string;
  currency: string;
  items: EngineItem[];
  /** Order-level discount, shared over the lines in proportion to their net amounts. */
  orderDiscountMinor: bigint;
  /** The customer is owned by the credited partner (a repeat purchase within the ownership window). */
  repurchase: boolean;
  /** A subscription renewal, with the whole months since the subscription started. */
  renewal: { monthsSinceStart: number } | null;
};

export type EnginePartner = { enrollmentId: string; groupId: string | null };
export type EngineUpline = EnginePartner & {
  level: number;
  /** The upline is the customer of this order: no override on what they buy for themselves. */
  isCustomer: boolean;
};

/** Where the partner stands in a tier rule's period before this order (from earlier lines). */
export type TierProgress = {
  /** The measured volume before this order: amount (minor units), units or orders. */
  measureBefore: bigint;
  /** The partner's own in-scope net amount before this order, the base of retroactive adjustments. */
  baseBefore: bigint;
  /** Retroactive adjustments already paid in the period, by tier index reached. */
  adjustedToTier: number;
};

export type LineKind =
  | 'basic'
  | 'tier'
  | 'tier_adjustment'
  | 'addon'
  | 'repurchase'
  | 'recurring'
  | 'discount_margin'
  | 'override';

/** Why a line has its amount: everything a person needs to recompute it by hand. */
export type Explanation = {
  rule: { id: string; name: string; kind: Rule['kind'] } | null;
  scope?: Scope;
  base: {
    of:
      | 'line_net'
      | 'order_net'
      | 'addon_line'
      | 'resale_margin'
      | 'commission'
      | 'units'
      | 'order'
      | 'period_base';
    amountMinor: string;
    quantity?: number;
    unitPriceMinor?: string;
    lineDiscountMinor?: string;
    orderDiscountShareMinor?: string;
    unitCtvPriceMinor?: string;
  };
  calc:
    | { type: 'percent'; ratePpm: string }
    | { type: 'fixed_per_unit'; amountMinor: string; quantity: number }
    | { type: 'fixed_per_order'; amountMinor: string }
    | { type: 'margin' }
    | { type: 'tier_bands'; bands: { fromMinor: string; toMinor: string; ratePpm: string }[] };
  tier?: {
    measure: TierRule['measure'];
    mode: TierRule['mode'];
    before: string;
    after: string;
    tierIndexBefore: number;
    tierIndexAfter: number;
    thresholdMinor?: string;
  };
  level?: number;
  /** The exact amount before rounding, as a fraction "numerator/denominator" of minor units. */
  exact: string;
  rounding: Rounding;
  cap?: {
    kind: 'override_cap' | 'profitability';
    capMinor: string;
    totalBeforeMinor: string;
    amountBeforeMinor: string;
  };
  notes?: string[];
};

export type DraftLine = {
  enrollmentId: string;
  kind: LineKind;
  ruleId: string | null;
  lineNo: number | null;
  level: number;
  baseMinor: bigint;
  ratePpm: bigint | null;
  amountMinor: bigint;
  explanation: Explanation;
};

export type OrderComputation = {
  lines: DraftLine[];
  /** What the profitability guard did: capped, not needed, or could not run (a cost unknown). */
  guard: { state: 'off' | 'within' | 'capped' | 'cost_unknown'; marginMinor?: bigint; capMinor?: bigint };
};

export type ComputeInput = {
  plan: PlanVersion;
  order: EngineOrder;
  partner: EnginePartner;
  uplines: EngineUpline[];
  tierProgress?: Record<string, TierProgress>;
};

const str = (value: bigint) => value.toString();

/** Net amount of each line after its own discount and its share of the order discount. */
export function netOfLines(
  order: EngineOrder,
): { lineNo: number; gross: bigint; orderShare: bigint; net: bigint }[] {
  const lines = order.items.map((item) => ({
    lineNo: item.lineNo,
    gross: BigInt(item.quantity) * item.unitPriceMinor - item.discountMinor,
  }));
  const weights = lines.map((line) => (line.gross > 0n ? line.gross : 0n));
  const totalWeight = weights.reduce((a, b) => a + b, 0n);
  const shares =
    order.orderDiscountMinor > 0n && totalWeight > 0n
      ? allocate({ amount: order.orderDiscountMinor, currency: order.currency }, weights).map((m) => m.amount)
      : lines.map(() => 0n);
  return lines.map((line, index) => ({
    ...line,
    orderShare: shares[index]!,
    net: line.gross - shares[index]!,
  }));
}

/** How specific a scope is for an item: product 3, category 2 (+ depth), everything 1; 0 = not covered. */
function specificity(scope: Scope, item: EngineItem): number {
  if (scope.kind === 'all') return 1;
  if (scope.kind === 'product') return item.productId === scope.productId ? 1000 : 0;
  const index = item.categoryPath.indexOf(scope.categoryId);
  return index < 0 ? 0 : 100 - Math.min(index, 98);
}

function appliesToGroup(rule: { groupId: string | null }, groupId: string | null): boolean {
  return rule.groupId === null || rule.groupId === groupId;
}

/**
 * The rule that wins for an item among candidates: the most specific scope, then group-specific
 * over general, then the higher priority, then the smaller id (so the choice never depends on order).
 */
export function winningRule<R extends { id: string; scope: Scope; groupId: string | null; priority: number }>(
  rules: R[],
  item: EngineItem,
  groupId: string | null,
): R | undefined {
  let best: { rule: R; key: [number, number, number] } | undefined;
  for (const rule of rules) {
    if (!appliesToGroup(rule, groupId)) continue;
    const scope = specificity(rule.scope, item);
    if (scope === 0) continue;
    const key: [number, number, number] = [scope, rule.groupId === null ? 0 : 1, rule.priority];
    if (
      !best ||
      key[0] > best.key[0] ||
      (key[0] === best.key[0] && key[1] > best.key[1]) ||
      (key[0] === best.key[0] && key[1] === best.key[1] && key[2] > best.key[2]) ||
      (key[0] === best.key[0] && key[1] === best.key[1] && key[2] === best.key[2] && rule.id < best.rule.id)
    )
      best = { rule, key };
  }
  return best?.rule;
}

function percentLine(base: bigint, ratePpm: bigint, rounding: Rounding): { amount: bigint; exact: string } {
  return {
    amount: divideRounded(base * ratePpm, RATE_SCALE, rounding),
    exact: `${base * ratePpm}/${RATE_SCALE}`,
  };
}

function ruleRef(rule: Rule) {
  return { id: rule.id, name: rule.name, kind: rule.kind };
}

function calcLine(
  calc: Calc,
  net: bigint,
  quantity: number,
  rounding: Rounding,
): { amount: bigint; exact: string; rate: bigint | null; explanation: Explanation['calc'] } {
  if (calc.type === 'percent') {
    const { amount, exact } = percentLine(net, calc.ratePpm, rounding);
    return {
      amount,
      exact,
      rate: calc.ratePpm,
      explanation: { type: 'percent', ratePpm: str(calc.ratePpm) },
    };
  }
  if (calc.type === 'fixed_per_unit') {
    const amount = calc.amountMinor * BigInt(quantity);
    return {
      amount,
      exact: `${amount}/1`,
      rate: null,
      explanation: { type: 'fixed_per_unit', amountMinor: str(calc.amountMinor), quantity },
    };
  }
  return {
    amount: calc.amountMinor,
    exact: `${calc.amountMinor}/1`,
    rate: null,
    explanation: { type: 'fixed_per_order', amountMinor: str(calc.amountMinor) },
  };
}

/** Index of the highest tier whose threshold the measure reaches, or -1. */
export function tierIndex(rule: TierRule, measure: bigint): number {
  let reached = -1;
  rule.tiers.forEach((tier, index) => {
    if (measure >= tier.threshold) reached = index;
  });
  return reached;
}

const rateAt = (rule: TierRule, index: number) => (index < 0 ? 0n : rule.tiers[index]!.ratePpm);

/**
 * Computes the commission lines of one attributed order under one plan version. Pure: the same
 * input always gives the same lines, and nothing is read or written.
 */
export function computeOrderCommission(input: ComputeInput): OrderComputation {
  const { plan, order, partner } = input;
  const { rounding } = plan.settings;
  const rules = plan.rules.filter((rule) => appliesToGroup(rule, partner.groupId));
  const nets = netOfLines(order);
  const netOf = new Map(nets.map((n) => [n.lineNo, n]));
  const lines: DraftLine[] = [];
  const direct = (line: Omit<DraftLine, 'enrollmentId' | 'level'>) =>
    lines.push({ ...line, enrollmentId: partner.enrollmentId, level: 0 });

  const basics = rules.filter((r): r is BasicRule => r.kind === 'basic');
  const repurchases = rules.filter((r): r is RepurchaseRule => r.kind === 'repurchase');
  const recurrings = rules.filter((r): r is RecurringRule => r.kind === 'recurring');
  const tiers = rules.filter((r): r is TierRule => r.kind === 'tier');
  const discountMode = plan.settings.payMode === 'discount';

  // Tier rules first: a reached tier with "replace" stacking takes the basic rule's place.
  const tierPlans = tiers.map((rule) => planTier(rule, order, nets, input.tierProgress?.[rule.id]));
  const replacedByTier = new Set<number>();
  for (const tier of tierPlans) {
    if (tier.rule.stacking === 'replace' && tier.reachedAfter >= 0)
      for (const no of tier.lineNos) replacedByTier.add(no);
  }

  const perOrderPaid = new Set<string>();
  for (const item of order.items) {
    const net = netOf.get(item.lineNo)!;
    if (item.quantity <= 0) continue;
    const baseExplanation = {
      of: 'line_net' as const,
      amountMinor: str(net.net),
      quantity: item.quantity,
      unitPriceMinor: str(item.unitPriceMinor),
      lineDiscountMinor: str(item.discountMinor),
      orderDiscountShareMinor: str(net.orderShare),
    };

    if (order.renewal) {
      // Renewals are paid by recurring rules only, within their months.
      const rule = winningRule(recurrings, item, partner.groupId);
      if (rule && (rule.months === null || order.renewal.monthsSinceStart < rule.months)) {
        const { amount, exact } = percentLine(net.net, rule.ratePpm, rounding);
        direct({
          kind: 'recurring',
          ruleId: rule.id,
          lineNo: item.lineNo,
          baseMinor: net.net,
          ratePpm: rule.ratePpm,
          amountMinor: amount,
          explanation: {
            rule: ruleRef(rule),
            scope: rule.scope,
            base: baseExplanation,
            calc: { type: 'percent', ratePpm: str(rule.ratePpm) },
            exact,
            rounding,
            notes: [`renewal_month:${order.renewal.monthsSinceStart + 1}`],
          },
        });
      }
      continue;
    }

    if (discountMode) {
      if (item.unitCtvPriceMinor !== null) {
        const margin = net.net - BigInt(item.quantity) * item.unitCtvPriceMinor;
        direct({
          kind: 'discount_margin',
          ruleId: null,
          lineNo: item.lineNo,
          baseMinor: net.net,
          ratePpm: null,
          amountMinor: margin,
          explanation: {
            rule: null,
            base: { ...baseExplanation, of: 'resale_margin', unitCtvPriceMinor: str(item.unitCtvPriceMinor) },
            calc: { type: 'margin' },
            exact: `${margin}/1`,
            rounding,
          },
        });
      }
    }

    const repurchase = order.repurchase ? winningRule(repurchases, item, partner.groupId) : undefined;
    const basicCandidates = discountMode ? basics.filter((rule) => rule.onTopOfDiscount) : basics;
    const basic =
      (repurchase && repurchase.stacking === 'replace') || replacedByTier.has(item.lineNo)
        ? undefined
        : winningRule(basicCandidates, item, partner.groupId);
    if (basic) {
      const perOrder = basic.calc.type === 'fixed_per_order';
      if (!perOrder || !perOrderPaid.has(basic.id)) {
        if (perOrder) perOrderPaid.add(basic.id);
        const calc = calcLine(basic.calc, net.net, item.quantity, rounding);
        direct({
          kind: 'basic',
          ruleId: basic.id,
          lineNo: perOrder ? null : item.lineNo,
          baseMinor: perOrder ? 0n : net.net,
          ratePpm: calc.rate,
          amountMinor: calc.amount,
          explanation: {
            rule: ruleRef(basic),
            scope: basic.scope,
            base: perOrder ? { of: 'order', amountMinor: '0' } : baseExplanation,
            calc: calc.explanation,
            exact: calc.exact,
            rounding,
          },
        });
      }
    }
    if (repurchase) {
      const { amount, exact } = percentLine(net.net, repurchase.ratePpm, rounding);
      direct({
        kind: 'repurchase',
        ruleId: repurchase.id,
        lineNo: item.lineNo,
        baseMinor: net.net,
        ratePpm: repurchase.ratePpm,
        amountMinor: amount,
        explanation: {
          rule: ruleRef(repurchase),
          scope: repurchase.scope,
          base: baseExplanation,
          calc: { type: 'percent', ratePpm: str(repurchase.ratePpm) },
          exact,
          rounding,
        },
      });
    }
  }

  if (!order.renewal) {
    for (const tier of tierPlans)
      lines.push(...tierLines(tier, partner.enrollmentId, rounding, order.currency));
    for (const rule of rules.filter((r): r is AddonRule => r.kind === 'addon')) {
      const line = addonLine(rule, order, netOf, rounding);
      if (line) direct(line);
    }
  }

  const overrides = overrideLines(input, lines, nets, rounding);
  lines.push(...overrides);
  const guard = applyProfitabilityGuard(plan, order, nets, lines);
  return { lines, guard };
}

type TierPlan = {
  rule: TierRule;
  lineNos: number[];
  lineBases: bigint[];
  base: bigint;
  measureBefore: bigint;
  measureAfter: bigint;
  reachedBefore: number;
  reachedAfter: number;
  progress: TierProgress;
};

function planTier(
  rule: TierRule,
  order: EngineOrder,
  nets: ReturnType<typeof netOfLines>,
  progress: TierProgress = { measureBefore: 0n, baseBefore: 0n, adjustedToTier: -1 },
): TierPlan {
  const covered = order.items.filter((item) => item.quantity > 0 && specificity(rule.scope, item) > 0);
  const lineBases = covered.map((item) => nets.find((n) => n.lineNo === item.lineNo)!.net);
  const base = lineBases.reduce((a, b) => a + b, 0n);
  const contribution =
    rule.measure === 'amount'
      ? base
      : rule.measure === 'quantity'
        ? covered.reduce((total, item) => total + BigInt(item.quantity), 0n)
        : covered.length > 0
          ? 1n
          : 0n;
  const measureAfter = progress.measureBefore + contribution;
  return {
    rule,
    lineNos: covered.map((item) => item.lineNo),
    lineBases,
    base,
    measureBefore: progress.measureBefore,
    measureAfter,
    reachedBefore: tierIndex(rule, progress.measureBefore),
    reachedAfter: tierIndex(rule, measureAfter),
    progress,
  };
}

/**
 * Tier lines of one order. Retroactive: the order at the rate reached with it, plus an adjustment
 * that lifts the period's earlier sales to that rate when this order reaches a new tier. Marginal:
 * each part of the order's volume at the rate of the band it falls in.
 */
function tierLines(tier: TierPlan, enrollmentId: string, rounding: Rounding, currency: string): DraftLine[] {
  const { rule } = tier;
  if (tier.base <= 0n) return [];
  const tierInfo = {
    measure: rule.measure,
    mode: rule.mode,
    before: str(tier.measureBefore),
    after: str(tier.measureAfter),
    tierIndexBefore: tier.reachedBefore,
    tierIndexAfter: tier.reachedAfter,
    ...(tier.reachedAfter >= 0 ? { thresholdMinor: str(rule.tiers[tier.reachedAfter]!.threshold) } : {}),
  };
  const out: DraftLine[] = [];
  let orderAmount: { numerator: bigint; denominator: bigint };
  let calc: Explanation['calc'];
  let ratePpm: bigint | null;
  if (rule.mode === 'retroactive' || rule.measure === 'orders') {
    ratePpm = rateAt(rule, tier.reachedAfter);
    orderAmount = { numerator: tier.base * ratePpm, denominator: RATE_SCALE };
    calc = { type: 'percent', ratePpm: str(ratePpm) };
  } else {
    // marginal: split this order's volume over the bands it crosses
    const span = tier.measureAfter - tier.measureBefore;
    const bands: { fromMinor: string; toMinor: string; ratePpm: string }[] = [];
    let numerator = 0n;
    rule.tiers.forEach((band, index) => {
      const next = rule.tiers[index + 1]?.threshold;
      const from = band.threshold > tier.measureBefore ? band.threshold : tier.measureBefore;
      const to = next !== undefined && next < tier.measureAfter ? next : tier.measureAfter;
      if (to <= from) return;
      // the base of this band is the order's base in proportion to the volume inside the band
      numerator += tier.base * (to - from) * band.ratePpm;
      bands.push({ fromMinor: str(from), toMinor: str(to), ratePpm: str(band.ratePpm) });
    });
    orderAmount = { numerator, denominator: span * RATE_SCALE };
    calc = { type: 'tier_bands', bands };
    ratePpm = null;
  }
  const total = divideRounded(orderAmount.numerator, orderAmount.denominator, rounding);
  if (total !== 0n) {
    const parts = allocate(
      { amount: total, currency },
      tier.lineBases.map((b) => (b > 0n ? b : 0n)),
    );
    tier.lineNos.forEach((lineNo, index) => {
      out.push({
        enrollmentId,
        kind: 'tier',
        ruleId: rule.id,
        lineNo,
        level: 0,
        baseMinor: tier.lineBases[index]!,
        ratePpm,
        amountMinor: parts[index]!.amount,
        explanation: {
          rule: ruleRef(rule),
          scope: rule.scope,
          base: { of: 'line_net', amountMinor: str(tier.lineBases[index]!) },
          calc,
          tier: tierInfo,
          exact: `${orderAmount.numerator}/${orderAmount.denominator} (order), shared by line net`,
          rounding,
        },
      });
    });
  }
  if (
    rule.mode === 'retroactive' &&
    tier.reachedAfter > tier.reachedBefore &&
    tier.reachedAfter > tier.progress.adjustedToTier &&
    tier.progress.baseBefore > 0n
  ) {
    const paidRate = rateAt(rule, Math.max(tier.reachedBefore, tier.progress.adjustedToTier));
    const lift = rateAt(rule, tier.reachedAfter) - paidRate;
    const { amount, exact } = percentLine(tier.progress.baseBefore, lift, rounding);
    out.push({
      enrollmentId,
      kind: 'tier_adjustment',
      ruleId: rule.id,
      lineNo: null,
      level: 0,
      baseMinor: tier.progress.baseBefore,
      ratePpm: lift,
      amountMinor: amount,
      explanation: {
        rule: ruleRef(rule),
        scope: rule.scope,
        base: { of: 'period_base', amountMinor: str(tier.progress.baseBefore) },
        calc: { type: 'percent', ratePpm: str(lift) },
        tier: tierInfo,
        exact,
        rounding,
      },
    });
  }
  return out;
}

function addonLine(
  rule: AddonRule,
  order: EngineOrder,
  netOf: Map<number, { net: bigint }>,
  rounding: Rounding,
): Omit<DraftLine, 'enrollmentId' | 'level'> | undefined {
  const main = order.items.find((item) => item.productId === rule.mainProductId && item.quantity > 0);
  const addon = order.items.find((item) => item.productId === rule.addonProductId && item.quantity > 0);
  if (!main || !addon) return undefined;
  const addonNet = netOf.get(addon.lineNo)!.net;
  const calc = calcLine(rule.calc, addonNet, addon.quantity, rounding);
  const perOrder = rule.calc.type === 'fixed_per_order';
  return {
    kind: 'addon',
    ruleId: rule.id,
    lineNo: perOrder ? null : addon.lineNo,
    baseMinor: perOrder ? 0n : addonNet,
    ratePpm: calc.rate,
    amountMinor: calc.amount,
    explanation: {
      rule: ruleRef(rule),
      base: perOrder ? { of: 'order', amountMinor: '0' } : { of: 'addon_line', amountMinor: str(addonNet) },
      calc: calc.explanation,
      exact: calc.exact,
      rounding,
      notes: [`main_line:${main.lineNo}`, `addon_line:${addon.lineNo}`],
    },
  };
}

/** Overrides to the uplines, per level, within the plan's depth and the rule's cap. */
function overrideLines(
  input: ComputeInput,
  directLines: DraftLine[],
  nets: ReturnType<typeof netOfLines>,
  rounding: Rounding,
): DraftLine[] {
  const { plan, partner } = input;
  const rule = winningOverride(
    plan.rules.filter((r): r is OverrideRule => r.kind === 'override'),
    partner.groupId,
  );
  if (!rule || input.order.renewal) return [];
  const orderNet = nets.reduce((total, n) => total + n.net, 0n);
  const directTotal = directLines.reduce((total, line) => total + line.amountMinor, 0n);
  const depth = Math.min(plan.settings.overrideDepth, rule.levels.length);
  const out: DraftLine[] = [];
  for (const upline of input.uplines) {
    if (upline.level < 1 || upline.level > depth || upline.isCustomer) continue;
    const level = rule.levels[upline.level - 1]!;
    const base = level.basis === 'sale' ? orderNet : directTotal;
    if (base <= 0n) continue;
    const { amount, exact } = percentLine(base, level.ratePpm, rounding);
    out.push({
      enrollmentId: upline.enrollmentId,
      kind: 'override',
      ruleId: rule.id,
      lineNo: null,
      level: upline.level,
      baseMinor: base,
      ratePpm: level.ratePpm,
      amountMinor: amount,
      explanation: {
        rule: ruleRef(rule),
        base: { of: level.basis === 'sale' ? 'order_net' : 'commission', amountMinor: str(base) },
        calc: { type: 'percent', ratePpm: str(level.ratePpm) },
        level: upline.level,
        exact,
        rounding,
      },
    });
  }
  if (rule.capPpm !== null && out.length > 0) {
    const cap = divideRounded(orderNet * rule.capPpm, RATE_SCALE, 'down');
    capLines(out, cap, 'override_cap', input.order.currency);
  }
  return out;
}

function winningOverride(rules: OverrideRule[], groupId: string | null): OverrideRule | undefined {
  return rules
    .filter((rule) => appliesToGroup(rule, groupId))
    .sort(
      (a, b) =>
        (b.groupId === null ? 0 : 1) - (a.groupId === null ? 0 : 1) ||
        b.priority - a.priority ||
        (a.id < b.id ? -1 : 1),
    )[0];
}

/** Scales lines down so they sum to at most `cap`, in proportion, exactly (largest remainder). */
function capLines(
  lines: DraftLine[],
  cap: bigint,
  kind: 'override_cap' | 'profitability',
  currency: string,
): boolean {
  const positive = lines.filter((line) => line.amountMinor > 0n);
  const total = positive.reduce((sum, line) => sum + line.amountMinor, 0n);
  if (total <= cap) return false;
  const bounded = cap < 0n ? 0n : cap;
  const parts =
    bounded === 0n
      ? positive.map(() => 0n)
      : allocate(
          { amount: bounded, currency },
          positive.map((line) => line.amountMinor),
        ).map((m) => m.amount);
  positive.forEach((line, index) => {
    line.explanation.cap = {
      kind,
      capMinor: str(bounded),
      totalBeforeMinor: str(total),
      amountBeforeMinor: str(line.amountMinor),
    };
    line.amountMinor = parts[index]!;
  });
  return true;
}

function applyProfitabilityGuard(
  plan: PlanVersion,
  order: EngineOrder,
  nets: ReturnType<typeof netOfLines>,
  lines: DraftLine[],
): OrderComputation['guard'] {
  const guardPpm = plan.settings.profitabilityGuardPpm;
  if (guardPpm === null) return { state: 'off' };
  if (order.items.some((item) => item.quantity > 0 && item.unitCostMinor === null))
    return { state: 'cost_unknown' };
  const margin = order.items.reduce((total, item) => {
    const net = nets.find((n) => n.lineNo === item.lineNo)!.net;
    return total + net - BigInt(item.quantity) * (item.unitCostMinor ?? 0n);
  }, 0n);
  const cap = margin > 0n ? divideRounded(margin * guardPpm, RATE_SCALE, 'down') : 0n;
  // the resale margin of discount programs is the partner's own price difference, not a commission
  const capped = capLines(
    lines.filter((line) => line.kind !== 'discount_margin'),
    cap,
    'profitability',
    order.currency,
  );
  return { state: capped ? 'capped' : 'within', marginMinor: margin, capMinor: cap };
}
