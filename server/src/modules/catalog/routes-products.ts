import { createRouter } from '../../platform/http/app';
import { defineRoute } from '../../platform/http/route';
import { createProduct } from './products/create-product';
import { findProducts } from './products/find-products';
import { getProductView } from './products/get-product';
import { changeProductStatus, updateProduct } from './products/update-product';
import { body, json } from './routes-helpers';
import {
  newProductSchema,
  productIdParams as params,
  productPageSchema,
  productPatchSchema,
  productQuerySchema,
  productSchema,
  productStatusBodySchema,
} from './schemas';

const tags = ['Products'];

const listRoute = defineRoute({
  method: 'get',
  path: '/api/v1/products',
  tags,
  summary: 'Products, searched, filtered and sorted',
  access: { permission: 'catalog.read' },
  request: { query: productQuerySchema },
  responses: { 200: json(productPageSchema, 'A page of products') },
});

const createRoute = defineRoute({
  method: 'post',
  path: '/api/v1/products',
  tags,
  summary: 'Create a product',
  description: 'The SKU is unique in the organisation, ignoring case (409 otherwise).',
  access: { permission: 'catalog.manage' },
  request: { body: body(newProductSchema) },
  responses: { 201: json(productSchema, 'The product') },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/api/v1/products/{productId}',
  tags,
  summary: 'One product',
  access: { permission: 'catalog.read' },
  request: { params },
  responses: { 200: json(productSchema, 'The product') },
});

const updateRoute = defineRoute({
  method: 'patch',
  path: '/api/v1/products/{productId}',
  tags,
  summary: 'Change a product',
  access: { permission: 'catalog.manage' },
  request: { params, body: body(productPatchSchema) },
  responses: { 200: json(productSchema, 'The product') },
});

const statusRoute = defineRoute({
  method: 'post',
  path: '/api/v1/products/{productId}/status',
  tags,
  summary: 'Archive a product, or make it active or draft again',
  description: 'Archived and draft products are hidden from partners; orders keep naming them.',
  access: { permission: 'catalog.manage' },
  request: { params, body: body(productStatusBodySchema) },
  responses: { 200: json(productSchema, 'The product') },
});

export const productRoutes = createRouter()
  .openapi(listRoute, async (c) => c.json(await findProducts(c.get('tenant')!, c.req.valid('query')), 200))
  .openapi(createRoute, async (c) => c.json(await createProduct(c.get('tenant')!, c.req.valid('json')), 201))
  .openapi(getRoute, async (c) =>
    c.json(await getProductView(c.get('tenant')!, c.req.valid('param').productId), 200),
  )
  .openapi(updateRoute, async (c) =>
    c.json(await updateProduct(c.get('tenant')!, c.req.valid('param').productId, c.req.valid('json')), 200),
  )
  .openapi(statusRoute, async (c) =>
    c.json(
      await changeProductStatus(c.get('tenant')!, c.req.valid('param').productId, c.req.valid('json').status),
      200,
    ),
  );
