import { and, asc, eq } from 'drizzle-orm';
import type { Services } from '../../platform/services';
import { orgMembers, orgs } from './schema';

/** The organisations a person works in (active memberships), for the organisation switcher. */
export async function listMembershipsOfIdentity(services: Services, identityId: string) {
  return services.db
    .select({
      orgId: orgs.id,
      orgName: orgs.name,
      orgSlug: orgs.slug,
      memberId: orgMembers.id,
      role: orgMembers.role,
      requireTwoFactor: orgs.requireTwoFactor,
      locale: orgs.locale,
      currency: orgs.currency,
      timeZone: orgs.timeZone,
    })
    .from(orgMembers)
    .innerJoin(orgs, eq(orgs.id, orgMembers.orgId))
    .where(and(eq(orgMembers.identityId, identityId), eq(orgMembers.status, 'active')))
    .orderBy(asc(orgs.name));
}
