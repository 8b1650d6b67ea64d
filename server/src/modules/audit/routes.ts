import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app';
import { defineRoute } from '../../platform/http/route';
import { findAuditEntries } from './find-audit-entries';
import { auditEntrySchema, auditQuerySchema } from './schemas';

const listRoute = defineRoute({
  method: 'get',
  path: '/api/v1/audit-log',
  tags: ['Audit log'],
  summary: 'Who changed what, newest first',
  access: { permission: 'audit.read' },
  request: { query: auditQuerySchema },
  responses: {
    200: {
      description: 'A page of audit entries',
      content: {
        'application/json': {
          schema: z
            .object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() })
            .openapi('AuditEntryPage'),
        },
      },
    },
  },
});

export const routes = createRouter().openapi(listRoute, async (c) =>
  c.json(await findAuditEntries(c.get('tenant')!, c.req.valid('query')), 200),
);
