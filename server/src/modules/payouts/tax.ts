import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { divideRounded, RATE_SCALE } from '../../platform/money';
import type { TenantContext } from '../../platform/services';
import { taxRules } from './schema';

export type TaxRule = { enabled: boolean; currency: string; ratePpm: number; thresholdMinor: bigint };

/** Vietnam: 10 % withheld on a payment of 2,000,000 ₫ or more to an individual (Circular 111/2013/TT-BTC). */
export const VIETNAM_DEFAULT_TAX: TaxRule = {
  enabled: true,
  currency: 'VND',
  ratePpm: 100_000,
  thresholdMinor: 2_000_000n,
};

export type TaxReason = 'withheld' | 'below_threshold' | 'commitment' | 'company' | 'not_taxed';

export type Payee = { isCompany: boolean; taxCommitment: boolean };

/**
 * The tax withheld from one payment: the rule's rate on the whole gross amount when the payment
 * reaches the threshold, rounded half up to the minor unit; nothing for companies, for partners who
 * filed a commitment, in another currency than the rule's, or below the threshold.
 */
export function withholdingFor(
  rule: TaxRule,
  payee: Payee,
  grossMinor: bigint,
  currency: string,
): { taxMinor: bigint; reason: TaxReason } {
  if (!rule.enabled || currency !== rule.currency) return { taxMinor: 0n, reason: 'not_taxed' };
  if (payee.isCompany) return { taxMinor: 0n, reason: 'company' };
  if (payee.taxCommitment) return { taxMinor: 0n, reason: 'commitment' };
  if (grossMinor < rule.thresholdMinor) return { taxMinor: 0n, reason: 'below_threshold' };
  return {
    taxMinor: divideRounded(grossMinor * BigInt(rule.ratePpm), RATE_SCALE, 'half_up'),
    reason: 'withheld',
  };
}

/** The organisation's tax rule, the Vietnamese default until it sets its own. */
export async function taxRuleOf(ctx: TenantContext, executor: Executor): Promise<TaxRule> {
  const [row] = await executor.select().from(taxRules).where(eq(taxRules.orgId, ctx.orgId));
  return row
    ? {
        enabled: row.enabled,
        currency: row.currency,
        ratePpm: row.ratePpm,
        thresholdMinor: row.thresholdMinor,
      }
    : VIETNAM_DEFAULT_TAX;
}

export async function saveTaxRule(ctx: TenantContext, executor: Executor, rule: TaxRule): Promise<TaxRule> {
  const now = ctx.services.clock.now();
  await executor
    .insert(taxRules)
    .values({ orgId: ctx.orgId, ...rule, updatedAt: now })
    .onConflictDoUpdate({ target: taxRules.orgId, set: { ...rule, updatedAt: now } });
  return rule;
}
