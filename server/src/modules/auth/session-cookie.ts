import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { clientIp } from '../../platform/http/rate-limit';

export const SESSION_COOKIE = 'kenh_session';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_DAYS = 30;
/** A session that still owes its second factor lives only this long. */
export const PENDING_SESSION_MINUTES = 10;

/** The session cookie: httpOnly (no script reads it), SameSite=Lax, Secure behind https. */
export function setSessionCookie(
  c: Context,
  session: { token: string; expiresAt: Date; now: Date; secure: boolean },
): void {
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: session.secure,
    maxAge: Math.max(0, Math.floor((session.expiresAt.getTime() - session.now.getTime()) / 1000)),
  });
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax', secure });
}

export function readSessionToken(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/** Where a sign-in comes from, kept with the session (the IP only as a keyed hash). */
export type ClientInfo = { ip: string; userAgent: string | null };

export function clientInfo(c: Context): ClientInfo {
  return {
    ip: clientIp(c),
    userAgent: c.req.header('user-agent')?.slice(0, 500) ?? null,
  };
}
