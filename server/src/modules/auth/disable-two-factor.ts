import { eq } from 'drizzle-orm';
import { AppError, conflict, forbidden } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { listMembershipsOfIdentity } from '../orgs';
import { identities } from './schema';
import { checkTotpCode } from './totp';

/**
 * Turns two-factor sign-in off with a current code. Refused while an organisation of the person
 * requires it: they would lose access there.
 */
export async function disableTwoFactor(services: Services, identityId: string, code: string): Promise<void> {
  const [identity] = await services.db.select().from(identities).where(eq(identities.id, identityId));
  if (!identity) throw new AppError('unauthenticated', 'Please sign in');
  if (!identity.totpEnabledAt) throw conflict('Two-factor sign-in is not on');
  const requiring = (await listMembershipsOfIdentity(services, identityId)).find((m) => m.requireTwoFactor);
  if (requiring) {
    throw forbidden(`${requiring.orgName} requires two-factor sign-in for its staff`);
  }
  await checkTotpCode(services, identity, code);
  await services.db
    .update(identities)
    .set({ totpSecretEnc: null, totpEnabledAt: null, totpLastStep: null, updatedAt: services.clock.now() })
    .where(eq(identities.id, identityId));
}
