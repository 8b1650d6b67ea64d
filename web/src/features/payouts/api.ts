import { api } from '../../lib/api';

/** Payout methods a program may offer; store credit is a conversion, not a transfer. */
export type PayoutMethod = 'vietqr' | 'bank_file' | 'ewallet' | 'cash' | 'store_credit';
export type TransferMethod = Exclude<PayoutMethod, 'store_credit'>;
export const TRANSFER_METHODS: TransferMethod[] = ['vietqr', 'bank_file', 'ewallet', 'cash'];

export type WithdrawalStatus = 'requested' | 'in_batch' | 'paid' | 'failed' | 'rejected' | 'cancelled';
export const WITHDRAWAL_STATUSES: WithdrawalStatus[] = [
  'requested',
  'in_batch',
  'paid',
  'failed',
  'rejected',
  'cancelled',
];

export type BankShort = { shortName: string | null; accountLast4: string | null; verified?: boolean };

export type WithdrawalRequest = {
  /** In staff lists: who asked. */
  partner?: { id: string; fullName: string; referralCode: string };
  /** In staff lists: the program the request pays from. */
  programName?: string;
  id: string;
  enrollmentId: string;
  programId: string;
  currency: string;
  amountMinor: string;
  method: PayoutMethod;
  status: WithdrawalStatus;
  payoutId: string | null;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
};

export type PayoutStatus = 'draft' | 'approved' | 'paid' | 'failed' | 'cancelled';

export type MyPayout = {
  id: string;
  currency: string;
  grossMinor: string;
  taxMinor: string;
  netMinor: string;
  taxReason: string;
  method: string;
  status: PayoutStatus;
  reference: string;
  bank: BankShort | null;
  failureReason: string | null;
  paidAt: string | null;
  createdAt: string;
};

export type MyPayouts = {
  enrollmentId: string;
  currency: string;
  balances: {
    payableMinor: string;
    inPaymentMinor: string;
    paidMinor: string;
    withheldMinor: string;
    storeCreditMinor: string;
    /** Deposit (ký quỹ) left in programs that take one; orders the CTV enters draw on it. */
    depositMinor: string;
  };
  settings: {
    minimumMinor: string;
    methods: PayoutMethod[];
    schedule: string;
    storeCreditBonusPpm: number;
    bankAccount: BankShort | null;
    taxRatePpm: number;
    taxThresholdMinor: string;
    taxExempt: boolean;
  };
  requests: WithdrawalRequest[];
  payouts: MyPayout[];
};

export type Statement = {
  enrollmentId: string;
  month: string;
  period: { from: string; to: string };
  currency: string;
  openingMinor: string;
  closingMinor: string;
  totals: {
    earnings: string;
    reversals: string;
    adjustments: string;
    payouts: string;
    taxWithheld: string;
    netPaid: string;
    storeCredit: string;
  };
  entries: {
    at: string;
    kind: 'earning' | 'reversal' | 'adjustment' | 'payout' | 'store_credit' | 'other';
    memo: string;
    amountMinor: string;
    taxMinor: string;
  }[];
};

export type Totals = { count: number; grossMinor: string; taxMinor: string; netMinor: string };

export type Payout = MyPayout & {
  batchId: string;
  enrollmentId: string;
  partnerId: string;
  programId: string;
  withdrawalRequestId: string | null;
  payeeName: string;
  bank: (BankShort & { bin: string }) | null;
};

export type BatchStatus = 'draft' | 'approved' | 'completed' | 'cancelled';

export type PayoutBatch = {
  id: string;
  number: number;
  currency: string;
  status: BatchStatus;
  filters: Record<string, unknown>;
  createdBy: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  createdAt: string;
  totals: Totals;
};

export type PayoutBatchDetail = PayoutBatch & { byStatus: Record<string, number>; payouts: Payout[] };

export type Skipped = { enrollmentId: string; reason: string };

export type SettleResult = { settled: string[]; skipped: { id: string; reason: string }[]; unknown: number };

export type StatementRow = { line: number; reference: string | null; outcome: string };

export type PayoutSchedule = 'on_request' | 'weekly' | 'monthly';
export const PAYOUT_SCHEDULES: PayoutSchedule[] = ['on_request', 'weekly', 'monthly'];
export const PAYOUT_METHODS: PayoutMethod[] = [...TRANSFER_METHODS, 'store_credit'];

/** How a program pays; deposit fields and the bank file template are kept as the API sent them. */
export type PayoutSettings = {
  schedule: PayoutSchedule;
  methods: PayoutMethod[];
  storeCreditBonusPpm: number;
  depositAlertMinor: string | null;
  depositBlocksOrders: boolean;
  bankFileTemplate: Record<string, unknown> | null;
};

export type TaxRule = { enabled: boolean; currency: string; ratePpm: number; thresholdMinor: string };

export const PAYOUT_KEYS = {
  mine: (enrollmentId: string) => ['my-payouts', enrollmentId] as const,
  statement: (enrollmentId: string, month: string) => ['my-statement', enrollmentId, month] as const,
  batches: ['payout-batches'] as const,
  batch: (batchId: string) => ['payout-batches', batchId] as const,
  withdrawals: (status: string | null) => ['withdrawal-requests', status] as const,
  taxRule: ['tax-rule'] as const,
  settings: (programId: string) => ['payout-settings', programId] as const,
  deposits: (programId: string | null) => ['deposits', programId] as const,
};

export const fetchPayoutSettings = (programId: string) =>
  api.get<PayoutSettings>(`/api/v1/programs/${programId}/payout-settings`);

export const savePayoutSettings = (programId: string, settings: PayoutSettings) =>
  api.put<PayoutSettings>(`/api/v1/programs/${programId}/payout-settings`, settings);

/** A partner's deposit (ký quỹ) balance in a program, as staff see it. */
export type Deposit = {
  enrollmentId: string;
  programId: string;
  partner: { fullName: string; referralCode: string };
  currency: string;
  /** Negative when the partner owes. */
  balanceMinor: string;
  alertMinor: string | null;
  belowAlert: boolean;
  blocksOrders: boolean;
};

export const fetchDeposits = (programId: string | null) =>
  api.get<{ items: Deposit[] }>('/api/v1/deposits', { programId });

/** A deposit received (positive) or refunded (negative); the reference makes a retry count once. */
export const recordDeposit = (input: {
  enrollmentId: string;
  amountMinor: string;
  memo: string;
  reference: string;
}) => api.post<{ balanceMinor: string }>('/api/v1/deposits', input);

export const fetchMyPayouts = (enrollmentId: string) =>
  api.get<MyPayouts>('/api/me/payouts', { enrollmentId });

export const requestWithdrawal = (input: {
  enrollmentId: string;
  amountMinor: string;
  method: TransferMethod;
  clientRequestId: string;
}) => api.post<WithdrawalRequest>('/api/me/withdrawal-requests', input);

export const cancelWithdrawal = (enrollmentId: string, id: string) =>
  api.post<WithdrawalRequest>(`/api/me/withdrawal-requests/${id}/cancel`, { enrollmentId });

export const convertToStoreCredit = (input: {
  enrollmentId: string;
  amountMinor: string;
  clientRequestId: string;
}) =>
  api.post<{ amountMinor: string; currency: string; alreadyDone: boolean }>('/api/me/store-credit', input);

export const fetchMyStatement = (enrollmentId: string, month: string) =>
  api.get<Statement>('/api/me/statements', { enrollmentId, month, format: 'json' });

/** A fresh id per submit: the API answers the first result when the same id comes twice. */
export const newClientRequestId = () =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
