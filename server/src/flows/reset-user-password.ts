import { eq } from 'drizzle-orm';
import {
  findIdentityByLogin,
  generatePassword,
  hashPassword,
  identities,
  revokeSessionsOfIdentity,
} from '../modules/auth';
import { AppError } from '../platform/errors';
import type { Services } from '../platform/services';

/**
 * An operator's rescue for a locked-out person (`kenh user reset-password`): a new random password,
 * the sign-in lock lifted, every session signed out. The auth module has no "set password" use case
 * without the current one, so this flow writes the hash itself.
 */
export async function resetUserPassword(services: Services, email: string) {
  const identity = await findIdentityByLogin(services.db, { email });
  if (!identity) throw new AppError('not_found', `No account with the email ${email}`);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const revokedSessions = await services.db.transaction(async (tx) => {
    const now = services.clock.now();
    await tx
      .update(identities)
      .set({ passwordHash, passwordChangedAt: now, failedSignIns: 0, lockedUntil: null, updatedAt: now })
      .where(eq(identities.id, identity.id));
    return revokeSessionsOfIdentity(services, identity.id, { executor: tx });
  });
  return { email: identity.email ?? email, password, revokedSessions };
}
