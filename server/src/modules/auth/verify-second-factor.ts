import { and, eq, gt, isNull } from 'drizzle-orm';
import { randomToken } from '../../platform/crypto';
import { AppError } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { sessionExpiry } from './create-session';
import { identities, sessions } from './schema';
import { checkTotpCode } from './totp';

/**
 * Completes a sign-in that owes its code. The session gets a new token and CSRF token (the
 * half-signed-in one stops working) and its full lifetime.
 */
export async function verifySecondFactor(services: Services, sessionId: string, code: string) {
  const now = services.clock.now();
  const [row] = await services.db
    .select({ identity: identities })
    .from(sessions)
    .innerJoin(identities, eq(identities.id, sessions.identityId))
    .where(
      and(
        eq(sessions.id, sessionId),
        eq(sessions.pendingSecondFactor, true),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
      ),
    );
  if (!row?.identity.totpEnabledAt) throw new AppError('unauthenticated', 'Sign in with your password first');
  await checkTotpCode(services, row.identity, code);
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = sessionExpiry(now, false);
  await services.db
    .update(sessions)
    .set({
      tokenHash: services.keys.hashToken(token),
      csrfToken,
      pendingSecondFactor: false,
      expiresAt,
      lastSeenAt: now,
    })
    .where(eq(sessions.id, sessionId));
  return { token, expiresAt };
}
