import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { randomToken } from '../../platform/crypto';
import type { Executor } from '../../platform/db';
import { newId } from '../../platform/ids';
import type { Services } from '../../platform/services';
import { sessions } from './schema';
import type { ClientInfo } from './session-cookie';
import { PENDING_SESSION_MINUTES, SESSION_DAYS } from './session-cookie';

export type NewSession = { id: string; token: string; csrfToken: string; expiresAt: Date };

/** How long a session lives from now: 30 days, or 10 minutes while it owes its second factor. */
export function sessionExpiry(now: Date, pendingSecondFactor: boolean): Date {
  const ms = pendingSecondFactor ? PENDING_SESSION_MINUTES * 60_000 : SESSION_DAYS * 24 * 60 * 60_000;
  return new Date(now.getTime() + ms);
}

/** Opens a session; the cookie gets the random token, the database only its keyed hash. */
export async function createSession(
  services: Services,
  executor: Executor,
  input: {
    identityId: string;
    app: 'staff' | 'partner';
    currentOrgId: string | null;
    pendingSecondFactor: boolean;
    client: ClientInfo;
  },
): Promise<NewSession> {
  const now = services.clock.now();
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = sessionExpiry(now, input.pendingSecondFactor);
  const id = newId('session', now.getTime());
  await executor.insert(sessions).values({
    id,
    identityId: input.identityId,
    tokenHash: services.keys.hashToken(token),
    app: input.app,
    currentOrgId: input.currentOrgId,
    csrfToken,
    pendingSecondFactor: input.pendingSecondFactor,
    userAgent: input.client.userAgent,
    ipHash: services.keys.hashPersonal(input.client.ip),
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { id, token, csrfToken, expiresAt };
}

/** The organisation the person's staff app showed last, to open the next session there. */
export async function findLastUsedOrgId(executor: Executor, identityId: string): Promise<string | undefined> {
  const [row] = await executor
    .select({ orgId: sessions.currentOrgId })
    .from(sessions)
    .where(
      and(eq(sessions.identityId, identityId), eq(sessions.app, 'staff'), isNotNull(sessions.currentOrgId)),
    )
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.id))
    .limit(1);
  return row?.orgId ?? undefined;
}
