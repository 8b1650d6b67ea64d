import { z } from 'zod';

/**
 * A commission plan version as the engine reads it: rules and settings, validated once when a
 * version is saved. Rates are millionths (125 000 = 12.5 %); amounts are minor units.
 */

const minor = z.coerce.bigint().min(0n);
const rate = z.coerce.bigint().min(0n).max(1_000_000n);

export const scopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('category'), categoryId: z.string().min(1) }),
  z.object({ kind: z.literal('product'), productId: z.string().min(1) }),
]);
export type Scope = z.infer<typeof scopeSchema>;

const ruleBase = {
  id: z.string().min(1).max(40),
  name: z.string().max(120).default(''),
  /** Only partners of this group (tier); general rules apply to everyone. */
  groupId: z.string().nullable().default(null),
  /** Breaks ties between rules of the same specificity: the higher wins. */
  priority: z.number().int().min(0).max(1000).default(0),
};

export const calcSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('percent'), ratePpm: rate }),
  z.object({ type: z.literal('fixed_per_unit'), amountMinor: minor }),
  z.object({ type: z.literal('fixed_per_order'), amountMinor: minor }),
]);
export type Calc = z.infer<typeof calcSchema>;

/** CK cơ bản: a percent of the line's net amount, or a fixed amount per unit or per order. */
export const basicRuleSchema = z.object({
  ...ruleBase,
  kind: z.literal('basic'),
  scope: scopeSchema,
  calc: calcSchema,
  /** In discount programs, basic rules pay on top of the resale margin only when this says so. */
  onTopOfDiscount: z.boolean().default(false),
});

export const tierSchema = z.object({ threshold: minor, ratePpm: rate });

/** CK nâng cao: a rate that rises with the partner's volume over a period. */
export const tierRuleSchema = z.object({
  ...ruleBase,
  kind: z.literal('tier'),
  scope: scopeSchema,
  period: z.enum(['month', 'quarter']),
  measure: z.enum(['amount', 'quantity', 'orders']),
  includeDownline: z.boolean().default(false),
  /** Retroactive: the whole period at the reached rate. Marginal: the higher rate only above it. */
  mode: z.enum(['retroactive', 'marginal']),
  /** Ascending thresholds; below the first threshold the tier rule pays nothing. */
  tiers: z.array(tierSchema).min(1).max(10),
  /** Add the tier rate to the basic rate, or let it replace the basic rate on the lines it covers. */
  stacking: z.enum(['add', 'replace']).default('add'),
});

/** Add-on: a bonus when the main product and the add-on product are in the same order. */
export const addonRuleSchema = z.object({
  ...ruleBase,
  kind: z.literal('addon'),
  mainProductId: z.string().min(1),
  addonProductId: z.string().min(1),
  calc: z.discriminatedUnion('type', [
    z.object({ type: z.literal('percent'), ratePpm: rate }),
    z.object({ type: z.literal('fixed_per_order'), amountMinor: minor }),
  ]),
});

/** CK tái mua: the rate for orders of customers the partner owns. */
export const repurchaseRuleSchema = z.object({
  ...ruleBase,
  kind: z.literal('repurchase'),
  scope: scopeSchema,
  ratePpm: rate,
  stacking: z.enum(['add', 'replace']).default('replace'),
});

/** CK mã ID REF: overrides to the uplines of the selling partner, per level. */
export const overrideRuleSchema = z.object({
  ...ruleBase,
  kind: z.literal('override'),
  levels: z
    .array(z.object({ basis: z.enum(['sale', 'commission']), ratePpm: rate }))
    .min(1)
    .max(3),
  /** Total overrides of an order are capped at this share of the order's net amount. */
  capPpm: rate.nullable().default(null),
});

/** Per action: CPL/CPA per conversion, CPC per unique click (daily), CPM per 1 000 impressions. */
export const actionRuleSchema = z.object({
  ...ruleBase,
  kind: z.literal('action'),
  event: z.enum(['lead', 'signup', 'custom', 'click', 'impression']),
  /** The custom conversion's name, for event "custom". */
  customName: z.string().max(80).nullable().default(null),
  amountMinor: minor,
});

/** Recurring commission on subscription renewals, for some months or for life (months null). */
export const recurringRuleSchema = z.object({
  ...ruleBase,
  kind: z.literal('recurring'),
  scope: scopeSchema,
  ratePpm: rate,
  months: z.number().int().min(1).max(120).nullable(),
});

export const ruleSchema = z.discriminatedUnion('kind', [
  basicRuleSchema,
  tierRuleSchema,
  addonRuleSchema,
  repurchaseRuleSchema,
  overrideRuleSchema,
  actionRuleSchema,
  recurringRuleSchema,
]);
export type Rule = z.infer<typeof ruleSchema>;
export type BasicRule = z.infer<typeof basicRuleSchema>;
export type TierRule = z.infer<typeof tierRuleSchema>;
export type AddonRule = z.infer<typeof addonRuleSchema>;
export type RepurchaseRule = z.infer<typeof repurchaseRuleSchema>;
export type OverrideRule = z.infer<typeof overrideRuleSchema>;
export type ActionRule = z.infer<typeof actionRuleSchema>;
export type RecurringRule = z.infer<typeof recurringRuleSchema>;

/** The hard ceiling of override levels: deeper chains are multi-level selling. */
export const MAX_OVERRIDE_DEPTH = 3;

export const planSettingsSchema = z.object({
  rounding: z.enum(['half_up', 'half_even']).default('half_up'),
  /** Commission programs pay commission; discount programs pay the resale margin (CTV price). */
  payMode: z.enum(['commission', 'discount']).default('commission'),
  /** Override levels paid (1 by default; more than one needs `multiLevelAcknowledged`). */
  overrideDepth: z.number().int().min(1).max(MAX_OVERRIDE_DEPTH).default(1),
  multiLevelAcknowledged: z.boolean().default(false),
  /** Caps an order's total commission at this share of its gross margin (price − cost). */
  profitabilityGuardPpm: rate.nullable().default(null),
  /**
   * Where the multi-level guard report warns for this program (millionths of revenue); null: the
   * defaults (40 % payouts, 10 % overrides, at least 50 % of revenue from non-partners).
   */
  guardLimits: z
    .object({ payoutLimitPpm: rate, overrideLimitPpm: rate, nonPartnerMinPpm: rate })
    .nullable()
    .default(null),
});
export type PlanSettings = z.infer<typeof planSettingsSchema>;

export const planVersionSchema = z
  .object({ settings: planSettingsSchema, rules: z.array(ruleSchema).max(200) })
  .superRefine((plan, issue) => {
    const ids = new Set<string>();
    plan.rules.forEach((rule, index) => {
      if (ids.has(rule.id))
        issue.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: 'Rule ids must be unique' });
      ids.add(rule.id);
      if (rule.kind === 'tier') {
        for (let t = 1; t < rule.tiers.length; t++) {
          if (rule.tiers[t]!.threshold <= rule.tiers[t - 1]!.threshold)
            issue.addIssue({
              code: 'custom',
              path: ['rules', index, 'tiers', t, 'threshold'],
              message: 'Tier thresholds must rise',
            });
        }
      }
      if (rule.kind === 'override' && rule.levels.length > plan.settings.overrideDepth)
        issue.addIssue({
          code: 'custom',
          path: ['rules', index, 'levels'],
          message: `The plan pays ${plan.settings.overrideDepth} override level(s); this rule names ${rule.levels.length}`,
        });
    });
    if (plan.settings.overrideDepth > 1 && !plan.settings.multiLevelAcknowledged)
      issue.addIssue({
        code: 'custom',
        path: ['settings', 'multiLevelAcknowledged'],
        message:
          'More than one override level is multi-level selling: Vietnam caps its total payouts at 40% of revenue. Acknowledge it to continue.',
      });
  });
export type PlanVersion = z.infer<typeof planVersionSchema>;
