import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app';
import { defineRoute } from '../../platform/http/route';
import { partnerParams, plainPageQuerySchema } from './enrollment-schemas';
import { createPartnerNote } from './notes/create-partner-note';
import { findPartnerNotes } from './notes/find-partner-notes';
import { body, json } from './routes-helpers';

const tags = ['Partner notes'];
const noteSchema = z
  .object({
    id: z.string(),
    partnerId: z.string(),
    body: z.string(),
    authorMemberId: z.string().nullable(),
    authorLabel: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('PartnerNote');

const listRoute = defineRoute({
  method: 'get',
  path: '/api/v1/partners/{partnerId}/notes',
  tags,
  summary: 'Internal notes about a partner, newest first',
  access: { permission: 'partners.read' },
  request: { params: partnerParams, query: plainPageQuerySchema },
  responses: {
    200: json(z.object({ items: z.array(noteSchema), nextCursor: z.string().nullable() }), 'A page of notes'),
  },
});

const createRoute = defineRoute({
  method: 'post',
  path: '/api/v1/partners/{partnerId}/notes',
  tags,
  summary: 'Add an internal note about a partner (care staff: on partners they care for)',
  access: { permission: 'partners.care' },
  request: {
    params: partnerParams,
    body: body(z.object({ body: z.string().trim().min(1).max(5000) }).strict()),
  },
  responses: { 201: json(noteSchema, 'The note') },
});

export const partnerNoteRoutes = createRouter()
  .openapi(listRoute, async (c) =>
    c.json(
      await findPartnerNotes(c.get('tenant')!, c.req.valid('param').partnerId, c.req.valid('query')),
      200,
    ),
  )
  .openapi(createRoute, async (c) =>
    c.json(
      await createPartnerNote(c.get('tenant')!, c.req.valid('param').partnerId, c.req.valid('json')),
      201,
    ),
  );
