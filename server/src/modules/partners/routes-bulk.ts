import { createRouter } from '../../platform/http/app';
import { defineRoute } from '../../platform/http/route';
import { assignCare } from './assign-care';
import {
  bulkCareResultSchema,
  bulkCareSchema,
  bulkGroupResultSchema,
  bulkGroupSchema,
  bulkTagsResultSchema,
  bulkTagsSchema,
} from './enrollment-schemas';
import { body, json } from './routes-helpers';
import { setEnrollmentsGroup } from './set-enrollments-group';
import { setEnrollmentsTags } from './set-enrollments-tags';

const tags = ['Enrollments'];

const groupRoute = defineRoute({
  method: 'post',
  path: '/api/v1/enrollments/bulk-group',
  tags,
  summary: 'Put up to 500 enrollments in a partner group (null: no group)',
  access: { permission: 'partners.manage' },
  request: { body: body(bulkGroupSchema) },
  responses: { 200: json(bulkGroupResultSchema, 'What happened to each enrollment') },
});

const tagsRoute = defineRoute({
  method: 'post',
  path: '/api/v1/enrollments/bulk-tags',
  tags,
  summary: 'Add and remove tags on up to 500 enrollments',
  access: { permission: 'partners.manage' },
  request: { body: body(bulkTagsSchema) },
  responses: { 200: json(bulkTagsResultSchema, 'What happened to each enrollment') },
});

const careRoute = defineRoute({
  method: 'post',
  path: '/api/v1/enrollments/bulk-care',
  tags,
  summary: 'Assign a care staff member to up to 500 enrollments, or round-robin over a staff group',
  description:
    'Round-robin gives each next enrollment to the active member of the staff group caring for the fewest.',
  access: { permission: 'partners.manage' },
  request: { body: body(bulkCareSchema) },
  responses: { 200: json(bulkCareResultSchema, 'What happened to each enrollment') },
});

export const bulkEnrollmentRoutes = createRouter()
  .openapi(groupRoute, async (c) =>
    c.json(await setEnrollmentsGroup(c.get('tenant')!, c.req.valid('json')), 200),
  )
  .openapi(tagsRoute, async (c) =>
    c.json(await setEnrollmentsTags(c.get('tenant')!, c.req.valid('json')), 200),
  )
  .openapi(careRoute, async (c) => c.json(await assignCare(c.get('tenant')!, c.req.valid('json')), 200));
