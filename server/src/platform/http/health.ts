import { z } from '@hono/zod-openapi';
import { VERSION } from '../version';
import { createRouter } from './app';
import { defineRoute } from './route';

const healthRoute = defineRoute({
  method: 'get',
  path: '/api/health',
  tags: ['System'],
  summary: 'Liveness and database check',
  access: { public: true },
  responses: {
    200: {
      description: 'The server answers and its database is reachable',
      content: {
        'application/json': {
          schema: z.object({
            status: z.literal('ok'),
            database: z.enum(['pglite', 'postgres']),
            version: z.string(),
          }),
        },
      },
    },
  },
});

export const healthRoutes = createRouter().openapi(healthRoute, (c) => {
  const { database } = c.get('services');
  return c.json({ status: 'ok' as const, database: database.kind, version: VERSION }, 200);
});
