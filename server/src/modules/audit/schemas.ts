import { z } from '@hono/zod-openapi';
import { pageQuerySchema } from '../../platform/http/paging';

const isoDate = z.iso
  .datetime({ offset: true })
  .or(z.iso.date())
  .transform((value) => new Date(value))
  .openapi({ example: '2026-11-01T00:00:00+07:00' });

export const auditQuerySchema = pageQuerySchema
  .omit({ order: true })
  .extend({
    entityType: z.string().max(60).optional(),
    entityId: z.string().max(60).optional(),
    actorId: z.string().max(60).optional(),
    actorType: z.enum(['member', 'api_key', 'system', 'partner']).optional(),
    action: z.string().max(80).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .refine((query) => !query.from || !query.to || query.from < query.to, {
    message: '`to` must be after `from`',
    path: ['to'],
  });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEntrySchema = z
  .object({
    id: z.string(),
    actorType: z.enum(['member', 'api_key', 'system', 'partner']),
    actorId: z.string().nullable(),
    actorLabel: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('AuditEntry');
