import { sql } from 'drizzle-orm';
import {
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
import { partners } from './schema';

export const ENROLLMENT_STATUSES = [
  'pending',
  'approved',
  'rejected',
  'suspended',
  'banned',
  'left',
] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
export const ENROLLMENT_SOURCES = ['self', 'staff', 'import', 'invite'] as const;

/** Groups (tiers) of partners in an organisation, e.g. "Bạc", "Vàng", "Kim cương". */
export const partnerGroups = pgTable(
  'partner_groups',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    id: text('id').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // group names are unique in an organisation, case-insensitive
    uniqueIndex('partner_groups_org_name_uq').on(t.orgId, sql`lower(${t.name})`),
  ],
);

export const partnerTags = pgTable(
  'partner_tags',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    id: text('id').notNull(),
    name: text('name').notNull(),
    color: text('color').notNull().default('gray'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // tag names are unique in an organisation, case-insensitive
    uniqueIndex('partner_tags_org_name_uq').on(t.orgId, sql`lower(${t.name})`),
  ],
);

/**
 * A partner's membership in one program of one organisation: status, referral code, group, care
 * staff and upline. Commissions, links and payouts hang off enrollments.
 */
export const enrollments = pgTable(
  'enrollments',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    id: text('id').notNull(),
    programId: text('program_id').notNull(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    status: text('status', { enum: ENROLLMENT_STATUSES }).notNull(),
    statusReason: text('status_reason'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    /** Readable, editable, unique in the organisation ignoring case (e.g. "MAI2026"). */
    referralCode: text('referral_code').notNull(),
    /**
     * The partner's name in lower case, kept by database triggers from identities.full_name, so
     * the directory can sort by name from an index of this table alone.
     */
    sortName: text('sort_name').notNull().default(''),
    groupId: text('group_id'),
    /** The staff member caring for this partner (org_members.id). */
    careMemberId: text('care_member_id'),
    /** The enrollment of the partner who recruited this one. */
    uplineEnrollmentId: text('upline_enrollment_id'),
    source: text('source', { enum: ENROLLMENT_SOURCES }).notNull(),
    /** The business's own id for this partner (matches re-imports). */
    externalId: text('external_id'),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // one enrollment per partner and program
    uniqueIndex('enrollments_program_partner_uq').on(t.orgId, t.programId, t.partnerId),
    // referral code look-up (links, coupons, ?ref=), case-insensitive
    uniqueIndex('enrollments_code_uq').on(t.orgId, sql`upper(${t.referralCode})`),
    // re-imports match the business's own partner id
    uniqueIndex('enrollments_external_uq').on(t.orgId, t.externalId).where(sql`${t.externalId} is not null`),
    // directory filters and the approval queue
    index('enrollments_org_status_idx').on(t.orgId, t.status, t.joinedAt),
    index('enrollments_org_program_idx').on(t.orgId, t.programId, t.joinedAt),
    // "my partners" of care staff
    index('enrollments_org_care_idx').on(t.orgId, t.careMemberId),
    // the referral tree: downline of an enrollment
    index('enrollments_org_upline_idx').on(t.orgId, t.uplineEnrollmentId),
    // enrollments of a partner (partner app, partner page)
    index('enrollments_partner_idx').on(t.partnerId),
    // the partner directory's default order (newest first) and its cursor pages
    index('enrollments_org_joined_idx').on(t.orgId, t.joinedAt, t.id),
    // directory filter by group
    index('enrollments_org_group_idx').on(t.orgId, t.groupId),
    // directory sorted by name, all partners or one status (approval queue, "pending by name")
    index('enrollments_org_name_idx').on(t.orgId, t.sortName, t.id),
    index('enrollments_org_status_name_idx').on(t.orgId, t.status, t.sortName, t.id),
    // directory search by referral code prefix
    index('enrollments_code_prefix_idx').on(t.orgId, sql`upper(${t.referralCode}) text_pattern_ops`),
  ],
);

export const enrollmentTags = pgTable(
  'enrollment_tags',
  {
    orgId: text('org_id').notNull(),
    enrollmentId: text('enrollment_id').notNull(),
    tagId: text('tag_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.enrollmentId, t.tagId] }),
    // directory filter by tag
    index('enrollment_tags_org_tag_idx').on(t.orgId, t.tagId),
  ],
);

export const ENROLLMENT_EVENT_TYPES = [
  'joined',
  'status_changed',
  'upline_changed',
  'group_changed',
  'care_changed',
  'code_changed',
  'tags_changed',
  'profile_changed',
  'kyc_revealed',
  'imported',
] as const;

/**
 * History of an enrollment: status changes with reasons, upline moves, group and care changes.
 * Append-only; the partner page's activity timeline reads it.
 */
export const enrollmentEvents = pgTable(
  'enrollment_events',
  {
    orgId: text('org_id').notNull(),
    id: text('id').notNull(),
    enrollmentId: text('enrollment_id').notNull(),
    type: text('type', { enum: ENROLLMENT_EVENT_TYPES }).notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    reason: text('reason'),
    actorType: text('actor_type', { enum: ['member', 'api_key', 'system', 'partner'] }).notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // the timeline of one enrollment, newest first
    index('enrollment_events_enrollment_idx').on(t.orgId, t.enrollmentId, t.createdAt),
  ],
);

/**
 * What an organisation knows about a partner: province and social links in clear; citizen id,
 * date of birth, address and bank account sealed with the organisation's data key.
 */
export const partnerProfiles = pgTable(
  'partner_profiles',
  {
    orgId: text('org_id').notNull(),
    partnerId: text('partner_id').notNull(),
    province: text('province'),
    socialLinks: jsonb('social_links').$type<string[]>(),
    customAnswers: jsonb('custom_answers').$type<Record<string, string | boolean>>(),
    citizenIdEnc: text('citizen_id_enc'),
    dateOfBirthEnc: text('date_of_birth_enc'),
    addressEnc: text('address_enc'),
    /** NAPAS BIN of the bank (not secret; needed for VietQR). */
    bankBin: text('bank_bin'),
    bankAccountEnc: text('bank_account_enc'),
    bankHolderEnc: text('bank_holder_enc'),
    /** Last 4 digits, shown masked without decrypting. */
    bankAccountLast4: text('bank_account_last4'),
    citizenIdLast4: text('citizen_id_last4'),
    bankVerifiedAt: timestamp('bank_verified_at', { withTimezone: true }),
    /** Filed commitment that yearly income stays under the tax threshold (payouts issue). */
    taxCommitment: boolean('tax_commitment').notNull().default(false),
    isCompany: boolean('is_company').notNull().default(false),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.partnerId] }),
    // directory filter by province
    index('partner_profiles_org_province_idx').on(t.orgId, t.province),
  ],
);

/** Internal notes of staff about a partner; never shown to the partner. */
export const partnerNotes = pgTable(
  'partner_notes',
  {
    orgId: text('org_id').notNull(),
    id: text('id').notNull(),
    partnerId: text('partner_id').notNull(),
    body: text('body').notNull(),
    authorMemberId: text('author_member_id'),
    authorLabel: text('author_label'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // notes on the partner page, newest first
    index('partner_notes_partner_idx').on(t.orgId, t.partnerId, t.createdAt),
  ],
);

/** Named directory filters a staff member keeps (shared with the organisation when `shared`). */
export const savedViews = pgTable(
  'saved_views',
  {
    orgId: text('org_id').notNull(),
    id: text('id').notNull(),
    memberId: text('member_id').notNull(),
    name: text('name').notNull(),
    filters: jsonb('filters').$type<Record<string, unknown>>().notNull(),
    shared: boolean('shared').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // a member's views
    index('saved_views_member_idx').on(t.orgId, t.memberId),
  ],
);

export const IMPORT_STATUSES = ['uploaded', 'previewed', 'running', 'done', 'failed'] as const;

/** A spreadsheet of partners being imported: its column mapping, progress and totals. */
export const partnerImports = pgTable(
  'partner_imports',
  {
    orgId: text('org_id').notNull(),
    id: text('id').notNull(),
    programId: text('program_id').notNull(),
    fileName: text('file_name').notNull(),
    /** sha256 of the file: the same file imported again is recognised. */
    fileHash: text('file_hash').notNull(),
    status: text('status', { enum: IMPORT_STATUSES }).notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    createdCount: integer('created_count').notNull().default(0),
    updatedCount: integer('updated_count').notNull().default(0),
    unchangedCount: integer('unchanged_count').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // import history, newest first
    index('partner_imports_org_created_idx').on(t.orgId, t.createdAt),
  ],
);

/** What happened to each row of an import: the downloadable row report. */
export const partnerImportRows = pgTable(
  'partner_import_rows',
  {
    orgId: text('org_id').notNull(),
    importId: text('import_id').notNull(),
    rowNumber: integer('row_number').notNull(),
    data: jsonb('data').$type<Record<string, string>>().notNull(),
    outcome: text('outcome', { enum: ['pending', 'created', 'updated', 'unchanged', 'error'] }).notNull(),
    enrollmentId: text('enrollment_id'),
    errors: jsonb('errors').$type<{ field: string; message: string }[]>(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.importId, t.rowNumber] })],
);
