import type { ActionRule, PlanVersion } from '../engine/plan';

export type ActionEvent = ActionRule['event'];

/**
 * The action rules of a plan that pay for an event: same event and, for custom conversions, the
 * same name. Rules for the partner's group take the place of the general ones when there are any
 * (as with basic rules, the more specific rule wins); rules paying nothing are left out.
 */
export function actionRulesFor(
  plan: PlanVersion,
  event: { kind: ActionEvent; name?: string | null },
  groupId: string | null,
): ActionRule[] {
  const matching = plan.rules.filter(
    (rule): rule is ActionRule =>
      rule.kind === 'action' &&
      rule.event === event.kind &&
      rule.amountMinor > 0n &&
      (rule.event !== 'custom' || (rule.customName ?? '').trim() === (event.name ?? '').trim()) &&
      (rule.groupId === null || rule.groupId === groupId),
  );
  const forGroup = matching.filter((rule) => rule.groupId !== null);
  return forGroup.length > 0 ? forGroup : matching;
}

/** Whether a plan has any rule for the event (so a day of clicks is worth reading). */
export function hasActionRule(plan: PlanVersion, kind: ActionEvent): boolean {
  return plan.rules.some((rule) => rule.kind === 'action' && rule.event === kind);
}

/** The rule as the explanation names it. */
export const ruleRef = (rule: ActionRule) => ({ id: rule.id, name: rule.name, kind: rule.kind });

/** Why a conversion line has its amount: the rule, the conversion, the fixed amount. */
export type ConversionActionExplanation = {
  rule: ReturnType<typeof ruleRef>;
  action: {
    event: 'lead' | 'signup' | 'custom';
    name: string;
    conversionId: string;
    occurredAt: string;
  };
  calc: { type: 'fixed_per_action'; amountMinor: string };
  exact: string;
  rounding: 'half_up';
};

/** Why a click line has its amount: the rule, the day in the organisation's zone, the unique clicks. */
export type ClickActionExplanation = {
  rule: ReturnType<typeof ruleRef>;
  action: { event: 'click'; day: string; timeZone: string; uniqueClicks: number };
  calc: { type: 'per_click'; amountMinor: string; quantity: number };
  exact: string;
  rounding: 'half_up';
};

/**
 * Why an impression line has its amount: the rule, the day, the impressions (bots left out) and,
 * for a line paying impressions reported after the day was paid, what was paid before for how
 * many (the line is the day's amount less that).
 */
export type ImpressionActionExplanation = {
  rule: ReturnType<typeof ruleRef>;
  action: {
    event: 'impression';
    day: string;
    timeZone: string;
    impressions: string;
    paidBefore?: { impressions: string; amountMinor: string };
  };
  calc: { type: 'per_mille'; amountMinor: string; quantity: string };
  exact: string;
  rounding: 'half_up' | 'half_even';
};
