import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * A person, global across organisations: one login whether they work as staff of an organisation,
 * as a partner (CTV) enrolled in several programs, or both.
 */
export const identities = pgTable(
  'identities',
  {
    id: text('id').primaryKey(),
    email: text('email'),
    /** E.164, e.g. +84901234567. */
    phone: text('phone'),
    fullName: text('full_name').notNull(),
    passwordHash: text('password_hash'),
    locale: text('locale').notNull().default('vi'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    phoneVerifiedAt: timestamp('phone_verified_at', { withTimezone: true }),
    /** TOTP secret, encrypted with the server's secret key. */
    totpSecretEnc: text('totp_secret_enc'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The TOTP time step of the last accepted code: a code is accepted once (replay protection). */
    totpLastStep: integer('totp_last_step'),
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // sign-in and invitation look-up by email, case-insensitive
    uniqueIndex('identities_email_uq').on(sql`lower(${t.email})`),
    // sign-in by phone
    uniqueIndex('identities_phone_uq').on(t.phone),
    // partner directory search: name, email and phone prefixes (LIKE 'q%' in any collation)
    index('identities_name_prefix_idx').on(sql`lower(${t.fullName}) text_pattern_ops`),
    index('identities_email_prefix_idx').on(sql`lower(${t.email}) text_pattern_ops`),
    index('identities_phone_prefix_idx').on(sql`${t.phone} text_pattern_ops`),
  ],
);

/** Server-side sessions; the cookie holds only a random token whose hash is stored here. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    identityId: text('identity_id')
      .notNull()
      .references(() => identities.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    /** Which app the session signs in to: the staff app or the partner app. */
    app: text('app', { enum: ['staff', 'partner'] }).notNull(),
    /** The organisation the staff app currently shows. */
    currentOrgId: text('current_org_id'),
    csrfToken: text('csrf_token').notNull(),
    /** Password checked, second factor still owed. */
    pendingSecondFactor: boolean('pending_second_factor').notNull().default(false),
    userAgent: text('user_agent'),
    ipHash: text('ip_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    // every authenticated request: session by cookie token
    uniqueIndex('sessions_token_uq').on(t.tokenHash),
    // "sign out everywhere" and the list of a person's sessions
    index('sessions_identity_idx').on(t.identityId),
  ],
);

/** One-time tokens sent by email: password reset and email verification. */
export const authTokens = pgTable(
  'auth_tokens',
  {
    id: text('id').primaryKey(),
    identityId: text('identity_id')
      .notNull()
      .references(() => identities.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['password_reset', 'email_verification'] }).notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // redeeming a token from its link
    uniqueIndex('auth_tokens_token_uq').on(t.tokenHash),
  ],
);

/**
 * One-time codes that prove a phone or email belongs to the person signing up. Sent through a
 * pluggable sender (SMS/Zalo gateways later; in development the outbox). Only a hash is kept.
 */
export const verificationCodes = pgTable(
  'verification_codes',
  {
    id: text('id').primaryKey(),
    /** The organisation whose join page asked for the code. */
    orgId: text('org_id'),
    purpose: text('purpose', { enum: ['signup'] }).notNull(),
    channel: text('channel', { enum: ['sms', 'email'] }).notNull(),
    /** E.164 phone or lower-case email. */
    destination: text('destination').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // the latest code sent to a destination
    index('verification_codes_destination_idx').on(t.destination, t.createdAt),
  ],
);
