import { and, eq, isNull } from 'drizzle-orm';
import type { Services } from '../../platform/services';
import { redeemAuthToken } from './auth-tokens';
import { identities } from './schema';

/** Marks the email address of the link's account as verified, once. */
export async function confirmEmailVerification(services: Services, token: string): Promise<void> {
  await services.db.transaction(async (tx) => {
    const { identityId } = await redeemAuthToken(services, tx, { token, purpose: 'email_verification' });
    const now = services.clock.now();
    await tx
      .update(identities)
      .set({ emailVerifiedAt: now, updatedAt: now })
      .where(and(eq(identities.id, identityId), isNull(identities.emailVerifiedAt)));
  });
}
