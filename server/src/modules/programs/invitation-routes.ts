import { z } from '@hono/zod-openapi';
import { AppError } from '../../platform/errors';
import { createRouter } from '../../platform/http/app';
import { json } from '../../platform/http/openapi';
import { pageQuerySchema } from '../../platform/http/paging';
import { defineRoute } from '../../platform/http/route';
import { normaliseEmail, normalisePhone } from '../auth';
import { getProgramInviteLink } from './get-program-invite-link';
import {
  createdInvitationSchema,
  inviteLinkSchema,
  newProgramInvitationSchema,
  programInvitationSchema,
} from './invitation-schemas';
import { createProgramInvitation, findProgramInvitations } from './program-invitations';
import { programIdParams as params } from './schemas';

const tags = ['Programs'];

export const invitationRoutes = createRouter()
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/v1/programs/{programId}/invitations',
      tags,
      summary: 'Invite a person to join a program (single-use link, mailed when an email is given)',
      access: { permission: 'partners.manage' },
      request: {
        params,
        body: { required: true, content: { 'application/json': { schema: newProgramInvitationSchema } } },
      },
      responses: { 201: json(createdInvitationSchema, 'The invitation and its link') },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const phone = input.phone ? normalisePhone(input.phone) : undefined;
      if (input.phone && !phone) {
        throw new AppError('validation_failed', 'The phone number is not valid', {
          details: [{ path: 'body.phone', message: 'Use a Vietnamese or Thai phone number' }],
        });
      }
      const invitation = await createProgramInvitation(c.get('tenant')!, c.req.valid('param').programId, {
        email: input.email ? normaliseEmail(input.email) : undefined,
        phone,
        fullName: input.fullName,
      });
      return c.json(invitation, 201);
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/api/v1/programs/{programId}/invitations',
      tags,
      summary: 'Personal invitations of a program, newest first',
      access: { permission: 'partners.read' },
      request: { params, query: pageQuerySchema },
      responses: {
        200: json(
          z
            .object({ items: z.array(programInvitationSchema), nextCursor: z.string().nullable() })
            .openapi('ProgramInvitationPage'),
          'A page of invitations',
        ),
      },
    }),
    async (c) =>
      c.json(
        await findProgramInvitations(c.get('tenant')!, c.req.valid('param').programId, c.req.valid('query')),
        200,
      ),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/api/v1/programs/{programId}/invite-link',
      tags,
      summary: 'The program’s shareable invitation link (multi-use; made on first request)',
      access: { permission: 'partners.manage' },
      request: { params },
      responses: { 200: json(inviteLinkSchema, 'The link') },
    }),
    async (c) => c.json(await getProgramInviteLink(c.get('tenant')!, c.req.valid('param').programId), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/v1/programs/{programId}/invite-link/rotate',
      tags,
      summary: 'Replace the shareable invitation link (the old one stops working)',
      access: { permission: 'partners.manage' },
      request: { params },
      responses: { 200: json(inviteLinkSchema, 'The new link') },
    }),
    async (c) =>
      c.json(await getProgramInviteLink(c.get('tenant')!, c.req.valid('param').programId, true), 200),
  );
