import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { assertPasswordStrength, hashPassword, verifyPassword } from './password';
import { revokeSessionsOfIdentity } from './revoke-sessions';
import { identities } from './schema';
import { assertAccountAllowed, recordAccountFailure, resetAccountFailures } from './sign-in-limits';

/**
 * Changes the signed-in person's password after checking the current one (wrong guesses count
 * toward the sign-in lock). Every other session is signed out; this one stays.
 */
export async function changePassword(
  services: Services,
  session: { id: string; identityId: string },
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const [identity] = await services.db.select().from(identities).where(eq(identities.id, session.identityId));
  if (!identity) throw new AppError('unauthenticated', 'Please sign in');
  await assertAccountAllowed(services, identity);
  if (!identity.passwordHash || !(await verifyPassword(identity.passwordHash, input.currentPassword))) {
    await recordAccountFailure(services, identity.id);
    throw new AppError('validation_failed', 'The current password is not correct', {
      details: [{ path: 'body.currentPassword', message: 'Not correct' }],
    });
  }
  assertPasswordStrength(input.newPassword, 'body.newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await services.db.transaction(async (tx) => {
    const now = services.clock.now();
    await tx
      .update(identities)
      .set({ passwordHash, passwordChangedAt: now, updatedAt: now })
      .where(eq(identities.id, identity.id));
    await revokeSessionsOfIdentity(services, identity.id, { except: session.id, executor: tx });
  });
  await resetAccountFailures(services, identity);
}
