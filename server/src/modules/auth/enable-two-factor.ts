import { eq } from 'drizzle-orm';
import { AppError, conflict } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { revokeSessionsOfIdentity } from './revoke-sessions';
import { identities } from './schema';
import { checkTotpCode } from './totp';

/**
 * Turns two-factor sign-in on once a code from the pending secret checks out. Other sessions,
 * opened with the password alone, are signed out.
 */
export async function enableTwoFactor(
  services: Services,
  session: { id: string; identityId: string },
  code: string,
): Promise<void> {
  const [identity] = await services.db.select().from(identities).where(eq(identities.id, session.identityId));
  if (!identity) throw new AppError('unauthenticated', 'Please sign in');
  if (identity.totpEnabledAt) throw conflict('Two-factor sign-in is already on');
  if (!identity.totpSecretEnc) throw conflict('Start the two-factor set-up first');
  await checkTotpCode(services, identity, code);
  const now = services.clock.now();
  await services.db
    .update(identities)
    .set({ totpEnabledAt: now, updatedAt: now })
    .where(eq(identities.id, identity.id));
  await revokeSessionsOfIdentity(services, identity.id, { except: session.id });
}
