import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app';
import { defineRoute } from '../../platform/http/route';
import { pathId } from './enrollment-schemas';
import { createPartnerGroup } from './groups/create-partner-group';
import { deletePartnerGroup } from './groups/delete-partner-group';
import { findPartnerGroups, getPartnerGroupView } from './groups/find-partner-groups';
import {
  deletePartnerGroupQuerySchema,
  newPartnerGroupSchema,
  partnerGroupPatchSchema,
  partnerGroupQuerySchema,
  partnerGroupSchema,
} from './groups/schemas';
import { updatePartnerGroup } from './groups/update-partner-group';
import { body, json } from './routes-helpers';

const tags = ['Partner groups'];
const params = z.object({ partnerGroupId: pathId('partnerGroupId', 'pgr_01jc8x0000abcdefghjkmnpqrs') });
const pageSchema = z
  .object({ items: z.array(partnerGroupSchema), nextCursor: z.string().nullable() })
  .openapi('PartnerGroupPage');

const listRoute = defineRoute({
  method: 'get',
  path: '/api/v1/partner-groups',
  tags,
  summary: 'Partner groups (tiers) with their enrollment counts',
  access: { permission: 'partners.read' },
  request: { query: partnerGroupQuerySchema },
  responses: { 200: json(pageSchema, 'A page of groups') },
});

const createRoute = defineRoute({
  method: 'post',
  path: '/api/v1/partner-groups',
  tags,
  summary: 'Create a partner group',
  access: { permission: 'partners.manage' },
  request: { body: body(newPartnerGroupSchema) },
  responses: { 201: json(partnerGroupSchema, 'The group') },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/api/v1/partner-groups/{partnerGroupId}',
  tags,
  summary: 'One partner group',
  access: { permission: 'partners.read' },
  request: { params },
  responses: { 200: json(partnerGroupSchema, 'The group') },
});

const updateRoute = defineRoute({
  method: 'patch',
  path: '/api/v1/partner-groups/{partnerGroupId}',
  tags,
  summary: 'Rename a partner group or change its description',
  access: { permission: 'partners.manage' },
  request: { params, body: body(partnerGroupPatchSchema) },
  responses: { 200: json(partnerGroupSchema, 'The group') },
});

const deleteRoute = defineRoute({
  method: 'delete',
  path: '/api/v1/partner-groups/{partnerGroupId}',
  tags,
  summary: 'Delete a partner group (one in use needs detachMembers=true)',
  access: { permission: 'partners.manage' },
  request: { params, query: deletePartnerGroupQuerySchema },
  responses: { 204: { description: 'Deleted' } },
});

export const partnerGroupRoutes = createRouter()
  .openapi(listRoute, async (c) =>
    c.json(await findPartnerGroups(c.get('tenant')!, c.req.valid('query')), 200),
  )
  .openapi(createRoute, async (c) =>
    c.json(await createPartnerGroup(c.get('tenant')!, c.req.valid('json')), 201),
  )
  .openapi(getRoute, async (c) =>
    c.json(await getPartnerGroupView(c.get('tenant')!, c.req.valid('param').partnerGroupId), 200),
  )
  .openapi(updateRoute, async (c) =>
    c.json(
      await updatePartnerGroup(c.get('tenant')!, c.req.valid('param').partnerGroupId, c.req.valid('json')),
      200,
    ),
  )
  .openapi(deleteRoute, async (c) => {
    await deletePartnerGroup(c.get('tenant')!, c.req.valid('param').partnerGroupId, c.req.valid('query'));
    return c.body(null, 204);
  });
