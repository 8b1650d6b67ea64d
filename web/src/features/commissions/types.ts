/** The commissions API's shapes, as the staff app reads them. Money and rates travel as strings. */
export const LINE_KINDS = [
  'basic',
  'tier',
  'tier_adjustment',
  'addon',
  'repurchase',
  'recurring',
  'discount_margin',
  'override',
  'action',
  'incidental',
  'reversal',
  'correction',
] as const;
export const LINE_STATUSES = ['pending', 'on_hold', 'approved', 'review', 'rejected', 'void'] as const;

export type LineKind = (typeof LINE_KINDS)[number];
export type LineStatus = (typeof LINE_STATUSES)[number];
export type Rounding = 'half_up' | 'half_even';

export type Scope =
  | { kind: 'all' }
  | { kind: 'category'; categoryId: string }
  | { kind: 'product'; productId: string };

export type CalcExplanation =
  | { type: 'percent'; ratePpm: string }
  | { type: 'fixed_per_unit'; amountMinor: string; quantity: number }
  | { type: 'fixed_per_order'; amountMinor: string }
  | { type: 'margin' }
  | { type: 'tier_bands'; bands: { fromMinor: string; toMinor: string; ratePpm: string }[] }
  | { type: 'fixed_per_action'; amountMinor: string }
  | { type: 'per_click'; amountMinor: string; quantity: number }
  | { type: 'per_mille'; amountMinor: string; quantity: string };

/** The event an action line pays for: a conversion, a day's unique clicks or its impressions. */
export type ActionExplanation =
  | { event: 'lead' | 'signup' | 'custom'; name: string; conversionId: string; occurredAt: string }
  | { event: 'click'; day: string; timeZone: string; uniqueClicks: number }
  | {
      event: 'impression';
      day: string;
      timeZone: string;
      impressions: string;
      paidBefore?: { impressions: string; amountMinor: string };
    };

/** Why a line has its amount, as the engine stores it on the line. */
export type Explanation = {
  rule?: { id: string; name: string; kind: string } | null;
  /** The rule's scope; `name` is the category or product as it is called now, when the API knows it. */
  scope?: Scope & { name?: string };
  base?: {
    of: string;
    amountMinor: string;
    quantity?: number;
    unitPriceMinor?: string;
    lineDiscountMinor?: string;
    orderDiscountShareMinor?: string;
    unitCtvPriceMinor?: string;
  };
  calc?: CalcExplanation;
  tier?: {
    measure: 'amount' | 'quantity' | 'orders';
    mode: 'retroactive' | 'marginal';
    before: string;
    after: string;
    tierIndexBefore: number;
    tierIndexAfter: number;
    thresholdMinor?: string;
  };
  level?: number;
  exact?: string;
  rounding?: Rounding;
  cap?: {
    kind: 'override_cap' | 'profitability';
    capMinor: string;
    totalBeforeMinor: string;
    amountBeforeMinor: string;
  };
  notes?: string[];
  action?: ActionExplanation;
  incidental?: { reason: string; enteredBy?: string };
  reversal?: { ofLineId: string; returnedShare: { returned: string; of: string } };
  correction?: { ofLineId: string; previousMinor: string; newMinor: string };
  recomputed?: Explanation;
  reason?: string;
};

export type CommissionLine = {
  id: string;
  enrollmentId: string;
  /** Who earns it and on which order, as people know them (staff list). */
  partnerName?: string | null;
  referralCode?: string | null;
  orderNumber?: string | null;
  programId: string;
  planVersionId: string | null;
  /** The number of the plan version that produced it (staff API). */
  planVersion?: number | null;
  ruleId: string | null;
  kind: LineKind;
  orderId: string | null;
  lineNo: number | null;
  conversionId: string | null;
  reversesLineId: string | null;
  level: number;
  currency: string;
  baseMinor: string;
  ratePpm: string | null;
  amountMinor: string;
  rounding: Rounding;
  status: LineStatus;
  explanation: Explanation;
  holdUntil: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  earnedAt: string;
  createdAt: string;
};

/** A rule of a plan version as the editor keeps it: rates in millionths, amounts in minor units. */
type RuleBase = { id: string; name: string; groupId: string | null; priority: number };
type Rate = string;
type Minor = string;
export type BasicCalc =
  | { type: 'percent'; ratePpm: Rate }
  | { type: 'fixed_per_unit'; amountMinor: Minor }
  | { type: 'fixed_per_order'; amountMinor: Minor };
export type BasicRule = RuleBase & {
  kind: 'basic';
  scope: Scope;
  calc: BasicCalc;
  onTopOfDiscount?: boolean;
};
export type TierRule = RuleBase & {
  kind: 'tier';
  scope: Scope;
  period: 'month' | 'quarter';
  measure: 'amount' | 'quantity' | 'orders';
  includeDownline: boolean;
  mode: 'retroactive' | 'marginal';
  tiers: { threshold: Minor; ratePpm: Rate }[];
  stacking: 'add' | 'replace';
};
export type AddonRule = RuleBase & {
  kind: 'addon';
  mainProductId: string;
  addonProductId: string;
  calc: { type: 'percent'; ratePpm: Rate } | { type: 'fixed_per_order'; amountMinor: Minor };
};
export type RepurchaseRule = RuleBase & {
  kind: 'repurchase';
  scope: Scope;
  ratePpm: Rate;
  stacking: 'add' | 'replace';
};
export type OverrideRule = RuleBase & {
  kind: 'override';
  levels: { basis: 'sale' | 'commission'; ratePpm: Rate }[];
  capPpm: Rate | null;
};
export type ActionRule = RuleBase & {
  kind: 'action';
  event: 'lead' | 'signup' | 'custom' | 'click' | 'impression';
  customName: string | null;
  amountMinor: Minor;
};
export type RecurringRule = RuleBase & {
  kind: 'recurring';
  scope: Scope;
  ratePpm: Rate;
  months: number | null;
};
export type Rule =
  | BasicRule
  | TierRule
  | AddonRule
  | RepurchaseRule
  | OverrideRule
  | ActionRule
  | RecurringRule;
export type RuleKind = Rule['kind'];
/** The kinds of rule, in the order the draft editor offers them. */
export const RULE_KINDS = [
  'basic',
  'tier',
  'addon',
  'repurchase',
  'override',
  'action',
  'recurring',
] as const;

export type PlanSettings = {
  rounding: Rounding;
  payMode: 'commission' | 'discount';
  overrideDepth: number;
  multiLevelAcknowledged: boolean;
  profitabilityGuardPpm: Rate | null;
  /** Where the guard report warns for this program; null: the defaults. */
  guardLimits: { payoutLimitPpm: Rate; overrideLimitPpm: Rate; nonPartnerMinPpm: Rate } | null;
};

export const DEFAULT_SETTINGS: PlanSettings = {
  rounding: 'half_up',
  payMode: 'commission',
  overrideDepth: 1,
  multiLevelAcknowledged: false,
  profitabilityGuardPpm: null,
  guardLimits: null,
};

export type PlanVersion = {
  id: string;
  version: number;
  status: 'draft' | 'published';
  effectiveFrom: string | null;
  settings: Partial<PlanSettings>;
  rules: Rule[];
  note: string;
  createdAt: string;
  publishedAt: string | null;
};

export type Plan = {
  id: string;
  programId: string;
  programName: string;
  currency: string;
  name: string;
  currentVersionId: string | null;
  versions: PlanVersion[];
};

export type PlanSummary = Omit<Plan, 'versions' | 'currentVersionId'> & {
  currentVersion: PlanVersion | null;
};

export type SimulatedLine = {
  enrollmentId: string;
  kind: LineKind;
  ruleId: string | null;
  lineNo: number | null;
  level: number;
  baseMinor: string;
  ratePpm: string | null;
  amountMinor: string;
  explanation: Explanation;
};

export type Simulation = {
  lines: SimulatedLine[];
  totalMinor: string;
  guard: { state: string; marginMinor: string | null; capMinor: string | null };
};

export const COMMISSIONS_KEY = 'commissions';
export const PLANS_KEY = 'commission-plans';
