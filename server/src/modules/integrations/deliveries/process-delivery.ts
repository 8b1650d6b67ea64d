import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../../platform/errors';
import { defineJob } from '../../../platform/jobs/queue';
import type { Services, TenantContext } from '../../../platform/services';
import { orgs } from '../../orgs';
import { getProgramById } from '../../programs';
import { mapPostback } from '../mapping/map-postback';
import { mapShopify } from '../mapping/map-shopify';
import { mapWooCommerce } from '../mapping/map-woocommerce';
import { parseJsonExact } from '../mapping/parse-json-exact';
import { type DeliveryPlan, MalformedPayload } from '../mapping/plan';
import { webhookDeliveries, webhookSources } from '../schema';
import type { WebhookSourceRow } from '../sources/source-view';
import { applyPlan } from './apply-plan';
import type { DeliveryRow } from './delivery-view';
import { getDeliveryById } from './get-delivery';
import { postbackPayloadOf } from './postback-payload';

/** A refund may arrive before its order: about four minutes of retries (2 s, 4 s … 128 s). */
export const PROCESS_MAX_ATTEMPTS = 8;

/** Reads the stored body as its platform wrote it, then decides what it asks of the orders module. */
async function planOf(
  ctx: TenantContext,
  source: WebhookSourceRow,
  delivery: DeliveryRow,
): Promise<DeliveryPlan> {
  const context = { sourceId: source.id, programId: source.programId ?? undefined };
  if (source.kind === 'postback') {
    const payload = postbackPayloadOf(delivery.body, delivery.headers['content-type']);
    return mapPostback(payload, {
      ...context,
      defaultCurrency: await defaultCurrency(ctx, source),
      receivedAt: delivery.receivedAt,
    });
  }
  let payload: unknown;
  try {
    payload = parseJsonExact(delivery.body);
  } catch (error) {
    throw new MalformedPayload(`The body is not JSON: ${(error as Error).message}`);
  }
  return source.kind === 'shopify'
    ? mapShopify(delivery.topic, payload, context)
    : mapWooCommerce(delivery.topic, payload, context);
}

async function defaultCurrency(ctx: TenantContext, source: WebhookSourceRow): Promise<string> {
  if (source.programId) {
    const program = await getProgramById(ctx, ctx.services.db, source.programId).catch(() => undefined);
    if (program) return program.currency;
  }
  const [org] = await ctx.services.db
    .select({ currency: orgs.currency })
    .from(orgs)
    .where(eq(orgs.id, ctx.orgId));
  return org?.currency ?? 'VND';
}

type Finish = { status: 'processed' | 'failed' | 'received'; error: string | null; orderId?: string | null };

async function finish(ctx: TenantContext, deliveryId: string, outcome: Finish) {
  await ctx.services.db
    .update(webhookDeliveries)
    .set({
      status: outcome.status,
      error: outcome.error?.slice(0, 2000) ?? null,
      ...(outcome.orderId !== undefined ? { orderId: outcome.orderId } : {}),
      processedAt: outcome.status === 'received' ? null : ctx.services.clock.now(),
    })
    .where(and(eq(webhookDeliveries.orgId, ctx.orgId), eq(webhookDeliveries.id, deliveryId)));
}

/**
 * Processes one stored delivery. A malformed payload or an order the orders module refuses fails at
 * once (kept, shown, retryable by staff); an order not there yet and unexpected errors are retried
 * by the queue with backoff, and fail visibly on the last attempt.
 */
export async function processDelivery(
  services: Services,
  job: { orgId: string; deliveryId: string; attempt: number },
): Promise<void> {
  const base: TenantContext = { orgId: job.orgId, services, actor: { type: 'system', label: 'Webhook' } };
  const delivery = await getDeliveryById(base, services.db, job.deliveryId).catch(() => undefined);
  if (delivery?.status !== 'received') return;
  const [source] = await services.db
    .select()
    .from(webhookSources)
    .where(and(eq(webhookSources.orgId, job.orgId), eq(webhookSources.id, delivery.sourceId)));
  if (!source) return;
  const ctx: TenantContext = { ...base, actor: { type: 'system', label: `Webhook: ${source.name}` } };
  await services.db
    .update(webhookDeliveries)
    .set({ attempts: sql`${webhookDeliveries.attempts} + 1` })
    .where(and(eq(webhookDeliveries.orgId, job.orgId), eq(webhookDeliveries.id, delivery.id)));
  const last = job.attempt >= PROCESS_MAX_ATTEMPTS;
  try {
    const plan = await planOf(ctx, source, delivery);
    const outcome = await services.db.transaction((tx) =>
      applyPlan(ctx, tx, plan, { type: 'webhook', id: source.id, label: source.name }),
    );
    await finish(ctx, delivery.id, { status: 'processed', error: outcome.note, orderId: outcome.orderId });
  } catch (error) {
    if (error instanceof MalformedPayload) {
      await finish(ctx, delivery.id, { status: 'failed', error: error.message });
      return;
    }
    if (error instanceof AppError && (error.code === 'not_found' || error.code === 'conflict')) {
      // a refund before its order, or two deliveries of one order at the same moment
      const waiting =
        error.code === 'not_found'
          ? `The order is not in Kênh yet (attempt ${job.attempt} of ${PROCESS_MAX_ATTEMPTS})`
          : `${error.message} (attempt ${job.attempt} of ${PROCESS_MAX_ATTEMPTS})`;
      await finish(ctx, delivery.id, { status: last ? 'failed' : 'received', error: waiting });
      if (last) return;
      throw error;
    }
    if (error instanceof AppError && error.status < 500) {
      const details = error.details.map((detail) => `${detail.path}: ${detail.message}`).join('; ');
      await finish(ctx, delivery.id, {
        status: 'failed',
        error: details ? `${error.message} (${details})` : error.message,
      });
      return;
    }
    if (last) {
      services.log.error({ err: error, delivery: delivery.id }, 'webhook delivery failed');
      await finish(ctx, delivery.id, {
        status: 'failed',
        error: 'Kênh could not process it (internal error)',
      });
      return;
    }
    throw error;
  }
}

/** The job that processes a stored delivery (queued on receipt and by “retry”). */
export function processDeliveryJob(services: Services) {
  return defineJob({
    name: 'integrations.process-delivery',
    version: 1,
    payload: z.object({ orgId: z.string(), deliveryId: z.string() }),
    maxAttempts: PROCESS_MAX_ATTEMPTS,
    handle: (payload, job) => processDelivery(services, { ...payload, attempt: job.attempt }),
  });
}
