import { createRouter } from '../../platform/http/app';
import { body, json } from '../../platform/http/openapi';
import { defineRoute } from '../../platform/http/route';
import { toDeliveryView } from './deliveries/delivery-view';
import { findDeliveries } from './deliveries/find-deliveries';
import { getDeliveryById } from './deliveries/get-delivery';
import { retryDelivery } from './deliveries/retry-delivery';
import {
  deliveryIdParams,
  deliveryPageSchema,
  deliveryQuerySchema,
  deliverySchema,
  newSourceSchema,
  sourceIdParams,
  sourcePageSchema,
  sourcePatchSchema,
  sourceQuerySchema,
  sourceSchema,
  sourceWithSecretSchema,
} from './schemas';
import { createWebhookSource } from './sources/create-webhook-source';
import { deleteWebhookSource } from './sources/delete-webhook-source';
import { findWebhookSources } from './sources/find-webhook-sources';
import { getWebhookSourceView } from './sources/get-webhook-source';
import { rotatePostbackToken } from './sources/rotate-postback-token';
import { updateWebhookSource } from './sources/update-webhook-source';

const tags = ['Webhook sources'];
const access = { permission: 'integrations.manage' } as const;

/** Webhook sources (Shopify, WooCommerce, postback) and their deliveries. */
export const sourceRoutes = createRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/api/v1/webhook-sources',
      tags,
      summary: 'Webhook sources with their deliveries and failures of the last 24 hours',
      access,
      request: { query: sourceQuerySchema },
      responses: { 200: json(sourcePageSchema, 'A page of sources') },
    }),
    async (c) => c.json(await findWebhookSources(c.get('tenant')!, c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/v1/webhook-sources',
      tags,
      summary: 'Add a webhook source',
      description:
        'Shopify and WooCommerce: paste the signing secret the platform shows. Postback: Kênh makes a token and ' +
        'answers it this once (with the URL that carries it). Secrets are sealed and never shown again.',
      access,
      request: { body: body(newSourceSchema) },
      responses: { 201: json(sourceWithSecretSchema, 'The source, with the postback token this once') },
    }),
    async (c) => c.json(await createWebhookSource(c.get('tenant')!, c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/api/v1/webhook-sources/{webhookSourceId}',
      tags,
      summary: 'One webhook source',
      access,
      request: { params: sourceIdParams },
      responses: { 200: json(sourceSchema, 'The source') },
    }),
    async (c) =>
      c.json(await getWebhookSourceView(c.get('tenant')!, c.req.valid('param').webhookSourceId), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch',
      path: '/api/v1/webhook-sources/{webhookSourceId}',
      tags,
      summary: 'Rename, link to a program, turn on or off, or replace the platform secret',
      access,
      request: { params: sourceIdParams, body: body(sourcePatchSchema) },
      responses: { 200: json(sourceSchema, 'The source') },
    }),
    async (c) =>
      c.json(
        await updateWebhookSource(
          c.get('tenant')!,
          c.req.valid('param').webhookSourceId,
          c.req.valid('json'),
        ),
        200,
      ),
  )
  .openapi(
    defineRoute({
      method: 'delete',
      path: '/api/v1/webhook-sources/{webhookSourceId}',
      tags,
      summary: 'Delete a source and its stored deliveries (its orders stay)',
      access,
      request: { params: sourceIdParams },
      responses: { 204: { description: 'Deleted' } },
    }),
    async (c) => {
      await deleteWebhookSource(c.get('tenant')!, c.req.valid('param').webhookSourceId);
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/v1/webhook-sources/{webhookSourceId}/rotate-token',
      tags,
      summary: 'Replace a postback token (the old one stops at once)',
      access,
      request: { params: sourceIdParams },
      responses: { 200: json(sourceWithSecretSchema, 'The new token, shown this once') },
    }),
    async (c) =>
      c.json(await rotatePostbackToken(c.get('tenant')!, c.req.valid('param').webhookSourceId), 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/api/v1/webhook-sources/{webhookSourceId}/deliveries',
      tags,
      summary: 'Deliveries of a source, newest first',
      access,
      request: { params: sourceIdParams, query: deliveryQuerySchema },
      responses: { 200: json(deliveryPageSchema, 'A page of deliveries') },
    }),
    async (c) =>
      c.json(
        await findDeliveries(c.get('tenant')!, c.req.valid('param').webhookSourceId, c.req.valid('query')),
        200,
      ),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/api/v1/webhook-deliveries/{webhookDeliveryId}',
      tags,
      summary: 'One delivery with its headers and raw body',
      access,
      request: { params: deliveryIdParams },
      responses: { 200: json(deliverySchema, 'The delivery') },
    }),
    async (c) => {
      const tenant = c.get('tenant')!;
      const row = await getDeliveryById(tenant, tenant.services.db, c.req.valid('param').webhookDeliveryId);
      return c.json(toDeliveryView(row), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/v1/webhook-deliveries/{webhookDeliveryId}/retry',
      tags,
      summary: 'Process a failed delivery again',
      access,
      request: { params: deliveryIdParams },
      responses: { 202: json(deliverySchema, 'Queued') },
    }),
    async (c) => c.json(await retryDelivery(c.get('tenant')!, c.req.valid('param').webhookDeliveryId), 202),
  );
