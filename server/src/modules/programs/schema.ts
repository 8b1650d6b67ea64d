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

export const JOIN_MODES = ['open', 'approval', 'invite'] as const;
export const ATTRIBUTION_MODELS = ['last_click', 'first_click'] as const;
export const PROGRAM_STATUSES = ['draft', 'active', 'paused', 'archived'] as const;

/** A field of a program's join form, chosen by staff. Custom questions carry their own label. */
export type JoinFormField = {
  key:
    | 'fullName'
    | 'phone'
    | 'email'
    | 'province'
    | 'dateOfBirth'
    | 'citizenId'
    | 'bankAccount'
    | 'socialLinks'
    | `custom:${string}`;
  required: boolean;
  label?: string;
  type?: 'text' | 'textarea' | 'select' | 'checkbox';
  options?: string[];
};

/** Rules that approve a sign-up without a person (programs in "approval" mode). */
export type AutoApproveRules = {
  enabled: boolean;
  requireVerifiedContact?: boolean;
  requireReferrer?: boolean;
  provinces?: string[];
};

/** A partner program of an organisation ("CTV bán lẻ", "Đại lý cấp 1"), with its own terms. */
export const programs = pgTable(
  'programs',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    id: text('id').notNull(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    /** Short public page id for the join page and its QR code (e.g. "HS7K2Q"). */
    pageCode: text('page_code').notNull(),
    currency: text('currency').notNull(),
    description: text('description').notNull().default(''),
    terms: text('terms').notNull().default(''),
    joinMode: text('join_mode', { enum: JOIN_MODES }).notNull().default('approval'),
    status: text('status', { enum: PROGRAM_STATUSES }).notNull().default('draft'),
    /** Attribution window of referral links and cookies, 1–365 days. */
    cookieDays: integer('cookie_days').notNull().default(30),
    /** Days after an order completes before its commission becomes payable (the return window). */
    holdDays: integer('hold_days').notNull().default(30),
    /** Smallest withdrawal, in minor units of the program's currency. */
    minPayoutMinor: bigint('min_payout_minor', { mode: 'bigint' }).notNull().default(sql`0`),
    /** Deepest upline chain a partner of this program may have (recruiter of recruiter …). */
    maxUplineDepth: integer('max_upline_depth').notNull().default(3),
    /** Where a partner's default link goes (the shop's home page). */
    destinationUrl: text('destination_url'),
    /** Host names partners' links may point to (a host also allows its subdomains). */
    allowedDomains: jsonb('allowed_domains').$type<string[]>().notNull().default([]),
    /** Where unknown or disabled link codes of this program land. */
    fallbackUrl: text('fallback_url'),
    attributionModel: text('attribution_model', { enum: ATTRIBUTION_MODELS }).notNull().default('last_click'),
    /** Days a customer stays with the partner who first brought them; null = for life. */
    customerOwnershipDays: integer('customer_ownership_days'),
    /** Alert care staff when an order waits for confirmation longer than this. */
    confirmAlertHours: integer('confirm_alert_hours').notNull().default(24),
    /** Alert when cash on delivery is still not collected this many days after the order. */
    codAlertDays: integer('cod_alert_days').notNull().default(7),
    joinForm: jsonb('join_form').$type<JoinFormField[]>().notNull(),
    autoApprove: jsonb('auto_approve').$type<AutoApproveRules>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // program pages by slug inside an organisation
    uniqueIndex('programs_org_slug_uq').on(t.orgId, sql`lower(${t.slug})`),
    // public join page by short page id (global: the id alone names the program)
    uniqueIndex('programs_page_code_uq').on(sql`upper(${t.pageCode})`),
    // program list by status
    index('programs_org_status_idx').on(t.orgId, t.status),
  ],
);

/**
 * Invitations to join a program: personal ones (an email or phone, single use) and the program's
 * shareable link (multi-use, for invitation-only programs). Only a keyed hash of the token is kept.
 */
export const programInvitations = pgTable(
  'program_invitations',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    id: text('id').notNull(),
    programId: text('program_id').notNull(),
    kind: text('kind', { enum: ['personal', 'link'] }).notNull(),
    email: text('email'),
    /** E.164. */
    phone: text('phone'),
    fullName: text('full_name'),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedEnrollmentId: text('accepted_enrollment_id'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // redeeming a token from its link
    uniqueIndex('program_invitations_token_uq').on(t.tokenHash),
    // a program's invitations, newest first
    index('program_invitations_program_idx').on(t.orgId, t.programId, t.createdAt),
  ],
);
