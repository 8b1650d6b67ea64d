import { z } from '@hono/zod-openapi';
import { pageQuerySchema } from '../../platform/http/paging';
import { ROLE_NAMES } from '../../platform/permissions';

export const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(ROLE_NAMES),
    prefix: z.string().openapi({ description: 'First 12 characters of the secret, to tell keys apart' }),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    createdBy: z.string().nullable().openapi({ description: 'Id of the member or key that created it' }),
    createdByName: z.string().nullable(),
  })
  .openapi('ApiKey');

export const apiKeyQuerySchema = pageQuerySchema.extend({
  status: z.enum(['active', 'revoked']).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['createdAt', 'name']).default('createdAt'),
});
export type ApiKeyQuery = z.infer<typeof apiKeyQuerySchema>;

export const newApiKeySchema = z
  .object({ name: z.string().trim().min(1).max(100), role: z.enum(ROLE_NAMES) })
  .strict()
  .openapi('NewApiKey');
export type NewApiKey = z.infer<typeof newApiKeySchema>;

export const createdApiKeySchema = z
  .object({
    apiKey: apiKeySchema,
    secret: z.string().openapi({ description: 'The key itself. Shown once: only its hash is kept.' }),
  })
  .openapi('CreatedApiKey');
