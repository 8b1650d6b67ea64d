import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app';
import { json } from '../../platform/http/openapi';
import { defineRoute } from '../../platform/http/route';
import { createApiKey } from './create-api-key';
import { findApiKeys } from './find-api-keys';
import { revokeApiKey } from './revoke-api-key';
import { apiKeyQuerySchema, apiKeySchema, createdApiKeySchema, newApiKeySchema } from './schemas';

const tags = ['API keys'];

const listRoute = defineRoute({
  method: 'get',
  path: '/api/v1/api-keys',
  tags,
  summary: 'API keys of the organisation',
  access: { permission: 'api_keys.manage' },
  request: { query: apiKeyQuerySchema },
  responses: {
    200: json(
      z.object({ items: z.array(apiKeySchema), nextCursor: z.string().nullable() }).openapi('ApiKeyPage'),
      'A page of API keys',
    ),
  },
});

const createRoute = defineRoute({
  method: 'post',
  path: '/api/v1/api-keys',
  tags,
  summary: 'Create an API key (its secret is shown once)',
  access: { permission: 'api_keys.manage' },
  request: { body: { required: true, content: { 'application/json': { schema: newApiKeySchema } } } },
  responses: { 201: json(createdApiKeySchema, 'The key and its secret') },
});

const revokeRoute = defineRoute({
  method: 'delete',
  path: '/api/v1/api-keys/{apiKeyId}',
  tags,
  summary: 'Revoke an API key',
  access: { permission: 'api_keys.manage' },
  request: {
    params: z.object({
      apiKeyId: z
        .string()
        .min(1)
        .max(60)
        .openapi({ param: { name: 'apiKeyId', in: 'path' } }),
    }),
  },
  responses: { 204: { description: 'Revoked' } },
});

export const routes = createRouter()
  .openapi(listRoute, async (c) => c.json(await findApiKeys(c.get('tenant')!, c.req.valid('query')), 200))
  .openapi(createRoute, async (c) => c.json(await createApiKey(c.get('tenant')!, c.req.valid('json')), 201))
  .openapi(revokeRoute, async (c) => {
    await revokeApiKey(c.get('tenant')!, c.req.valid('param').apiKeyId);
    return c.body(null, 204);
  });
