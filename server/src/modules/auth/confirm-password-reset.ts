import { eq } from 'drizzle-orm';
import type { Services } from '../../platform/services';
import { redeemAuthToken } from './auth-tokens';
import { assertPasswordStrength, hashPassword } from './password';
import { revokeSessionsOfIdentity } from './revoke-sessions';
import { identities } from './schema';

/**
 * Sets a new password from a reset link, once. It lifts a sign-in lock, signs the person out
 * everywhere, and, since the link came by email, counts as proof of the email address.
 */
export async function confirmPasswordReset(
  services: Services,
  input: { token: string; password: string },
): Promise<void> {
  assertPasswordStrength(input.password);
  const passwordHash = await hashPassword(input.password);
  await services.db.transaction(async (tx) => {
    const { identityId } = await redeemAuthToken(services, tx, {
      token: input.token,
      purpose: 'password_reset',
    });
    const now = services.clock.now();
    const [identity] = await tx
      .select({ emailVerifiedAt: identities.emailVerifiedAt })
      .from(identities)
      .where(eq(identities.id, identityId));
    await tx
      .update(identities)
      .set({
        passwordHash,
        passwordChangedAt: now,
        failedSignIns: 0,
        lockedUntil: null,
        emailVerifiedAt: identity?.emailVerifiedAt ?? now,
        updatedAt: now,
      })
      .where(eq(identities.id, identityId));
    await revokeSessionsOfIdentity(services, identityId, { executor: tx });
  });
}
