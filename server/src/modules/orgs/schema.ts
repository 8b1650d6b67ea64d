import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { ROLE_NAMES } from '../../platform/permissions';
import { identities } from '../auth/schema';

export const ROLES = ROLE_NAMES;
export type Role = (typeof ROLES)[number];

/** The tenant. Every row of business data carries its id. */
export const orgs = pgTable(
  'orgs',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    currency: text('currency').notNull().default('VND'),
    locale: text('locale').notNull().default('vi'),
    timeZone: text('time_zone').notNull().default('Asia/Ho_Chi_Minh'),
    requireTwoFactor: boolean('require_two_factor').notNull().default(false),
    /** The organisation's data key (for personal data at rest), wrapped with the server's secret key. */
    dataKeyEnc: text('data_key_enc').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // public join pages and the organisation switcher resolve organisations by slug
    uniqueIndex('orgs_slug_uq').on(sql`lower(${t.slug})`),
  ],
);

/** Staff of an organisation: an identity with a role there. */
export const orgMembers = pgTable(
  'org_members',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    id: text('id').notNull(),
    identityId: text('identity_id')
      .notNull()
      .references(() => identities.id),
    role: text('role', { enum: ROLES }).notNull(),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // one membership per person and organisation; also resolves the member of a session
    uniqueIndex('org_members_org_identity_uq').on(t.orgId, t.identityId),
    // the organisation switcher: organisations of a person
    index('org_members_identity_idx').on(t.identityId),
  ],
);

/** Groups of staff (e.g. "Nhóm chăm sóc miền Nam"); KPIs are measured per group. */
export const staffGroups = pgTable(
  'staff_groups',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    id: text('id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // group names are unique in an organisation, case-insensitive
    uniqueIndex('staff_groups_org_name_uq').on(t.orgId, sql`lower(${t.name})`),
  ],
);

export const staffGroupMembers = pgTable(
  'staff_group_members',
  {
    orgId: text('org_id').notNull(),
    groupId: text('group_id').notNull(),
    memberId: text('member_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.groupId, t.memberId] }),
    foreignKey({
      columns: [t.orgId, t.groupId],
      foreignColumns: [staffGroups.orgId, staffGroups.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.orgId, t.memberId],
      foreignColumns: [orgMembers.orgId, orgMembers.id],
    }).onDelete('cascade'),
    // groups of a member, for the staff list
    index('staff_group_members_member_idx').on(t.orgId, t.memberId),
  ],
);

/** Invitations of staff by email; the link carries a token whose hash is stored. */
export const invitations = pgTable(
  'invitations',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    id: text('id').notNull(),
    email: text('email').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The member or API key that invited, and its name as shown in the mail and the accept page. */
    invitedBy: text('invited_by'),
    inviterName: text('inviter_name').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // accepting an invitation from its link (token is globally unique by construction)
    uniqueIndex('invitations_token_uq').on(t.tokenHash),
    // pending invitations of an organisation, newest first
    index('invitations_org_created_idx').on(t.orgId, t.createdAt),
  ],
);
