import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app';
import { defineRoute } from '../../platform/http/route';
import { pathId } from './enrollment-schemas';
import { body, json } from './routes-helpers';
import { createPartnerTag } from './tags/create-partner-tag';
import { deletePartnerTag } from './tags/delete-partner-tag';
import { findPartnerTags } from './tags/find-partner-tags';
import { getPartnerTagView } from './tags/get-partner-tag';
import {
  newPartnerTagSchema,
  partnerTagPatchSchema,
  partnerTagQuerySchema,
  partnerTagSchema,
} from './tags/schemas';
import { updatePartnerTag } from './tags/update-partner-tag';

const tags = ['Partner tags'];
const params = z.object({ partnerTagId: pathId('partnerTagId', 'tag_01jc8x0000abcdefghjkmnpqrs') });
const pageSchema = z
  .object({ items: z.array(partnerTagSchema), nextCursor: z.string().nullable() })
  .openapi('PartnerTagPage');

const listRoute = defineRoute({
  method: 'get',
  path: '/api/v1/partner-tags',
  tags,
  summary: 'Partner tags with how many enrollments carry each',
  access: { permission: 'partners.read' },
  request: { query: partnerTagQuerySchema },
  responses: { 200: json(pageSchema, 'A page of tags') },
});

const createRoute = defineRoute({
  method: 'post',
  path: '/api/v1/partner-tags',
  tags,
  summary: 'Create a partner tag',
  access: { permission: 'partners.manage' },
  request: { body: body(newPartnerTagSchema) },
  responses: { 201: json(partnerTagSchema, 'The tag') },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/api/v1/partner-tags/{partnerTagId}',
  tags,
  summary: 'One partner tag',
  access: { permission: 'partners.read' },
  request: { params },
  responses: { 200: json(partnerTagSchema, 'The tag') },
});

const updateRoute = defineRoute({
  method: 'patch',
  path: '/api/v1/partner-tags/{partnerTagId}',
  tags,
  summary: 'Rename a tag or change its colour',
  access: { permission: 'partners.manage' },
  request: { params, body: body(partnerTagPatchSchema) },
  responses: { 200: json(partnerTagSchema, 'The tag') },
});

const deleteRoute = defineRoute({
  method: 'delete',
  path: '/api/v1/partner-tags/{partnerTagId}',
  tags,
  summary: 'Delete a tag and take it off every enrollment',
  access: { permission: 'partners.manage' },
  request: { params },
  responses: { 204: { description: 'Deleted' } },
});

export const partnerTagRoutes = createRouter()
  .openapi(listRoute, async (c) => c.json(await findPartnerTags(c.get('tenant')!, c.req.valid('query')), 200))
  .openapi(createRoute, async (c) =>
    c.json(await createPartnerTag(c.get('tenant')!, c.req.valid('json')), 201),
  )
  .openapi(getRoute, async (c) =>
    c.json(await getPartnerTagView(c.get('tenant')!, c.req.valid('param').partnerTagId), 200),
  )
  .openapi(updateRoute, async (c) =>
    c.json(
      await updatePartnerTag(c.get('tenant')!, c.req.valid('param').partnerTagId, c.req.valid('json')),
      200,
    ),
  )
  .openapi(deleteRoute, async (c) => {
    await deletePartnerTag(c.get('tenant')!, c.req.valid('param').partnerTagId);
    return c.body(null, 204);
  });
