import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../../platform/errors';
import type { AppEnv } from '../../platform/http/env';
import { unsafeFindApiKeyBySecret } from '../api-keys/find-api-key';
import { orgMembers, orgs } from '../orgs/schema';
import { identities, sessions } from './schema';
import { CSRF_HEADER, SESSION_COOKIE } from './session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Routes that never act on the caller's session: a stale cookie without its CSRF token must not
 * block signing in or following an emailed link, so there the request simply goes on signed out.
 * Their bodies are JSON only, which a cross-site form cannot send.
 */
const SESSIONLESS_PATHS = new Set([
  '/api/auth/sign-in',
  '/api/auth/partner/sign-in',
  '/api/auth/password-reset/request',
  '/api/auth/password-reset/confirm',
  '/api/auth/email-verification/confirm',
  '/api/auth/invitations/accept',
]);

/**
 * Resolves who is calling, once per request: a Bearer API key (acting in its organisation) or a
 * session cookie (a person; in the staff app, acting as a member of the current organisation).
 * Cookie requests that change state must echo the session's CSRF token in X-CSRF-Token.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const services = c.get('services');
  const authorization = c.req.header('authorization');
  c.set('session', undefined);
  c.set('tenant', undefined);

  if (authorization) {
    const [scheme, secret] = authorization.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !secret) {
      throw new AppError('unauthenticated', 'Use Authorization: Bearer <API key>');
    }
    const key = await unsafeFindApiKeyBySecret(services, secret);
    if (!key) throw new AppError('unauthenticated', 'The API key is not valid or was revoked');
    c.set('tenant', {
      orgId: key.orgId,
      actor: { type: 'api_key', id: key.id, role: key.role, label: key.name },
      requestId: c.get('requestId'),
      services,
    });
    return next();
  }

  const token = getCookie(c, SESSION_COOKIE);
  if (!token) return next();
  const now = services.clock.now();
  const [row] = await services.db
    .select({
      id: sessions.id,
      identityId: sessions.identityId,
      app: sessions.app,
      currentOrgId: sessions.currentOrgId,
      csrfToken: sessions.csrfToken,
      pendingSecondFactor: sessions.pendingSecondFactor,
      lastSeenAt: sessions.lastSeenAt,
      fullName: identities.fullName,
      email: identities.email,
      totpEnabledAt: identities.totpEnabledAt,
      memberId: orgMembers.id,
      role: orgMembers.role,
      requireTwoFactor: orgs.requireTwoFactor,
    })
    .from(sessions)
    .innerJoin(identities, eq(identities.id, sessions.identityId))
    .leftJoin(
      orgMembers,
      and(
        eq(orgMembers.orgId, sessions.currentOrgId),
        eq(orgMembers.identityId, sessions.identityId),
        eq(orgMembers.status, 'active'),
      ),
    )
    .leftJoin(orgs, eq(orgs.id, orgMembers.orgId))
    .where(
      and(
        eq(sessions.tokenHash, services.keys.hashToken(token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
      ),
    );
  if (!row) return next();

  // a session still owing its second factor can only verify the code or sign out: no CSRF to guard
  if (
    !SAFE_METHODS.has(c.req.method) &&
    !row.pendingSecondFactor &&
    c.req.header(CSRF_HEADER) !== row.csrfToken
  ) {
    if (SESSIONLESS_PATHS.has(c.req.path)) return next();
    throw new AppError('csrf_failed', 'The page is out of date. Reload it and try again.');
  }
  const twoFactorMissing = Boolean(row.requireTwoFactor && !row.totpEnabledAt);
  c.set('session', {
    id: row.id,
    identityId: row.identityId,
    app: row.app,
    currentOrgId: row.currentOrgId,
    csrfToken: row.csrfToken,
    pendingSecondFactor: row.pendingSecondFactor,
    twoFactorSetupRequired: twoFactorMissing,
  });
  if (
    row.app === 'staff' &&
    !row.pendingSecondFactor &&
    row.memberId &&
    row.role &&
    row.currentOrgId &&
    !twoFactorMissing
  ) {
    c.set('tenant', {
      orgId: row.currentOrgId,
      actor: {
        type: 'member',
        id: row.memberId,
        identityId: row.identityId,
        role: row.role,
        label: row.fullName,
      },
      requestId: c.get('requestId'),
      services,
    });
  }
  if (row.lastSeenAt.getTime() < now.getTime() - 5 * 60_000) {
    await services.db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.id, row.id), lt(sessions.lastSeenAt, now)));
  }
  return next();
};
