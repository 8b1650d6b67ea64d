import { eq } from 'drizzle-orm';
import { notFound } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { listMembershipsOfIdentity } from '../orgs';
import { sessions } from './schema';

/** Makes another of the person's organisations the current one of this session; others answer 404. */
export async function switchOrg(
  services: Services,
  session: { id: string; identityId: string },
  orgId: string,
): Promise<void> {
  const memberships = await listMembershipsOfIdentity(services, session.identityId);
  if (!memberships.some((m) => m.orgId === orgId)) throw notFound('Organisation');
  await services.db
    .update(sessions)
    .set({ currentOrgId: orgId, lastSeenAt: services.clock.now() })
    .where(eq(sessions.id, session.id));
}
