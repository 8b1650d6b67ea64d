import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/schema';

export const PAYOUT_METHODS = ['vietqr', 'bank_file', 'ewallet', 'cash', 'store_credit'] as const;
export type PayoutMethod = (typeof PAYOUT_METHODS)[number];

export const PAYOUT_SCHEDULES = ['on_request', 'weekly', 'monthly'] as const;
export type PayoutSchedule = (typeof PAYOUT_SCHEDULES)[number];

/**
 * How a program pays its partners (the minimum amount is the program's `minPayoutMinor`): the
 * schedule, the methods partners may choose, the store credit bonus, deposits and a bank file
 * template of the organisation's own (else the ready one).
 */
export const payoutSettings = pgTable(
  'payout_settings',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    programId: text('program_id').notNull(),
    schedule: text('schedule', { enum: PAYOUT_SCHEDULES }).notNull().default('on_request'),
    methods: jsonb('methods').$type<PayoutMethod[]>().notNull().default(['vietqr', 'bank_file']),
    /** Extra store credit when a partner turns payable balance into store credit (millionths). */
    storeCreditBonusPpm: integer('store_credit_bonus_ppm').notNull().default(0),
    /** Deposits (ký quỹ): alert staff below this balance; refuse orders that the deposit cannot cover. */
    depositAlertMinor: bigint('deposit_alert_minor', { mode: 'bigint' }),
    depositBlocksOrders: boolean('deposit_blocks_orders').notNull().default(false),
    /** The organisation's own bank file layout (see formats/bank-file.ts), else the ready one. */
    bankFileTemplate: jsonb('bank_file_template').$type<Record<string, unknown>>(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.programId] })],
);

/**
 * Personal income tax withheld on payouts, per organisation. The Vietnamese default: 10 % on a
 * payment of 2,000,000 ₫ or more to an individual (Circular 111/2013/TT-BTC), unless the partner
 * filed a commitment or is a company.
 */
export const taxRules = pgTable('tax_rules', {
  orgId: text('org_id')
    .primaryKey()
    .references(() => orgs.id),
  enabled: boolean('enabled').notNull().default(true),
  currency: text('currency').notNull().default('VND'),
  ratePpm: integer('rate_ppm').notNull().default(100_000),
  thresholdMinor: bigint('threshold_minor', { mode: 'bigint' }).notNull().default(sql`2000000`),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const WITHDRAWAL_STATUSES = [
  'requested',
  'in_batch',
  'paid',
  'failed',
  'rejected',
  'cancelled',
] as const;
export type WithdrawalStatus = (typeof WITHDRAWAL_STATUSES)[number];

/** A partner's request to be paid part or all of a payable balance. */
export const withdrawalRequests = pgTable(
  'withdrawal_requests',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    id: text('id').notNull(),
    enrollmentId: text('enrollment_id').notNull(),
    programId: text('program_id').notNull(),
    currency: text('currency').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    method: text('method', { enum: PAYOUT_METHODS }).notNull(),
    status: text('status', { enum: WITHDRAWAL_STATUSES }).notNull().default('requested'),
    /** The app's id for one tap: the same request sent twice is stored once. */
    clientRequestId: text('client_request_id').notNull(),
    payoutId: text('payout_id'),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('withdrawal_requests_client_uq').on(t.orgId, t.enrollmentId, t.clientRequestId),
    // one open request per partner and currency
    uniqueIndex('withdrawal_requests_open_uq')
      .on(t.orgId, t.enrollmentId, t.currency)
      .where(sql`${t.status} in ('requested', 'in_batch')`),
    index('withdrawal_requests_org_status_idx').on(t.orgId, t.status, t.createdAt),
  ],
);

export const BATCH_STATUSES = ['draft', 'approved', 'completed', 'cancelled'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/** A set of payouts an accountant builds from payable balances, previews and approves at once. */
export const payoutBatches = pgTable(
  'payout_batches',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    id: text('id').notNull(),
    /** Short number shown to people and carried in memos ("B0007"). */
    number: integer('number').notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: BATCH_STATUSES }).notNull().default('draft'),
    /** What it was built from: program, cut-off, minimum, requests only or every payable balance. */
    filters: jsonb('filters').$type<Record<string, unknown>>().notNull(),
    createdBy: text('created_by'),
    approvedBy: text('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('payout_batches_number_uq').on(t.orgId, t.number),
    index('payout_batches_org_created_idx').on(t.orgId, t.createdAt),
  ],
);

export const PAYOUT_STATUSES = ['draft', 'approved', 'paid', 'failed', 'cancelled'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

/**
 * One payment to one partner in one currency: gross (out of payable), tax withheld, net paid. The
 * bank account is copied (sealed) when the batch is built, so a later change cannot redirect it.
 */
export const payouts = pgTable(
  'payouts',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    id: text('id').notNull(),
    batchId: text('batch_id').notNull(),
    enrollmentId: text('enrollment_id').notNull(),
    programId: text('program_id').notNull(),
    partnerId: text('partner_id').notNull(),
    withdrawalRequestId: text('withdrawal_request_id'),
    currency: text('currency').notNull(),
    grossMinor: bigint('gross_minor', { mode: 'bigint' }).notNull(),
    taxMinor: bigint('tax_minor', { mode: 'bigint' }).notNull(),
    netMinor: bigint('net_minor', { mode: 'bigint' }).notNull(),
    /** Why tax was or was not withheld ("company", "commitment", "below_threshold", "withheld"). */
    taxReason: text('tax_reason').notNull(),
    method: text('method', { enum: PAYOUT_METHODS }).notNull(),
    status: text('status', { enum: PAYOUT_STATUSES }).notNull().default('draft'),
    /** The memo the bank transfer carries, matched when the bank statement is imported. */
    reference: text('reference').notNull(),
    payeeName: text('payee_name').notNull(),
    bankBin: text('bank_bin'),
    bankAccountEnc: text('bank_account_enc'),
    bankAccountLast4: text('bank_account_last4'),
    bankHolderEnc: text('bank_holder_enc'),
    failureReason: text('failure_reason'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // a partner is paid at most once per batch and currency …
    uniqueIndex('payouts_batch_enrollment_uq').on(t.orgId, t.batchId, t.enrollmentId, t.currency),
    // … and has at most one payout open (draft or approved) at a time, across batches
    uniqueIndex('payouts_open_uq')
      .on(t.orgId, t.enrollmentId, t.currency)
      .where(sql`${t.status} in ('draft', 'approved')`),
    uniqueIndex('payouts_reference_uq').on(t.orgId, t.reference),
    index('payouts_batch_idx').on(t.orgId, t.batchId),
    index('payouts_enrollment_idx').on(t.orgId, t.enrollmentId, t.createdAt),
  ],
);
