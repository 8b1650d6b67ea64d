import { and, eq, gt, isNull } from 'drizzle-orm';
import { randomToken } from '../../platform/crypto';
import type { Executor } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { Services } from '../../platform/services';
import { authTokens } from './schema';

export type TokenPurpose = 'password_reset' | 'email_verification';

/**
 * Issues a one-time token for an emailed link (only its hash is stored). Earlier unused tokens of
 * the same purpose stop working: only the newest link counts.
 */
export async function issueAuthToken(
  services: Services,
  executor: Executor,
  input: { identityId: string; purpose: TokenPurpose; ttlMs: number },
): Promise<string> {
  const now = services.clock.now();
  await executor
    .update(authTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(authTokens.identityId, input.identityId),
        eq(authTokens.purpose, input.purpose),
        isNull(authTokens.usedAt),
      ),
    );
  const token = randomToken();
  await executor.insert(authTokens).values({
    id: newId('authToken', now.getTime()),
    identityId: input.identityId,
    purpose: input.purpose,
    tokenHash: services.keys.hashToken(token),
    expiresAt: new Date(now.getTime() + input.ttlMs),
    createdAt: now,
  });
  return token;
}

/** Uses up a token inside the caller's transaction; an unknown, used or expired token is refused. */
export async function redeemAuthToken(
  services: Services,
  executor: Executor,
  input: { token: string; purpose: TokenPurpose },
): Promise<{ identityId: string }> {
  const now = services.clock.now();
  const [row] = await executor
    .update(authTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(authTokens.tokenHash, services.keys.hashToken(input.token)),
        eq(authTokens.purpose, input.purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, now),
      ),
    )
    .returning({ identityId: authTokens.identityId });
  if (!row) {
    throw new AppError('unprocessable', 'This link is not valid any more. Ask for a new one.', {
      details: [{ path: 'body.token', message: 'Unknown, already used or expired' }],
    });
  }
  return row;
}
