/** Shapes of the API's answers, as the web apps use them. */

export type Role = 'owner' | 'admin' | 'manager' | 'care_staff' | 'accountant';
export const ROLES: Role[] = ['owner', 'admin', 'manager', 'care_staff', 'accountant'];
export type Locale = 'vi' | 'en' | 'th';

export type Permission =
  | 'org.read'
  | 'org.update'
  | 'members.read'
  | 'members.invite'
  | 'members.manage'
  | 'staff_groups.read'
  | 'staff_groups.manage'
  | 'api_keys.manage'
  | 'audit.read'
  | 'programs.read'
  | 'programs.manage'
  | 'partners.read'
  | 'partners.manage'
  | 'partners.approve'
  | 'partners.import'
  | 'partners.export'
  | 'partners.kyc_reveal'
  | 'catalog.read'
  | 'catalog.manage'
  | 'tracking.read'
  | 'tracking.manage'
  | 'orders.read'
  | 'orders.manage'
  | 'orders.import'
  | 'integrations.manage'
  | 'commissions.read'
  | 'commissions.manage'
  | 'commissions.approve'
  | 'payouts.read'
  | 'payouts.manage'
  | 'payouts.approve';

export type Org = {
  id: string;
  name: string;
  slug: string;
  currency: string;
  locale: string;
  timeZone: string;
  requireTwoFactor: boolean;
  createdAt?: string;
};

export type Me = {
  identity: {
    id: string;
    email: string | null;
    phone: string | null;
    fullName: string;
    locale: string | null;
    emailVerified: boolean;
    twoFactorEnabled: boolean;
  };
  app: 'staff' | 'partner';
  csrfToken: string;
  orgs: { id: string; name: string; slug: string; role: Role }[];
  currentOrg: (Org & { role: Role }) | null;
  permissions: string[];
  twoFactorSetupRequired: boolean;
};

export type SignInResult = { status: 'signed_in'; me: Me } | { status: 'two_factor_required' };

export type Page<T> = { items: T[]; nextCursor: string | null };

export type Member = {
  id: string;
  identityId: string;
  fullName: string;
  email: string | null;
  role: Role;
  status: 'active' | 'disabled';
  twoFactorEnabled: boolean;
  groups: { id: string; name: string }[];
  createdAt: string;
};

export type Invitation = {
  id: string;
  email: string;
  role: Role;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
  expiresAt: string;
  createdAt: string;
  invitedBy: string | null | { id?: string; fullName?: string; name?: string };
};

export type StaffGroup = { id: string; name: string; description: string | null; memberCount: number };

export type ApiKey = {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdBy: string | null | { id?: string; fullName?: string; name?: string };
  createdByName?: string | null;
};

export type AuditEntry = {
  id: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  createdAt: string;
};

export type OutboxMail = {
  id: string;
  to: string;
  subject: string;
  text: string;
  template: string;
  status: string;
  createdAt: string;
};

export type InvitationPreview = {
  orgName: string;
  email: string;
  role: Role;
  inviterName: string | null;
  accountExists: boolean;
  status: string;
};

/** A name for whoever is embedded in a record: a string id/label or a small object. */
export function personLabel(value: Invitation['invitedBy']): string {
  if (!value) return '—';
  if (typeof value === 'string') return value;
  return value.fullName ?? value.name ?? value.id ?? '—';
}
