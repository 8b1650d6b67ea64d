import { z } from '@hono/zod-openapi';
import { notFound } from '../../platform/errors';
import { createRouter } from '../../platform/http/app';
import { MAX_PAGE_SIZE } from '../../platform/http/paging';
import { defineRoute } from '../../platform/http/route';
import { isOutboxAvailable, unsafeFindOutboxMail } from './find-outbox-mail';

const outboxItemSchema = z
  .object({
    id: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    template: z.string(),
    status: z.enum(['queued', 'sent', 'kept', 'failed']),
    createdAt: z.string(),
  })
  .openapi('OutboxMail');

export const routes = createRouter().openapi(
  defineRoute({
    method: 'get',
    path: '/api/dev/outbox',
    tags: ['Development'],
    summary: 'Mail kept by a development server (no SMTP_URL), newest first',
    description:
      'The development mail catcher. Answers 404 when SMTP_URL is set or the server runs behind https.',
    access: { public: true },
    request: {
      query: z.object({
        to: z.string().max(320).optional().openapi({ description: 'Only mail to this address' }),
        limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
      }),
    },
    responses: {
      200: {
        description: 'Kept mail',
        content: { 'application/json': { schema: z.object({ items: z.array(outboxItemSchema) }) } },
      },
    },
  }),
  async (c) => {
    const services = c.get('services');
    if (!isOutboxAvailable(services)) throw notFound('Outbox');
    return c.json({ items: await unsafeFindOutboxMail(services, c.req.valid('query')) }, 200);
  },
);
