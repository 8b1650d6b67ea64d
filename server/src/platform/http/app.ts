import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Services } from '../services';
import type { AppEnv } from './env';
import { errorResponse, validationError } from './errors';
import { idempotency } from './idempotency';
import { DEFAULT_RATE_LIMITS, type RateLimits, rateLimit } from './rate-limit';
import { requestContext } from './request-context';
import { securityHeaders } from './security-headers';

export type Router = OpenAPIHono<AppEnv>;

/** A router whose zod validation failures answer the API's error shape with field paths. */
export function createRouter(): Router {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error.issues, result.target);
    },
  });
}

export type HttpAppOptions = {
  /** Resolves the session or API key of a request; provided by the auth module. */
  authenticate: MiddlewareHandler<AppEnv>;
  rateLimits?: RateLimits;
};

/** The bare application: middleware chain and error handling. Modules mount their routers on it. */
export function createHttpApp(services: Services, options: HttpAppOptions): Router {
  const app = createRouter();
  app.use('*', requestContext(services));
  app.use('*', securityHeaders({ https: services.config.secureCookies }));
  app.use('/api/*', options.authenticate);
  const limiter = rateLimit(options.rateLimits ?? DEFAULT_RATE_LIMITS);
  app.use('/api/*', (c, next) => (c.req.path === '/api/health' ? next() : limiter(c, next)));
  app.use('/api/*', idempotency());
  app.onError((error, c) => errorResponse(c, error));
  app.notFound((c) =>
    c.json(
      { error: { code: 'not_found', message: 'No such route', details: [] }, requestId: c.get('requestId') },
      404,
    ),
  );
  return app;
}
