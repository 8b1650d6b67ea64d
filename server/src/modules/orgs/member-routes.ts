import { z } from '@hono/zod-openapi';
import { notFound } from '../../platform/errors';
import { createRouter } from '../../platform/http/app';
import { json } from '../../platform/http/openapi';
import { defineRoute } from '../../platform/http/route';
import { deleteMember } from './delete-member';
import { findMemberById, findMembers } from './find-members';
import { idParam, listOf, memberPatchSchema, memberQuerySchema, memberSchema } from './schemas';
import { updateMember } from './update-member';

const params = z.object({ memberId: idParam('memberId', 'mem_01jc8x0000abcdefghjkmnpqrs') });

const listRoute = defineRoute({
  method: 'get',
  path: '/api/v1/members',
  tags: ['Staff'],
  summary: 'Staff of the organisation',
  access: { permission: 'members.read' },
  request: { query: memberQuerySchema },
  responses: { 200: json(listOf(memberSchema, 'MemberPage'), 'A page of members') },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/api/v1/members/{memberId}',
  tags: ['Staff'],
  summary: 'One member',
  access: { permission: 'members.read' },
  request: { params },
  responses: { 200: json(memberSchema, 'The member') },
});

const updateRoute = defineRoute({
  method: 'patch',
  path: '/api/v1/members/{memberId}',
  tags: ['Staff'],
  summary: "Change a member's role or status",
  description: 'Nobody grants a role above their own; the last active owner cannot be demoted or disabled.',
  access: { permission: 'members.manage' },
  request: {
    params,
    body: { required: true, content: { 'application/json': { schema: memberPatchSchema } } },
  },
  responses: { 200: json(memberSchema, 'The member after the change') },
});

const deleteRoute = defineRoute({
  method: 'delete',
  path: '/api/v1/members/{memberId}',
  tags: ['Staff'],
  summary: 'Remove a member from the organisation',
  access: { permission: 'members.manage' },
  request: { params },
  responses: { 204: { description: 'Removed' } },
});

export const memberRoutes = createRouter()
  .openapi(listRoute, async (c) => c.json(await findMembers(c.get('tenant')!, c.req.valid('query')), 200))
  .openapi(getRoute, async (c) => {
    const member = await findMemberById(c.get('tenant')!, c.req.valid('param').memberId);
    if (!member) throw notFound('Member');
    return c.json(member, 200);
  })
  .openapi(updateRoute, async (c) =>
    c.json(await updateMember(c.get('tenant')!, c.req.valid('param').memberId, c.req.valid('json')), 200),
  )
  .openapi(deleteRoute, async (c) => {
    await deleteMember(c.get('tenant')!, c.req.valid('param').memberId);
    return c.body(null, 204);
  });
