import { eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import { AppError } from '../../../platform/errors';
import type { Services, TenantContext } from '../../../platform/services';
import { identities } from '../../auth';
import { partners } from '../schema';

/** The signed-in person's partner record and identity; only partners use the partner app. */
export async function getMyPartner(services: Services, identityId: string, executor: Executor = services.db) {
  const [row] = await executor
    .select({ partner: partners, identity: identities })
    .from(partners)
    .innerJoin(identities, eq(identities.id, partners.identityId))
    .where(eq(partners.identityId, identityId));
  if (!row) throw new AppError('forbidden', 'This account is not a partner account');
  return row;
}

/** The partner acting on their own data in an organisation they are enrolled in. */
export function selfContext(services: Services, orgId: string, fullName: string): TenantContext {
  return { orgId, services, actor: { type: 'system', label: `Partner ${fullName} (self-service)` } };
}
