import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app';
import { json } from '../../platform/http/openapi';
import { defineRoute } from '../../platform/http/route';
import { createOrganisationForIdentity } from './create-organisation-for-identity';
import { getOrganisation } from './get-organisation';
import { newOrgSchema, orgPatchSchema, orgSchema } from './schemas';
import { updateOrganisation } from './update-organisation';

const getOrgRoute = defineRoute({
  method: 'get',
  path: '/api/v1/org',
  tags: ['Organisation'],
  summary: 'Settings of the organisation',
  access: { permission: 'org.read' },
  responses: { 200: json(orgSchema, 'The organisation') },
});

const updateOrgRoute = defineRoute({
  method: 'patch',
  path: '/api/v1/org',
  tags: ['Organisation'],
  summary: 'Change the settings of the organisation',
  access: { permission: 'org.update' },
  request: { body: { required: true, content: { 'application/json': { schema: orgPatchSchema } } } },
  responses: { 200: json(orgSchema, 'The organisation after the change'), 409: json(z.any(), 'Slug taken') },
});

const createOrgRoute = defineRoute({
  method: 'post',
  path: '/api/orgs',
  tags: ['Organisation'],
  summary: 'Start another organisation, owned by the signed-in person',
  access: { session: 'staff' },
  request: { body: { required: true, content: { 'application/json': { schema: newOrgSchema } } } },
  responses: { 201: json(z.object({ org: orgSchema }), 'The new organisation') },
});

export const orgRoutes = createRouter()
  .openapi(getOrgRoute, async (c) => c.json(await getOrganisation(c.get('tenant')!), 200))
  .openapi(updateOrgRoute, async (c) =>
    c.json(await updateOrganisation(c.get('tenant')!, c.req.valid('json')), 200),
  )
  .openapi(createOrgRoute, async (c) => {
    const { org } = await createOrganisationForIdentity(
      c.get('services'),
      c.get('session')!.identityId,
      c.req.valid('json'),
    );
    return c.json({ org }, 201);
  });
