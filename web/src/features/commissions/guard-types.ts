/** The multi-level guard report as the API answers it: money in minor units, shares in millionths. */
export type GuardSums = {
  orders: number;
  revenueMinor: string;
  commissionMinor: string;
  overrideMinor: string;
  nonPartnerRevenueMinor: string;
  partnerRevenueMinor: string;
  commissionSharePpm: string | null;
  overrideSharePpm: string | null;
  nonPartnerSharePpm: string | null;
};

export type GuardWarning =
  | { code: 'payouts_at_limit' | 'overrides_at_limit'; sharePpm: string | null; limitPpm: string }
  | { code: 'non_partner_below_limit'; sharePpm: string; limitPpm: string }
  | { code: 'multi_level'; overrideDepth: number; acknowledged: boolean };

export type GuardLimits = { payoutLimitPpm: string; overrideLimitPpm: string; nonPartnerMinPpm: string };

export type GuardProgramReport = {
  programId: string;
  programName: string;
  currency: string;
  planVersionId: string | null;
  overrideDepth: number;
  multiLevelAcknowledged: boolean;
  /** The limits this program is measured against, and where they come from. */
  limits: GuardLimits;
  limitsFrom: 'request' | 'plan' | 'default';
  ordersInOtherCurrencies: number;
  totals: GuardSums;
  monthly: (GuardSums & { month: string; payoutsAtLimit: boolean })[];
  warnings: GuardWarning[];
};

export type GuardReport = {
  timeZone: string;
  from: string;
  to: string;
  months: number;
  limits: GuardLimits;
  items: GuardProgramReport[];
};

/** Vietnam's cap on total payouts in multi-level selling, as a share of revenue (millionths). */
export const VIETNAM_PAYOUT_CAP_PPM = '400000';

export const DEFAULT_GUARD_LIMITS: GuardLimits = {
  payoutLimitPpm: VIETNAM_PAYOUT_CAP_PPM,
  overrideLimitPpm: '100000',
  nonPartnerMinPpm: '500000',
};

export const GUARD_KEY = 'commission-guard-report';
