import { sql } from 'drizzle-orm';
import {
  bigint,
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
import type { Explanation } from './engine/compute-order';

/** A program's commission plan. Its rules live in versions; one version is in force at a time. */
export const commissionPlans = pgTable(
  'commission_plans',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    id: text('id').notNull(),
    programId: text('program_id').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // one plan per program
    uniqueIndex('commission_plans_program_uq').on(t.orgId, t.programId),
  ],
);

/**
 * A version of a plan: rules and settings as validated JSON. A draft may change; a published
 * version never does, and orders are computed with the version in force when they were placed.
 */
export const commissionPlanVersions = pgTable(
  'commission_plan_versions',
  {
    orgId: text('org_id').notNull(),
    id: text('id').notNull(),
    planId: text('plan_id').notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: ['draft', 'published'] }).notNull(),
    effectiveFrom: timestamp('effective_from', { withTimezone: true }),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
    rules: jsonb('rules').$type<Record<string, unknown>[]>().notNull(),
    note: text('note').notNull().default(''),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('commission_plan_versions_number_uq').on(t.orgId, t.planId, t.version),
    // the version in force at a moment: the latest published one effective by then
    index('commission_plan_versions_effective_idx').on(t.orgId, t.planId, t.effectiveFrom),
  ],
);

export const COMMISSION_LINE_KINDS = [
  'basic',
  'tier',
  'tier_adjustment',
  'addon',
  'repurchase',
  'recurring',
  'discount_margin',
  'override',
  'action',
  'incidental',
  'reversal',
  'correction',
] as const;
export type CommissionLineKind = (typeof COMMISSION_LINE_KINDS)[number];

/**
 * pending: the order is not completed yet; on_hold: completed, inside the hold period; approved:
 * payable; review: the order is flagged and waits for a person; rejected and void: worth nothing.
 */
export const COMMISSION_LINE_STATUSES = [
  'pending',
  'on_hold',
  'approved',
  'review',
  'rejected',
  'void',
] as const;
export type CommissionLineStatus = (typeof COMMISSION_LINE_STATUSES)[number];

/**
 * One commission line: what a partner earns (or gives back) from one rule on one order, item or
 * event, with everything needed to explain it. `sourceKey` makes computing twice write once.
 */
export const commissionLines = pgTable(
  'commission_lines',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    id: text('id').notNull(),
    enrollmentId: text('enrollment_id').notNull(),
    programId: text('program_id').notNull(),
    planVersionId: text('plan_version_id'),
    ruleId: text('rule_id'),
    kind: text('kind', { enum: COMMISSION_LINE_KINDS }).notNull(),
    orderId: text('order_id'),
    lineNo: integer('line_no'),
    conversionId: text('conversion_id'),
    /** The line this one reverses or corrects. */
    reversesLineId: text('reverses_line_id'),
    sourceKey: text('source_key').notNull(),
    level: integer('level').notNull().default(0),
    currency: text('currency').notNull(),
    baseMinor: bigint('base_minor', { mode: 'bigint' }).notNull(),
    ratePpm: bigint('rate_ppm', { mode: 'bigint' }),
    amountMinor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    rounding: text('rounding', { enum: ['half_up', 'half_even'] }).notNull(),
    status: text('status', { enum: COMMISSION_LINE_STATUSES }).notNull(),
    explanation: jsonb('explanation').$type<Explanation | Record<string, unknown>>().notNull(),
    /** When an on-hold line becomes payable. */
    holdUntil: timestamp('hold_until', { withTimezone: true }),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    earnedAt: timestamp('earned_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // computing an order again writes nothing twice
    uniqueIndex('commission_lines_source_uq').on(t.orgId, t.sourceKey),
    // an order's lines; a partner's lines by status; the release job
    index('commission_lines_order_idx').on(t.orgId, t.orderId),
    index('commission_lines_enrollment_idx').on(t.orgId, t.enrollmentId, t.status, t.earnedAt),
    index('commission_lines_hold_idx').on(t.holdUntil).where(sql`${t.status} = 'on_hold'`),
    index('commission_lines_org_status_idx').on(t.orgId, t.status, t.earnedAt),
  ],
);

export const LEDGER_BUCKETS = [
  'pending',
  'on_hold',
  'payable',
  /** Taken from payable by an approved payout, until it is marked paid (or failed, back to payable). */
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

/**
 * The ledger: append-only money movements of a partner (enrollment) in one currency, each into
 * one bucket. A movement between buckets is two entries with opposite signs. Balances are sums of
 * entries; the database refuses UPDATE and DELETE.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    id: text('id').notNull(),
    enrollmentId: text('enrollment_id').notNull(),
    currency: text('currency').notNull(),
    bucket: text('bucket', { enum: LEDGER_BUCKETS }).notNull(),
    amountMinor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    kind: text('kind', { enum: LEDGER_KINDS }).notNull(),
    commissionLineId: text('commission_line_id'),
    orderId: text('order_id'),
    payoutId: text('payout_id'),
    memo: text('memo').notNull().default(''),
    /** Names the movement: the same movement written twice is stored once. */
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('ledger_entries_idempotency_uq').on(t.orgId, t.idempotencyKey),
    // balances of a partner; entries of a line or an order
    index('ledger_entries_enrollment_idx').on(t.orgId, t.enrollmentId, t.currency, t.bucket),
    index('ledger_entries_line_idx').on(t.orgId, t.commissionLineId),
    index('ledger_entries_org_created_idx').on(t.orgId, t.createdAt),
  ],
);
