import type { TFunction } from 'i18next';
import { formatMoney, formatNumber } from '../../lib/format';
import { formatPercent } from './rates';
import type { PlanSettings, Rule, Scope } from './types';

/** Names of what rules point at, where known (the id is shown otherwise). */
export type RuleNames = {
  category?: (id: string) => string | undefined;
  product?: (id: string) => string | undefined;
  group?: (id: string) => string | undefined;
};

/** A rule of a plan in plain words: "CK cơ bản: 10% of the line's net amount on every product". */
export function describeRule(
  rule: Rule,
  currency: string,
  t: TFunction,
  locale: string,
  names: RuleNames = {},
): string {
  const money = (minor: string) => formatMoney(minor, currency, locale);
  const pct = (ppm: string) => formatPercent(ppm, locale);
  const product = (id: string) => names.product?.(id) ?? id;
  const scope = (value: Scope) =>
    value.kind === 'category'
      ? t('commissions.scope.categoryOf', { id: names.category?.(value.categoryId) ?? value.categoryId })
      : value.kind === 'product'
        ? t('commissions.scope.productOf', { id: product(value.productId) })
        : t('commissions.scope.allOf');
  let text: string;
  switch (rule.kind) {
    case 'basic': {
      const calc =
        rule.calc.type === 'percent'
          ? t('commissions.describe.percentOfLine', { rate: pct(rule.calc.ratePpm) })
          : rule.calc.type === 'fixed_per_unit'
            ? t('commissions.describe.perUnit', { amount: money(rule.calc.amountMinor) })
            : t('commissions.describe.perOrder', { amount: money(rule.calc.amountMinor) });
      text = t('commissions.describe.basic', { calc, scope: scope(rule.scope) });
      break;
    }
    case 'tier': {
      const measure = (value: string) =>
        rule.measure === 'amount'
          ? money(value)
          : t(rule.measure === 'quantity' ? 'commissions.explain.units' : 'commissions.explain.orders', {
              count: formatNumber(BigInt(value), locale),
            });
      const tiers = rule.tiers
        .map((tier, index) =>
          t('commissions.describe.tierStep', {
            tier: index + 1,
            threshold: measure(tier.threshold),
            rate: pct(tier.ratePpm),
          }),
        )
        .join('; ');
      text = t('commissions.describe.tier', {
        period: t(`commissions.period.${rule.period}`),
        measure: t(`commissions.measure.${rule.measure}`),
        scope: scope(rule.scope),
        tiers,
        mode: t(`commissions.mode.${rule.mode}`),
        stacking: t(`commissions.stacking.${rule.stacking}`),
      });
      if (rule.includeDownline) text += ` ${t('commissions.describe.withDownline')}`;
      break;
    }
    case 'addon':
      text = t('commissions.describe.addon', {
        main: product(rule.mainProductId),
        addon: product(rule.addonProductId),
        calc:
          rule.calc.type === 'percent'
            ? t('commissions.describe.percentOfAddon', { rate: pct(rule.calc.ratePpm) })
            : t('commissions.describe.perOrder', { amount: money(rule.calc.amountMinor) }),
      });
      break;
    case 'repurchase':
      text = t('commissions.describe.repurchase', {
        rate: pct(rule.ratePpm),
        scope: scope(rule.scope),
        stacking: t(`commissions.stacking.${rule.stacking}`),
      });
      break;
    case 'override': {
      const levels = rule.levels
        .map((level, index) =>
          t('commissions.describe.overrideLevel', {
            level: index + 1,
            rate: pct(level.ratePpm),
            basis: t(`commissions.basis.${level.basis}`),
          }),
        )
        .join('; ');
      text = t('commissions.describe.override', { levels });
      if (rule.capPpm !== null)
        text += ` ${t('commissions.describe.overrideCap', { rate: pct(rule.capPpm) })}`;
      break;
    }
    case 'action':
      text = t('commissions.describe.action', {
        amount: money(rule.amountMinor),
        event:
          rule.event === 'custom' && rule.customName ? rule.customName : t(`commissions.event.${rule.event}`),
      });
      break;
    case 'recurring':
      text =
        rule.months === null
          ? t('commissions.describe.recurringLife', { rate: pct(rule.ratePpm), scope: scope(rule.scope) })
          : t('commissions.describe.recurring', {
              rate: pct(rule.ratePpm),
              scope: scope(rule.scope),
              months: rule.months,
            });
      break;
  }
  if (rule.groupId)
    text += ` ${t('commissions.describe.group', { group: names.group?.(rule.groupId) ?? rule.groupId })}`;
  if (rule.priority) text += ` ${t('commissions.describe.priority', { priority: rule.priority })}`;
  return text;
}

/** The plan's settings in plain words. */
export function describeSettings(settings: PlanSettings, t: TFunction, locale: string): string[] {
  const out = [
    t(`commissions.describe.rounding`, { rounding: t(`commissions.rounding.${settings.rounding}`) }),
    t(`commissions.payMode.${settings.payMode}`),
    t('commissions.describe.depth', { depth: settings.overrideDepth }),
  ];
  if (settings.profitabilityGuardPpm !== null)
    out.push(
      t('commissions.describe.guard', { rate: formatPercent(settings.profitabilityGuardPpm, locale) }),
    );
  if (settings.guardLimits)
    out.push(
      t('commissions.describe.guardLimits', {
        payout: formatPercent(settings.guardLimits.payoutLimitPpm, locale),
        override: formatPercent(settings.guardLimits.overrideLimitPpm, locale),
        nonPartner: formatPercent(settings.guardLimits.nonPartnerMinPpm, locale),
      }),
    );
  return out;
}
