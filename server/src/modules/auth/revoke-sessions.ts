import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import type { Services } from '../../platform/services';
import { sessions } from './schema';

/** Signs one session out (the cookie's token stops working at once). */
export async function revokeSession(services: Services, sessionId: string, executor: Executor = services.db) {
  await executor
    .update(sessions)
    .set({ revokedAt: services.clock.now() })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Signs a person out everywhere, optionally keeping the session they act from. */
export async function revokeSessionsOfIdentity(
  services: Services,
  identityId: string,
  options: { except?: string; executor?: Executor } = {},
): Promise<number> {
  const executor = options.executor ?? services.db;
  const rows = await executor
    .update(sessions)
    .set({ revokedAt: services.clock.now() })
    .where(
      and(
        eq(sessions.identityId, identityId),
        isNull(sessions.revokedAt),
        options.except ? ne(sessions.id, options.except) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

/** Signs out the session a cookie token belongs to, when a new sign-in replaces it in the browser. */
export async function revokeSessionByToken(services: Services, token: string): Promise<void> {
  await services.db
    .update(sessions)
    .set({ revokedAt: services.clock.now() })
    .where(and(eq(sessions.tokenHash, services.keys.hashToken(token)), isNull(sessions.revokedAt)));
}
