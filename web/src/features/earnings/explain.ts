import type { TFunction } from 'i18next';

/** A rate in millionths as a percent for people: 120000 → "12", 125000 → "12,5". */
export function percentOf(ratePpm: string | number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(Number(ratePpm) / 10_000);
}

type Explanation = {
  rule?: { name?: string; kind?: string } | null;
  base?: { amountMinor?: string; quantity?: number };
  calc?: { type?: string; ratePpm?: string; amountMinor?: string; quantity?: number };
  tier?: { tierIndexAfter?: number };
  level?: number;
  cap?: { capMinor?: string; amountBeforeMinor?: string };
  correction?: { previousMinor?: string; newMinor?: string };
  reversal?: { returnedShare?: string };
  reason?: string;
};

/**
 * A commission line's explanation in plain words: the rule, the base, the rate or fixed amount,
 * the tier reached and any cap, so the partner can redo the sum by hand.
 */
export function explainLine(
  t: TFunction,
  line: { kind: string; currency: string; explanation: Record<string, unknown> },
  money: (minor: string, currency: string) => string,
  locale: string,
): string[] {
  const e = line.explanation as Explanation;
  const out: string[] = [];
  if (e.correction) {
    out.push(
      t('earnings.explain.correction', {
        before: money(e.correction.previousMinor ?? '0', line.currency),
        after: money(e.correction.newMinor ?? '0', line.currency),
      }),
    );
    if (e.reason === 'no_longer_earned') out.push(t('earnings.explain.noLongerEarned'));
    return out;
  }
  if (e.reversal) {
    out.push(t('earnings.explain.reversal'));
    return out;
  }
  if (e.rule?.name) out.push(t('earnings.explain.rule', { name: e.rule.name }));
  const base = e.base?.amountMinor ? money(e.base.amountMinor, line.currency) : null;
  if (e.calc?.type === 'percent' && base)
    out.push(t('earnings.explain.percent', { rate: percentOf(e.calc.ratePpm ?? '0', locale), base }));
  else if (e.calc?.type === 'fixed_per_unit')
    out.push(
      t('earnings.explain.perUnit', {
        amount: money(e.calc.amountMinor ?? '0', line.currency),
        quantity: e.calc.quantity ?? 0,
      }),
    );
  else if (e.calc?.type === 'fixed_per_order')
    out.push(t('earnings.explain.perOrder', { amount: money(e.calc.amountMinor ?? '0', line.currency) }));
  else if (e.calc?.type === 'margin' && base) out.push(t('earnings.explain.margin', { base }));
  else if (e.calc?.type === 'tier_bands' && base) out.push(t('earnings.explain.bands', { base }));
  if (e.tier && (e.tier.tierIndexAfter ?? -1) >= 0)
    out.push(t('earnings.explain.tier', { tier: (e.tier.tierIndexAfter ?? 0) + 1 }));
  if (e.level) out.push(t('earnings.explain.level', { level: e.level }));
  if (e.cap?.capMinor)
    out.push(
      t('earnings.explain.cap', {
        before: money(e.cap.amountBeforeMinor ?? '0', line.currency),
        cap: money(e.cap.capMinor, line.currency),
      }),
    );
  return out;
}
