import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app';
import { defineRoute } from '../../platform/http/route';
import { createProductCategory } from './categories/create-category';
import { deleteProductCategory } from './categories/delete-category';
import { findProductCategories, getProductCategoryView } from './categories/find-categories';
import { updateProductCategory } from './categories/update-category';
import { body, json } from './routes-helpers';
import {
  categoryPatchSchema,
  categorySchema,
  newCategorySchema,
  categoryIdParams as params,
} from './schemas';

const tags = ['Product categories'];

const listRoute = defineRoute({
  method: 'get',
  path: '/api/v1/product-categories',
  tags,
  summary: 'The category tree as a flat list ordered by path',
  description: 'Each category names its parent and its path ("Mỹ phẩm › Chăm sóc da").',
  access: { permission: 'catalog.read' },
  responses: { 200: json(z.object({ items: z.array(categorySchema) }), 'All categories') },
});

const createRoute = defineRoute({
  method: 'post',
  path: '/api/v1/product-categories',
  tags,
  summary: 'Create a category (top-level or under a parent)',
  access: { permission: 'catalog.manage' },
  request: { body: body(newCategorySchema) },
  responses: { 201: json(categorySchema, 'The category') },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/api/v1/product-categories/{productCategoryId}',
  tags,
  summary: 'One category',
  access: { permission: 'catalog.read' },
  request: { params },
  responses: { 200: json(categorySchema, 'The category') },
});

const updateRoute = defineRoute({
  method: 'patch',
  path: '/api/v1/product-categories/{productCategoryId}',
  tags,
  summary: 'Rename or move a category',
  description: 'A move under the category itself or one of its subcategories is refused.',
  access: { permission: 'catalog.manage' },
  request: { params, body: body(categoryPatchSchema) },
  responses: { 200: json(categorySchema, 'The category') },
});

const deleteRoute = defineRoute({
  method: 'delete',
  path: '/api/v1/product-categories/{productCategoryId}',
  tags,
  summary: 'Delete an empty category',
  description: 'A category with products (any status) or subcategories answers 409.',
  access: { permission: 'catalog.manage' },
  request: { params },
  responses: { 204: { description: 'Deleted' } },
});

export const categoryRoutes = createRouter()
  .openapi(listRoute, async (c) => c.json(await findProductCategories(c.get('tenant')!), 200))
  .openapi(createRoute, async (c) =>
    c.json(await createProductCategory(c.get('tenant')!, c.req.valid('json')), 201),
  )
  .openapi(getRoute, async (c) =>
    c.json(await getProductCategoryView(c.get('tenant')!, c.req.valid('param').productCategoryId), 200),
  )
  .openapi(updateRoute, async (c) =>
    c.json(
      await updateProductCategory(
        c.get('tenant')!,
        c.req.valid('param').productCategoryId,
        c.req.valid('json'),
      ),
      200,
    ),
  )
  .openapi(deleteRoute, async (c) => {
    await deleteProductCategory(c.get('tenant')!, c.req.valid('param').productCategoryId);
    return c.body(null, 204);
  });
