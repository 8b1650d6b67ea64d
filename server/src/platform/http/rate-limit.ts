import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors';
import type { AppEnv } from './env';

export type RateLimits = { perKeyPerMinute: number; perIpPerMinute: number };

export const DEFAULT_RATE_LIMITS: RateLimits = { perKeyPerMinute: 1200, perIpPerMinute: 600 };

/**
 * Fixed one-minute windows kept in memory: cheap enough for every API request. Limits that must
 * hold across processes (sign-in attempts) use the database instead.
 */
export class WindowCounter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  hit(
    key: string,
    limit: number,
    now = Date.now(),
    windowMs = 60_000,
  ): { ok: boolean; retryAfterSeconds: number } {
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      if (this.windows.size > 50_000) this.sweep(now);
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count++;
    return {
      ok: window.count <= limit,
      retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)),
    };
  }

  private sweep(now: number) {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

type PeerContext = {
  req: { header: (name: string) => string | undefined };
  env?: unknown;
};

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * The caller's IP address. X-Forwarded-For is believed only from a proxy on this machine (a
 * loopback peer); from anyone else it could be forged to dodge rate limits.
 */
export function clientIp(c: PeerContext): string {
  const peer = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket
    ?.remoteAddress;
  return visitorIp(peer, peer && !LOOPBACK.test(peer) ? undefined : c.req.header('x-forwarded-for'));
}

/** `clientIp` from the TCP peer and the X-Forwarded-For header, for handlers outside the framework. */
export function visitorIp(peer: string | undefined, forwardedFor: string | undefined): string {
  if (peer && !LOOPBACK.test(peer)) return peer;
  if (forwardedFor) {
    const comma = forwardedFor.indexOf(',');
    const first = (comma === -1 ? forwardedFor : forwardedFor.slice(0, comma)).trim();
    if (first) return first;
  }
  return peer || 'unknown';
}

/** Answers 429 with Retry-After past the per-API-key or per-IP limit. */
export function rateLimit(limits: RateLimits): MiddlewareHandler<AppEnv> {
  const counter = new WindowCounter();
  return async (c, next) => {
    const tenant = c.get('tenant');
    const result =
      tenant?.actor.type === 'api_key'
        ? counter.hit(`key:${tenant.actor.id}`, limits.perKeyPerMinute)
        : counter.hit(`ip:${clientIp(c)}`, limits.perIpPerMinute);
    if (!result.ok) {
      throw new AppError('rate_limited', 'Too many requests. Try again shortly.', {
        headers: { 'Retry-After': String(result.retryAfterSeconds) },
      });
    }
    await next();
  };
}
