import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app';
import { body, json } from '../../platform/http/openapi';
import { defineRoute } from '../../platform/http/route';
import { createStaffGroup } from './create-staff-group';
import { deleteStaffGroup } from './delete-staff-group';
import { findStaffGroups, getStaffGroupById } from './find-staff-groups';
import { idParam, listOf } from './schemas';
import { setStaffGroupMembers } from './set-staff-group-members';
import {
  newStaffGroupSchema,
  staffGroupDetailSchema,
  staffGroupMembersSchema,
  staffGroupPatchSchema,
  staffGroupQuerySchema,
  staffGroupSchema,
} from './staff-group-schemas';
import { updateStaffGroup } from './update-staff-group';

const params = z.object({ groupId: idParam('groupId', 'sgp_01jc8x0000abcdefghjkmnpqrs') });
const tags = ['Staff groups'];

const listRoute = defineRoute({
  method: 'get',
  path: '/api/v1/staff-groups',
  tags,
  summary: 'Staff groups with their member counts',
  access: { permission: 'staff_groups.read' },
  request: { query: staffGroupQuerySchema },
  responses: { 200: json(listOf(staffGroupSchema, 'StaffGroupPage'), 'A page of staff groups') },
});

const createRoute = defineRoute({
  method: 'post',
  path: '/api/v1/staff-groups',
  tags,
  summary: 'Create a staff group',
  access: { permission: 'staff_groups.manage' },
  request: { body: body(newStaffGroupSchema) },
  responses: { 201: json(staffGroupDetailSchema, 'The staff group') },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/api/v1/staff-groups/{groupId}',
  tags,
  summary: 'One staff group with its members',
  access: { permission: 'staff_groups.read' },
  request: { params },
  responses: { 200: json(staffGroupDetailSchema, 'The staff group') },
});

const updateRoute = defineRoute({
  method: 'patch',
  path: '/api/v1/staff-groups/{groupId}',
  tags,
  summary: 'Rename a staff group or change its description',
  access: { permission: 'staff_groups.manage' },
  request: { params, body: body(staffGroupPatchSchema) },
  responses: { 200: json(staffGroupDetailSchema, 'The staff group') },
});

const deleteRoute = defineRoute({
  method: 'delete',
  path: '/api/v1/staff-groups/{groupId}',
  tags,
  summary: 'Delete a staff group',
  access: { permission: 'staff_groups.manage' },
  request: { params },
  responses: { 204: { description: 'Deleted' } },
});

const setMembersRoute = defineRoute({
  method: 'put',
  path: '/api/v1/staff-groups/{groupId}/members',
  tags,
  summary: 'Replace the members of a staff group',
  access: { permission: 'staff_groups.manage' },
  request: { params, body: body(staffGroupMembersSchema) },
  responses: { 200: json(staffGroupDetailSchema, 'The staff group') },
});

export const staffGroupRoutes = createRouter()
  .openapi(listRoute, async (c) => c.json(await findStaffGroups(c.get('tenant')!, c.req.valid('query')), 200))
  .openapi(createRoute, async (c) =>
    c.json(await createStaffGroup(c.get('tenant')!, c.req.valid('json')), 201),
  )
  .openapi(getRoute, async (c) =>
    c.json(await getStaffGroupById(c.get('tenant')!, c.req.valid('param').groupId), 200),
  )
  .openapi(updateRoute, async (c) =>
    c.json(await updateStaffGroup(c.get('tenant')!, c.req.valid('param').groupId, c.req.valid('json')), 200),
  )
  .openapi(deleteRoute, async (c) => {
    await deleteStaffGroup(c.get('tenant')!, c.req.valid('param').groupId);
    return c.body(null, 204);
  })
  .openapi(setMembersRoute, async (c) =>
    c.json(
      await setStaffGroupMembers(
        c.get('tenant')!,
        c.req.valid('param').groupId,
        c.req.valid('json').memberIds,
      ),
      200,
    ),
  );
