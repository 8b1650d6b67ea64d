/** The ledger API's shapes, as the staff app reads them. Money travels as strings of minor units. */
export const LEDGER_BUCKETS = [
  'pending',
  'on_hold',
  'payable',
  'in_payment',
  'paid',
  'withheld',
  'store_credit',
  'deposit',
] as const;
export type LedgerBucket = (typeof LEDGER_BUCKETS)[number];

export const LEDGER_KINDS = [
  'accrual',
  'hold',
  'release',
  'reversal',
  'void',
  'adjustment',
  'reject',
  'payout',
  'payout_failed',
  'withholding',
  'store_credit',
  'store_credit_spend',
  'deposit',
  'deposit_draw',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export type LedgerEntry = {
  id: string;
  enrollmentId: string;
  currency: string;
  bucket: LedgerBucket;
  amountMinor: string;
  kind: LedgerKind;
  commissionLineId: string | null;
  orderId: string | null;
  payoutId: string | null;
  memo: string;
  createdAt: string;
  /** Who and which order, as people know them. */
  partnerName?: string | null;
  referralCode?: string | null;
  orderNumber?: string | null;
};

/** A partner's balances in one program and currency: sums of the ledger per bucket. */
export type PartnerBalance = {
  enrollmentId: string;
  programId: string;
  currency: string;
  /** Buckets the server does not know yet are missing: read them as zero. */
  balances: Partial<Record<LedgerBucket, string>>;
};

export const BUCKET_COLORS: Record<LedgerBucket, string> = {
  pending: 'yellow',
  on_hold: 'blue',
  payable: 'teal',
  in_payment: 'cyan',
  paid: 'green',
  withheld: 'orange',
  store_credit: 'grape',
  deposit: 'gray',
};

export const LEDGER_KEY = 'ledger';
export const BALANCE_KEY = 'partner-balance';
