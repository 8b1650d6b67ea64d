import { and, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors';
import { type Permission, ROLE_PERMISSIONS, type RoleName } from '../../platform/permissions';
import type { Services } from '../../platform/services';
import { listMembershipsOfIdentity } from '../orgs';
import { identities, sessions } from './schema';

export type Locale = 'vi' | 'en' | 'th';

export type Me = {
  identity: {
    id: string;
    email: string | null;
    phone: string | null;
    fullName: string;
    locale: Locale;
    emailVerified: boolean;
    twoFactorEnabled: boolean;
  };
  app: 'staff' | 'partner';
  csrfToken: string;
  orgs: { id: string; name: string; slug: string; role: RoleName }[];
  currentOrg: {
    id: string;
    name: string;
    slug: string;
    currency: string;
    locale: Locale;
    timeZone: string;
    requireTwoFactor: boolean;
    role: RoleName;
  } | null;
  permissions: Permission[];
  twoFactorSetupRequired: boolean;
};

const asLocale = (value: string): Locale => (value === 'en' || value === 'th' ? value : 'vi');

/**
 * Who is signed in and where: the person, their organisations, the current one with the role's
 * permissions. A staff session whose organisation went away (membership removed or disabled) moves
 * to the person's first remaining organisation.
 */
export async function getMe(services: Services, sessionId: string): Promise<Me> {
  const [row] = await services.db
    .select({ session: sessions, identity: identities })
    .from(sessions)
    .innerJoin(identities, eq(identities.id, sessions.identityId))
    .where(eq(sessions.id, sessionId));
  if (!row) throw new AppError('unauthenticated', 'Please sign in');
  const { session, identity } = row;
  const memberships = session.app === 'staff' ? await listMembershipsOfIdentity(services, identity.id) : [];
  let current = memberships.find((m) => m.orgId === session.currentOrgId);
  if (!current && memberships[0] && session.app === 'staff') {
    current = memberships[0];
    await services.db
      .update(sessions)
      .set({ currentOrgId: current.orgId })
      .where(and(eq(sessions.id, session.id), eq(sessions.identityId, identity.id)));
  }
  const twoFactorSetupRequired = Boolean(current?.requireTwoFactor && !identity.totpEnabledAt);
  return {
    identity: {
      id: identity.id,
      email: identity.email,
      phone: identity.phone,
      fullName: identity.fullName,
      locale: asLocale(identity.locale),
      emailVerified: Boolean(identity.emailVerifiedAt),
      twoFactorEnabled: Boolean(identity.totpEnabledAt),
    },
    app: session.app,
    csrfToken: session.csrfToken,
    orgs: memberships.map((m) => ({ id: m.orgId, name: m.orgName, slug: m.orgSlug, role: m.role })),
    currentOrg: current
      ? {
          id: current.orgId,
          name: current.orgName,
          slug: current.orgSlug,
          currency: current.currency,
          locale: asLocale(current.locale),
          timeZone: current.timeZone,
          requireTwoFactor: current.requireTwoFactor,
          role: current.role,
        }
      : null,
    // the same rule as authentication: no organisation rights until the required second factor is set up
    permissions: current && !twoFactorSetupRequired ? [...ROLE_PERMISSIONS[current.role]] : [],
    twoFactorSetupRequired,
  };
}
