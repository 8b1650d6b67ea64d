import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { Services } from '../../../platform/services';
import { postbackPayloadOf } from '../deliveries/postback-payload';
import { processDeliveryJob } from '../deliveries/process-delivery';
import { postbackEventId } from '../mapping/map-postback';
import { webhookDeliveries, webhookSources } from '../schema';
import { unsafeFindSourceForDelivery } from '../sources/get-webhook-source';
import type { WebhookSourceRow } from '../sources/source-view';
import { verifyHmacSignature, verifyPostbackToken } from './signatures';

/** Headers kept with a delivery (never tokens, cookies or authorisation). */
const KEPT_HEADERS = [
  'content-type',
  'user-agent',
  'x-shopify-topic',
  'x-shopify-shop-domain',
  'x-shopify-webhook-id',
  'x-shopify-event-id',
  'x-shopify-api-version',
  'x-shopify-triggered-at',
  'x-shopify-hmac-sha256',
  'x-wc-webhook-source',
  'x-wc-webhook-topic',
  'x-wc-webhook-resource',
  'x-wc-webhook-event',
  'x-wc-webhook-id',
  'x-wc-webhook-delivery-id',
  'x-wc-webhook-signature',
];

/** What a refused or duplicate delivery keeps of its body. */
export const KEPT_BODY_BYTES = 4096;

export type IncomingDelivery = {
  sourceId: string;
  route: 'platform' | 'postback';
  rawBody: Uint8Array;
  /** Lower-case names. */
  header: (name: string) => string | undefined;
  /** A postback's token, from `?token=` or `X-Kenh-Token`. */
  token?: string;
  /** A postback sent as a GET: its query string without the token. */
  query?: string;
  remoteIp: string;
};

export type ReceiveOutcome =
  | { status: 200; body: { ok: true; deliveryId: string | null; duplicate: boolean; ping?: boolean } }
  | { status: 401 | 403; body: { code: 'unauthenticated' | 'forbidden'; message: string } };

function keptHeaders(incoming: IncomingDelivery): Record<string, string> {
  const headers: Record<string, string> = { 'remote-ip': incoming.remoteIp };
  for (const name of KEPT_HEADERS) {
    const value = incoming.header(name);
    if (value !== undefined) headers[name] = value.slice(0, 500);
  }
  return headers;
}

function truncated(text: string): string {
  return text.length > KEPT_BODY_BYTES ? `${text.slice(0, KEPT_BODY_BYTES)}…` : text;
}

/** WooCommerce checks a new webhook's URL with an unsigned `webhook_id=…` form body. */
function isWooCommercePing(source: WebhookSourceRow, incoming: IncomingDelivery, body: string): boolean {
  return (
    source.kind === 'woocommerce' &&
    !incoming.header('x-wc-webhook-signature') &&
    /^webhook_id=\d{1,20}$/.test(body.trim())
  );
}

function verify(source: WebhookSourceRow, secret: string, incoming: IncomingDelivery): boolean {
  switch (source.kind) {
    case 'shopify':
      return verifyHmacSignature(secret, incoming.rawBody, incoming.header('x-shopify-hmac-sha256'));
    case 'woocommerce':
      return verifyHmacSignature(secret, incoming.rawBody, incoming.header('x-wc-webhook-signature'));
    case 'postback':
      return verifyPostbackToken(secret, incoming.token);
  }
}

function topicOf(source: WebhookSourceRow, incoming: IncomingDelivery): string {
  const topic =
    source.kind === 'shopify'
      ? incoming.header('x-shopify-topic')
      : source.kind === 'woocommerce'
        ? incoming.header('x-wc-webhook-topic')
        : 'postback';
  return (topic ?? '').trim().slice(0, 100);
}

function eventIdOf(source: WebhookSourceRow, incoming: IncomingDelivery, body: string): string | null {
  if (source.kind === 'shopify') return incoming.header('x-shopify-webhook-id')?.slice(0, 200) || null;
  if (source.kind === 'woocommerce')
    return incoming.header('x-wc-webhook-delivery-id')?.slice(0, 200) || null;
  try {
    return postbackEventId(postbackPayloadOf(body, incoming.header('content-type'))) ?? null;
  } catch {
    return null;
  }
}

/**
 * Receives one delivery at `/hooks/{sourceId}`: a source that is unknown or of another kind is not
 * found; a refused signature or a disabled source is logged as `rejected` (headers and a few KB of
 * body, never processed). A proven delivery is stored first, with its platform event id, and a job
 * processes it; the same event id again is recorded as a `duplicate` and not processed.
 */
export async function receiveDelivery(
  services: Services,
  incoming: IncomingDelivery,
): Promise<ReceiveOutcome> {
  const { db, clock, keys, jobs } = services;
  const source = await unsafeFindSourceForDelivery(db, incoming.sourceId);
  const wantsPostback = source?.kind === 'postback';
  if (!source || wantsPostback !== (incoming.route === 'postback')) {
    throw new AppError('not_found', 'No such webhook source');
  }
  const body =
    incoming.route === 'postback' && incoming.rawBody.length === 0
      ? (incoming.query ?? '')
      : new TextDecoder('utf-8').decode(incoming.rawBody);
  if (isWooCommercePing(source, incoming, body)) {
    return { status: 200, body: { ok: true, deliveryId: null, duplicate: false, ping: true } };
  }
  const now = clock.now();
  const headers = keptHeaders(incoming);
  const topic = topicOf(source, incoming);
  const base = { orgId: source.orgId, sourceId: source.id, topic, headers, receivedAt: now };

  const refusal =
    source.status !== 'active'
      ? ({ code: 'forbidden', status: 403, message: 'This webhook source is turned off in Kênh' } as const)
      : !verify(source, keys.open(source.secretEnc), incoming)
        ? ({
            code: 'unauthenticated',
            status: 401,
            message:
              source.kind === 'postback'
                ? 'The token is missing or wrong'
                : 'The signature is missing or does not match the secret',
          } as const)
        : undefined;
  if (refusal) {
    await db.insert(webhookDeliveries).values({
      ...base,
      id: newId('webhookDelivery', now.getTime()),
      platformEventId: null,
      status: 'rejected',
      error: refusal.message,
      body: truncated(body),
    });
    return { status: refusal.status, body: { code: refusal.code, message: refusal.message } };
  }

  const platformEventId = eventIdOf(source, incoming, body);
  return db.transaction(async (tx) => {
    const id = newId('webhookDelivery', now.getTime());
    const [stored] = await tx
      .insert(webhookDeliveries)
      .values({ ...base, id, platformEventId, status: 'received', body })
      .onConflictDoNothing()
      .returning({ id: webhookDeliveries.id });
    await tx
      .update(webhookSources)
      .set({ lastDeliveryAt: now })
      .where(and(eq(webhookSources.orgId, source.orgId), eq(webhookSources.id, source.id)));
    if (!stored) {
      const [first] = await tx
        .select({ id: webhookDeliveries.id })
        .from(webhookDeliveries)
        .where(
          and(
            eq(webhookDeliveries.orgId, source.orgId),
            eq(webhookDeliveries.sourceId, source.id),
            eq(webhookDeliveries.platformEventId, platformEventId!),
          ),
        );
      const duplicateId = newId('webhookDelivery', now.getTime());
      await tx.insert(webhookDeliveries).values({
        ...base,
        id: duplicateId,
        platformEventId: null,
        status: 'duplicate',
        error: `Same event ${platformEventId} as delivery ${first?.id ?? '(unknown)'}; not processed again`,
        body: truncated(body),
        processedAt: now,
      });
      return { status: 200, body: { ok: true, deliveryId: duplicateId, duplicate: true } } as const;
    }
    await jobs.enqueue(
      tx,
      processDeliveryJob(services),
      { orgId: source.orgId, deliveryId: id },
      { orgId: source.orgId, dedupeKey: id },
    );
    return { status: 200, body: { ok: true, deliveryId: id, duplicate: false } } as const;
  });
}
