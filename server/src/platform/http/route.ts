import { createRoute, type RouteConfig, z } from '@hono/zod-openapi';
import { type Access, authorize } from './authorize';

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
    requestId: z.string(),
  })
  .openapi('Error');

const errorResponses = {
  400: { description: 'Invalid input', content: { 'application/json': { schema: errorSchema } } },
  401: { description: 'Not signed in', content: { 'application/json': { schema: errorSchema } } },
  403: { description: 'Not allowed', content: { 'application/json': { schema: errorSchema } } },
  404: {
    description: 'Not found (also for records of another organisation)',
    content: { 'application/json': { schema: errorSchema } },
  },
  429: { description: 'Too many requests', content: { 'application/json': { schema: errorSchema } } },
} as const;

export type KenhRouteConfig = RouteConfig & { access: Access };

/**
 * Declares a route once: OpenAPI document, validation and the access it needs. The access rule is
 * stored on the operation as `x-kenh-access`, from which the cross-tenant suite enumerates routes.
 */
export function defineRoute<const R extends KenhRouteConfig>(config: R) {
  const { access, ...route } = config;
  return createRoute({
    ...route,
    'x-kenh-access': access,
    ...('permission' in access
      ? {
          security: [{ apiKey: [] }, { session: [] }],
          description: [route.description, `Permission: \`${access.permission}\`.`]
            .filter(Boolean)
            .join('\n\n'),
        }
      : {}),
    middleware: [authorize(access), ...toArray(route.middleware)],
    responses: { ...errorResponses, ...route.responses },
  } as unknown as Omit<R, 'access'>) as unknown as Omit<R, 'access'> & { 'x-kenh-access': Access };
}

function toArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
