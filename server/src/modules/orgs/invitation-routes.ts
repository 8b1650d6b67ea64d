import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app';
import { json } from '../../platform/http/openapi';
import { defineRoute } from '../../platform/http/route';
import { acceptInvitation, unsafeFindInvitationByToken } from './accept-invitation';
import { createInvitation } from './create-invitation';
import { findInvitations } from './find-invitations';
import {
  acceptInvitationSchema,
  invitationPreviewSchema,
  invitationQuerySchema,
  invitationSchema,
  newInvitationSchema,
} from './invitation-schemas';
import { resendInvitation } from './resend-invitation';
import { revokeInvitation } from './revoke-invitation';
import { idParam, listOf } from './schemas';

const params = z.object({ invitationId: idParam('invitationId', 'inv_01jc8x0000abcdefghjkmnpqrs') });

const listRoute = defineRoute({
  method: 'get',
  path: '/api/v1/invitations',
  tags: ['Staff'],
  summary: 'Invitations of the organisation',
  access: { permission: 'members.read' },
  request: { query: invitationQuerySchema },
  responses: { 200: json(listOf(invitationSchema, 'InvitationPage'), 'A page of invitations') },
});

const createRoute = defineRoute({
  method: 'post',
  path: '/api/v1/invitations',
  tags: ['Staff'],
  summary: 'Invite a person by email',
  description: 'Sends the invitation mail; a pending invitation of the same email is replaced.',
  access: { permission: 'members.invite' },
  request: { body: { required: true, content: { 'application/json': { schema: newInvitationSchema } } } },
  responses: { 201: json(invitationSchema, 'The invitation') },
});

const resendRoute = defineRoute({
  method: 'post',
  path: '/api/v1/invitations/{invitationId}/resend',
  tags: ['Staff'],
  summary: 'Send an invitation again with a new link',
  access: { permission: 'members.invite' },
  request: { params },
  responses: { 200: json(invitationSchema, 'The invitation') },
});

const revokeRoute = defineRoute({
  method: 'delete',
  path: '/api/v1/invitations/{invitationId}',
  tags: ['Staff'],
  summary: 'Withdraw an invitation',
  access: { permission: 'members.invite' },
  request: { params },
  responses: { 204: { description: 'Withdrawn' } },
});

const tokenParams = z.object({
  token: z
    .string()
    .min(10)
    .max(200)
    .openapi({ param: { name: 'token', in: 'path' } }),
});

const previewRoute = defineRoute({
  method: 'get',
  path: '/api/auth/invitations/{token}',
  tags: ['Invitations'],
  summary: 'What an invitation link offers (for the accept page)',
  access: { public: true },
  request: { params: tokenParams },
  responses: { 200: json(invitationPreviewSchema, 'The invitation') },
});

const acceptRoute = defineRoute({
  method: 'post',
  path: '/api/auth/invitations/accept',
  tags: ['Invitations'],
  summary: 'Accept an invitation',
  description:
    'With an existing account for the email, its password must match; otherwise an account is created (fullName required).',
  access: { public: true },
  request: { body: { required: true, content: { 'application/json': { schema: acceptInvitationSchema } } } },
  responses: { 200: json(z.object({ orgId: z.string(), email: z.string() }), 'Joined') },
});

export const invitationRoutes = createRouter()
  .openapi(listRoute, async (c) => c.json(await findInvitations(c.get('tenant')!, c.req.valid('query')), 200))
  .openapi(createRoute, async (c) =>
    c.json(await createInvitation(c.get('tenant')!, c.req.valid('json')), 201),
  )
  .openapi(resendRoute, async (c) =>
    c.json(await resendInvitation(c.get('tenant')!, c.req.valid('param').invitationId), 200),
  )
  .openapi(revokeRoute, async (c) => {
    await revokeInvitation(c.get('tenant')!, c.req.valid('param').invitationId);
    return c.body(null, 204);
  })
  .openapi(previewRoute, async (c) =>
    c.json(await unsafeFindInvitationByToken(c.get('services'), c.req.valid('param').token), 200),
  )
  .openapi(acceptRoute, async (c) => {
    const { orgId, email } = await acceptInvitation(c.get('services'), c.req.valid('json'));
    return c.json({ orgId, email }, 200);
  });
