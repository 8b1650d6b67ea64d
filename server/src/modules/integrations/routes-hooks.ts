import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../platform/errors';
import { createRouter } from '../../platform/http/app';
import type { AppEnv } from '../../platform/http/env';
import { clientIp, WindowCounter } from '../../platform/http/rate-limit';
import { defineRoute } from '../../platform/http/route';
import { type IncomingDelivery, receiveDelivery } from './hooks/receive-delivery';

/** Shopify allows orders of a few hundred lines; a larger body is not an order. */
export const MAX_DELIVERY_BYTES = 2 * 1024 * 1024;
/** Per sending address and per source, per minute: far above a shop's order rate, below a flood. */
export const HOOK_LIMITS = { perIpPerMinute: 600, perSourcePerMinute: 1200 };

const counter = new WindowCounter();
const tags = ['Webhooks (inbound)'];
const params = z.object({
  sourceId: z
    .string()
    .min(1)
    .max(60)
    .openapi({ param: { name: 'sourceId', in: 'path' }, example: 'whs_01jc8x0000abcdefghjkmnpqrs' }),
});
const accepted = z.object({
  ok: z.literal(true),
  deliveryId: z.string().nullable(),
  duplicate: z.boolean(),
  ping: z.boolean().optional(),
});
const platformBody = {
  required: false,
  description:
    'The platform’s own JSON, exactly as it signed it (not validated here: a malformed one is stored and shown as failed)',
  content: { 'application/json': { schema: { type: 'object' as const } } },
};

const limits = async (c: Context<AppEnv>, next: () => Promise<void>) => {
  const source = counter.hit(`source:${c.req.param('sourceId')}`, HOOK_LIMITS.perSourcePerMinute);
  const ip = counter.hit(`ip:${clientIp(c)}`, HOOK_LIMITS.perIpPerMinute);
  if (!source.ok || !ip.ok) {
    throw new AppError('rate_limited', 'Too many deliveries. Try again shortly.', {
      headers: { 'Retry-After': String(Math.max(source.retryAfterSeconds, ip.retryAfterSeconds)) },
    });
  }
  await next();
};
const sizeLimit = bodyLimit({
  maxSize: MAX_DELIVERY_BYTES,
  onError: () => {
    throw new AppError('bad_request', 'The delivery is larger than 2 MB');
  },
});

async function answer(c: Context<AppEnv>, incoming: IncomingDelivery) {
  const outcome = await receiveDelivery(c.get('services'), incoming);
  if (outcome.status !== 200) throw new AppError(outcome.body.code, outcome.body.message);
  return c.json(outcome.body, 200);
}

function postbackIncoming(c: Context<AppEnv>, rawBody: Uint8Array): IncomingDelivery {
  const url = new URL(c.req.url);
  const token = url.searchParams.get('token') ?? c.req.header('x-kenh-token') ?? undefined;
  url.searchParams.delete('token');
  return {
    sourceId: c.req.param('sourceId')!,
    route: 'postback',
    rawBody,
    header: (name) => c.req.header(name),
    token,
    query: url.searchParams.toString(),
    remoteIp: clientIp(c),
  };
}

const postbackDescription =
  'The shop’s own system reports an order. Authenticate with `?token=<token>` or the header ' +
  '`X-Kenh-Token`. Fields (JSON body, form body or query string): `order_id` (required), `amount` ' +
  '(major units, e.g. "150000" or "1250.50") or `items` [{sku, name, quantity, price, discount}], ' +
  '`currency`, `kclid`, `ref`, `coupon`, `status` (pending, confirmed, completed, cancelled, refunded), ' +
  '`payment` (unpaid, paid, failed, cod), `customer_id`, `customer_name`, `customer_email`, ' +
  '`customer_phone`, `discount`, `shipping`, `tax`, `placed_at`, `occurred_at`, and `event_id` ' +
  '(a second notice with the same event id is not processed again).';

/** Public delivery URLs of webhook sources: Shopify, WooCommerce and postbacks. */
export const hookRoutes = createRouter()
  .openapi(
    defineRoute({
      method: 'post',
      path: '/hooks/{sourceId}',
      tags,
      summary: 'Receive a Shopify or WooCommerce webhook',
      description:
        'Verified with `X-Shopify-Hmac-Sha256` or `X-WC-Webhook-Signature` (base64 HMAC-SHA256 of the raw body ' +
        'with the source’s secret). Stored first, then processed by a job; a repeated `X-Shopify-Webhook-Id` / ' +
        '`X-WC-Webhook-Delivery-ID` is recorded as a duplicate and answered 200. A refused signature answers 401 ' +
        'and is logged; a disabled source answers 403.',
      access: { public: true },
      middleware: [limits, sizeLimit],
      request: { params, body: platformBody },
      responses: { 200: { description: 'Stored', content: { 'application/json': { schema: accepted } } } },
    }),
    async (c) =>
      answer(c, {
        sourceId: c.req.valid('param').sourceId,
        route: 'platform',
        rawBody: new Uint8Array(await c.req.arrayBuffer()),
        header: (name) => c.req.header(name),
        remoteIp: clientIp(c),
      }),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/hooks/{sourceId}/postback',
      tags,
      summary: 'Receive a postback from the shop’s own system',
      description: postbackDescription,
      access: { public: true },
      middleware: [limits, sizeLimit],
      request: {
        params,
        body: {
          required: false,
          content: {
            'application/json': { schema: { type: 'object' as const } },
            'application/x-www-form-urlencoded': { schema: { type: 'object' as const } },
          },
        },
      },
      responses: { 200: { description: 'Stored', content: { 'application/json': { schema: accepted } } } },
    }),
    async (c) => answer(c, postbackIncoming(c, new Uint8Array(await c.req.arrayBuffer()))),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/hooks/{sourceId}/postback',
      tags,
      summary: 'Receive a postback as a GET with query parameters',
      description: postbackDescription,
      access: { public: true },
      middleware: [limits],
      request: { params },
      responses: { 200: { description: 'Stored', content: { 'application/json': { schema: accepted } } } },
    }),
    async (c) => answer(c, postbackIncoming(c, new Uint8Array())),
  );
