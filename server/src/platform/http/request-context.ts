import type { MiddlewareHandler } from 'hono';
import { newId } from '../ids';
import type { Services } from '../services';
import type { AppEnv } from './env';

const REQUEST_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

/** Gives each request an id (kept from X-Request-Id when sane), returns it, and logs one JSON line. */
export function requestContext(services: Services): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : newId('request');
    c.set('requestId', requestId);
    c.set('services', services);
    c.header('X-Request-Id', requestId);
    const started = performance.now();
    await next();
    const path = c.req.path;
    if (path.startsWith('/assets/')) return;
    const tenant = c.get('tenant');
    services.log.info(
      {
        requestId,
        method: c.req.method,
        path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        orgId: tenant?.orgId,
        actor: tenant?.actor.type === 'system' ? 'system' : tenant?.actor.id,
      },
      'request',
    );
  };
}
