import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/env';
import { createSession } from './create-session';
import { clientInfo, setSessionCookie } from './session-cookie';

/**
 * Signs a partner in to the partner app right after they joined (a new account, or one whose
 * password they just gave): a session and its cookie, as a partner sign-in makes them.
 */
export async function openPartnerSession(c: Context<AppEnv>, identityId: string) {
  const services = c.get('services');
  const session = await createSession(services, services.db, {
    identityId,
    app: 'partner',
    currentOrgId: null,
    pendingSecondFactor: false,
    client: clientInfo(c),
  });
  setSessionCookie(c, {
    token: session.token,
    expiresAt: session.expiresAt,
    now: services.clock.now(),
    secure: services.config.secureCookies,
  });
  return { csrfToken: session.csrfToken };
}
