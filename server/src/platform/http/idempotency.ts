import { and, eq, lt } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { sha256 } from '../crypto';
import { AppError } from '../errors';
import type { AppEnv } from './env';
import { idempotencyKeys } from './schema';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,255}$/;
const KEEP_MS = 24 * 60 * 60_000;

/**
 * `Idempotency-Key` on POST: the same key and body within 24 hours replays the first response;
 * the same key with another body answers 422; a request still running with the key answers 409.
 */
export function idempotency(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (c.req.method !== 'POST' || !key) return next();
    if (!KEY_PATTERN.test(key)) {
      throw new AppError('validation_failed', 'Idempotency-Key must be 1–255 letters, digits or _.:-', {
        details: [{ path: 'header.Idempotency-Key', message: 'Invalid format' }],
      });
    }
    const tenant = c.get('tenant');
    const session = c.get('session');
    const scope = tenant
      ? `${tenant.orgId}:${tenant.actor.type === 'system' ? 'system' : tenant.actor.id}`
      : session
        ? `session:${session.identityId}`
        : undefined;
    if (!scope) return next();

    const { db, clock } = c.get('services');
    const now = clock.now();
    const body = await c.req.text();
    const requestHash = sha256(`${c.req.method} ${c.req.path}\n${body}`);
    await db
      .delete(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.scope, scope),
          eq(idempotencyKeys.key, key),
          lt(idempotencyKeys.createdAt, new Date(now.getTime() - KEEP_MS)),
        ),
      );
    const inserted = await db
      .insert(idempotencyKeys)
      .values({
        scope,
        key,
        orgId: tenant?.orgId ?? null,
        method: c.req.method,
        path: c.req.path,
        requestHash,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });

    if (inserted.length === 0) {
      const [stored] = await db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
      if (!stored) throw new AppError('idempotency_conflict', 'Retry the request');
      if (stored.requestHash !== requestHash) {
        throw new AppError(
          'idempotency_mismatch',
          'This Idempotency-Key was already used with another request',
        );
      }
      if (stored.responseStatus === null) {
        throw new AppError('idempotency_conflict', 'A request with this Idempotency-Key is still running');
      }
      c.header('Idempotent-Replayed', 'true');
      return c.json(stored.responseBody as object, stored.responseStatus as 200);
    }

    try {
      await next();
    } finally {
      const status = c.res.status;
      const where = and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key));
      const isJson = c.res.headers.get('content-type')?.includes('application/json');
      if (status >= 500 || !isJson) {
        await db.delete(idempotencyKeys).where(where);
      } else {
        const responseBody = await c.res.clone().json();
        await db.update(idempotencyKeys).set({ responseStatus: status, responseBody }).where(where);
      }
    }
  };
}
