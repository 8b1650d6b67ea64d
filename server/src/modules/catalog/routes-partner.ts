import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app';
import { defineRoute } from '../../platform/http/route';
import {
  findMyCatalog,
  findMyCatalogCategories,
  myCatalogQuerySchema,
  myProductSchema,
} from './partner/find-my-catalog';
import { json } from './routes-helpers';

const tags = ['Partner app'];
const access = { session: 'partner' } as const;

const catalogRoute = defineRoute({
  method: 'get',
  path: '/api/me/catalog',
  tags,
  summary: 'Products I can sell in one of my programs',
  description: 'Active products of the organisation of one of my approved enrollments; never their cost.',
  access,
  request: { query: myCatalogQuerySchema },
  responses: {
    200: json(
      z
        .object({ items: z.array(myProductSchema), nextCursor: z.string().nullable() })
        .openapi('MyCatalogPage'),
      'A page of products',
    ),
  },
});

const categoriesRoute = defineRoute({
  method: 'get',
  path: '/api/me/catalog/categories',
  tags,
  summary: 'Categories of the products I can sell in one of my programs',
  description: 'Only categories holding active products; counts include the categories below.',
  access,
  request: { query: z.object({ enrollmentId: myCatalogQuerySchema.shape.enrollmentId }) },
  responses: {
    200: json(
      z.object({
        items: z.array(
          z.object({
            id: z.string(),
            parentId: z.string().nullable(),
            name: z.string(),
            path: z.string(),
            depth: z.number().int(),
            productCount: z.number().int(),
          }),
        ),
      }),
      'Categories',
    ),
  },
});

const identityOf = (c: { get: (key: 'session') => { identityId: string } | undefined }) =>
  c.get('session')!.identityId;

/** The partner app's view of the catalog of the organisations the partner sells for. */
export const partnerCatalogRoutes = createRouter()
  .openapi(catalogRoute, async (c) =>
    c.json(await findMyCatalog(c.get('services'), identityOf(c), c.req.valid('query')), 200),
  )
  .openapi(categoriesRoute, async (c) =>
    c.json(
      await findMyCatalogCategories(c.get('services'), identityOf(c), c.req.valid('query').enrollmentId),
      200,
    ),
  );
