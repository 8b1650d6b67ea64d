import { and, asc, eq } from 'drizzle-orm';
import type { TestEnv } from '../../../../../test/harness';
import { orderEvents, orderItems, orders } from '../../orders';
import { webhookDeliveries } from '../schema';
import { hmacBase64 } from './signatures';

/** Sends a signed (or deliberately mis-signed) platform webhook to /hooks/{sourceId}. */
export function deliver(
  env: TestEnv,
  sourceId: string,
  options: {
    kind: 'shopify' | 'woocommerce';
    topic: string;
    body: unknown;
    secret: string;
    eventId?: string;
    signature?: string | null;
  },
) {
  const raw = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const signature =
    options.signature === undefined
      ? hmacBase64(options.secret, new TextEncoder().encode(raw))
      : options.signature;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.kind === 'shopify') {
    headers['x-shopify-topic'] = options.topic;
    headers['x-shopify-shop-domain'] = 'hoa-sen.myshopify.com';
    headers['x-shopify-api-version'] = '2025-07';
    if (options.eventId) headers['x-shopify-webhook-id'] = options.eventId;
    if (signature) headers['x-shopify-hmac-sha256'] = signature;
  } else {
    headers['x-wc-webhook-topic'] = options.topic;
    headers['x-wc-webhook-source'] = 'https://shop.example.co.th/';
    if (options.eventId) headers['x-wc-webhook-delivery-id'] = options.eventId;
    if (signature) headers['x-wc-webhook-signature'] = signature;
  }
  return env.app.request(`/hooks/${sourceId}`, { method: 'POST', headers, body: raw });
}

export async function deliveriesOf(env: TestEnv, sourceId: string) {
  return env.services.db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.sourceId, sourceId))
    .orderBy(asc(webhookDeliveries.receivedAt), asc(webhookDeliveries.id));
}

export async function ordersOf(env: TestEnv, orgId: string, externalId?: string) {
  return env.services.db
    .select()
    .from(orders)
    .where(and(eq(orders.orgId, orgId), externalId ? eq(orders.externalId, externalId) : undefined));
}

export async function itemsOf(env: TestEnv, orgId: string, orderId: string) {
  return env.services.db
    .select()
    .from(orderItems)
    .where(and(eq(orderItems.orgId, orgId), eq(orderItems.orderId, orderId)))
    .orderBy(asc(orderItems.lineNo));
}

export async function eventsOf(env: TestEnv, orgId: string, orderId: string) {
  return env.services.db
    .select()
    .from(orderEvents)
    .where(and(eq(orderEvents.orgId, orgId), eq(orderEvents.orderId, orderId)));
}
