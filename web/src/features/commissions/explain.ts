import type { TFunction } from 'i18next';
import { formatDate, formatMoney, formatNumber } from '../../lib/format';
import { formatPercent, reducedFraction } from './rates';
import type { ActionExplanation, Explanation, Scope } from './types';

export type ExplainInput = {
  explanation: Explanation;
  /** The line's amount, in minor units: the explanation holds how, the line holds how much. */
  amountMinor: string;
  currency: string;
};

/**
 * A line's explanation as plain sentences in the reader's language, each recomputable by hand:
 * the rule, the formula with its numbers, the tier reached, the cap applied, the rounding.
 */
export function explainSentences(
  input: ExplainInput,
  t: TFunction,
  locale: string,
  /** A partner reads the same sentences, without who on the staff entered a bonus or penalty. */
  audience: 'staff' | 'partner' = 'staff',
): string[] {
  const { explanation: ex, currency } = input;
  const money = (minor: string | bigint) => formatMoney(minor, currency, locale);
  const out: string[] = [];

  if (ex.incidental) {
    const penalty = BigInt(input.amountMinor) < 0n;
    out.push(
      t(penalty ? 'commissions.explain.penalty' : 'commissions.explain.bonus', {
        amount: money(input.amountMinor),
        reason: ex.incidental.reason,
      }),
    );
    if (ex.incidental.enteredBy && audience === 'staff')
      out.push(t('commissions.explain.enteredBy', { name: ex.incidental.enteredBy }));
    return out;
  }

  if (ex.reversal) {
    out.push(
      t('commissions.explain.reversal', {
        share: reducedFraction(ex.reversal.returnedShare.returned, ex.reversal.returnedShare.of),
        amount: money(input.amountMinor),
      }),
    );
    return out;
  }

  if (ex.correction) {
    out.push(
      t('commissions.explain.correction', {
        from: money(ex.correction.previousMinor),
        to: money(ex.correction.newMinor),
        difference: money(input.amountMinor),
      }),
    );
    if (ex.reason === 'no_longer_earned') out.push(t('commissions.explain.noLongerEarned'));
    if (ex.recomputed)
      out.push(
        ...explainSentences(
          { explanation: ex.recomputed, amountMinor: ex.correction.newMinor, currency },
          t,
          locale,
          audience,
        ),
      );
    return out;
  }

  if (ex.rule) {
    const name = ex.rule.name;
    const kind = t(`commissions.ruleKind.${ex.rule.kind}`, { defaultValue: ex.rule.kind });
    // a rule left without a name is called by its kind, never by its internal id
    const scope = ex.scope ? scopeText(ex.scope, t) : null;
    if (name) {
      out.push(
        scope
          ? t('commissions.explain.ruleScoped', { name, kind, scope })
          : t('commissions.explain.rule', { name, kind }),
      );
    } else {
      out.push(
        scope
          ? t('commissions.explain.ruleScopedUnnamed', { kind, scope })
          : t('commissions.explain.ruleUnnamed', { kind }),
      );
    }
  }
  if (ex.level) out.push(t('commissions.explain.level', { level: ex.level }));
  if (ex.action) out.push(actionText(ex.action, t, locale));

  if (ex.tier) {
    const measure = (value: string) => measureText(ex.tier!.measure, value, money, t, locale);
    const values = { before: measure(ex.tier.before), after: measure(ex.tier.after) };
    out.push(
      ex.tier.tierIndexAfter >= 0
        ? t('commissions.explain.tierReached', {
            tier: ex.tier.tierIndexAfter + 1,
            threshold: measure(ex.tier.thresholdMinor ?? '0'),
            ...values,
          })
        : t('commissions.explain.tierNone', values),
    );
    out.push(t(`commissions.explain.tierMode.${ex.tier.mode}`));
    if (ex.base?.of === 'period_base')
      out.push(t('commissions.explain.tierAdjustment', { tier: ex.tier.tierIndexAfter + 1 }));
  }

  const formula = formulaText(ex, input.amountMinor, money, t, locale);
  if (formula) out.push(formula);

  if (ex.cap) {
    out.push(
      t(`commissions.explain.cap.${ex.cap.kind}`, {
        total: money(ex.cap.totalBeforeMinor),
        cap: money(ex.cap.capMinor),
        before: money(ex.cap.amountBeforeMinor),
        after: money(input.amountMinor),
      }),
    );
  }

  for (const note of ex.notes ?? []) {
    const [key, value] = note.split(':');
    if (key === 'renewal_month') out.push(t('commissions.explain.renewalMonth', { month: value }));
    if (key === 'main_line') {
      const addon = ex.notes?.find((n) => n.startsWith('addon_line:'))?.split(':')[1] ?? '?';
      out.push(t('commissions.explain.addonLines', { main: value, addon }));
    }
  }
  return out;
}

/** What an action line pays for: the conversion and when, or the day and its clicks or impressions. */
function actionText(action: ActionExplanation, t: TFunction, locale: string): string {
  if (action.event === 'impression')
    return t('commissions.explain.actionImpressions', {
      count: formatNumber(BigInt(action.impressions), locale),
      day: formatDate(`${action.day}T00:00:00Z`, { locale, timeZone: 'UTC', withTime: false }),
      timeZone: action.timeZone,
    });
  if (action.event === 'click')
    return t('commissions.explain.actionClicks', {
      count: formatNumber(action.uniqueClicks, locale),
      day: formatDate(`${action.day}T00:00:00Z`, { locale, timeZone: 'UTC', withTime: false }),
      timeZone: action.timeZone,
    });
  const date = formatDate(action.occurredAt, { locale });
  return action.event === 'custom'
    ? t('commissions.explain.actionCustom', { name: action.name, date })
    : t('commissions.explain.actionEvent', { event: t(`commissions.event.${action.event}`), date });
}

function scopeText(scope: Scope & { name?: string }, t: TFunction): string {
  if (scope.kind === 'category')
    return t('commissions.scope.categoryOf', { id: scope.name ?? scope.categoryId });
  if (scope.kind === 'product')
    return t('commissions.scope.productOf', { id: scope.name ?? scope.productId });
  return t('commissions.scope.allOf');
}

function measureText(
  measure: 'amount' | 'quantity' | 'orders',
  value: string,
  money: (minor: string) => string,
  t: TFunction,
  locale: string,
): string {
  if (measure === 'amount') return money(value);
  const count = formatNumber(BigInt(value), locale);
  return t(measure === 'quantity' ? 'commissions.explain.units' : 'commissions.explain.orders', { count });
}

/** "10% × 300.000 ₫ (3 × 100.000 ₫) = 30.000 ₫, rounded half up": the amount before any cap. */
function formulaText(
  ex: Explanation,
  amountMinor: string,
  money: (minor: string | bigint) => string,
  t: TFunction,
  locale: string,
): string | null {
  const { calc, base } = ex;
  if (!calc) return null;
  const amount = money(ex.cap?.amountBeforeMinor ?? amountMinor);
  const rounding = t(`commissions.rounding.${ex.rounding ?? 'half_up'}`);
  if (calc.type === 'percent' && base)
    return t('commissions.explain.percent', {
      rate: formatPercent(calc.ratePpm, locale),
      base: baseText(base, money, t),
      amount,
      rounding,
    });
  if (calc.type === 'fixed_per_unit')
    return t('commissions.explain.perUnit', {
      unit: money(calc.amountMinor),
      quantity: formatNumber(calc.quantity, locale),
      amount,
    });
  if (calc.type === 'fixed_per_order')
    return t('commissions.explain.perOrder', { amount: money(calc.amountMinor) });
  if (calc.type === 'fixed_per_action')
    return t('commissions.explain.perAction', {
      amount: money(calc.amountMinor),
      event: t(`commissions.event.${ex.action?.event ?? 'custom'}`),
    });
  if (calc.type === 'per_click')
    return t('commissions.explain.perClick', {
      count: formatNumber(calc.quantity, locale),
      rate: money(calc.amountMinor),
      amount,
    });
  if (calc.type === 'per_mille') {
    const paidBefore = ex.action?.event === 'impression' ? ex.action.paidBefore : undefined;
    const values = {
      count: formatNumber(BigInt(calc.quantity), locale),
      rate: money(calc.amountMinor),
      rounding,
    };
    if (!paidBefore) return t('commissions.explain.perMille', { ...values, amount });
    const day = BigInt(paidBefore.amountMinor) + BigInt(amountMinor);
    return t('commissions.explain.perMilleMore', {
      ...values,
      day: money(day),
      before: formatNumber(BigInt(paidBefore.impressions), locale),
      paid: money(paidBefore.amountMinor),
      amount,
    });
  }
  if (calc.type === 'margin' && base)
    return t('commissions.explain.margin', {
      net: money(base.amountMinor),
      quantity: formatNumber(base.quantity ?? 0, locale),
      ctvPrice: money(base.unitCtvPriceMinor ?? '0'),
      amount,
    });
  if (calc.type === 'tier_bands') {
    const measure = ex.tier?.measure ?? 'amount';
    const bands = calc.bands
      .map((band) =>
        t('commissions.explain.band', {
          rate: formatPercent(band.ratePpm, locale),
          from: measureText(measure, band.fromMinor, money, t, locale),
          to: measureText(measure, band.toMinor, money, t, locale),
        }),
      )
      .join('; ');
    return t('commissions.explain.bands', {
      bands,
      base: base ? money(base.amountMinor) : '',
      amount,
      rounding,
    });
  }
  return null;
}

function baseText(
  base: NonNullable<Explanation['base']>,
  money: (minor: string | bigint) => string,
  t: TFunction,
): string {
  const amount = money(base.amountMinor);
  if (base.of === 'line_net' && base.quantity !== undefined && base.unitPriceMinor !== undefined) {
    let detail = `${base.quantity} × ${money(base.unitPriceMinor)}`;
    if (base.lineDiscountMinor && BigInt(base.lineDiscountMinor) > 0n)
      detail += ` − ${t('commissions.explain.lineDiscount', { amount: money(base.lineDiscountMinor) })}`;
    if (base.orderDiscountShareMinor && BigInt(base.orderDiscountShareMinor) > 0n)
      detail += ` − ${t('commissions.explain.orderDiscount', { amount: money(base.orderDiscountShareMinor) })}`;
    return `${amount} (${detail})`;
  }
  if (base.of === 'line_net') return amount;
  return `${amount} (${t(`commissions.explain.base.${base.of}`, { defaultValue: base.of })})`;
}
