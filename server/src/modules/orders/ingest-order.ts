import type { Executor } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { requestRecompute } from '../commissions';
import { ingestChunk } from './ingest-chunk';
import type { OrderView } from './order-view';
import { type PreparedOrder, prepareOrderInput } from './prepare-order-input';
import type { OrderSource, OrderStatus, PaymentStatus } from './schema';

export type OrderItemInput = {
  /** Matched to the catalog's products (case-insensitive) for product, category and cost. */
  sku: string;
  /** Defaults to the product's name, else the SKU. */
  name?: string;
  /** Integer ≥ 1. */
  quantity: number;
  /** ≥ 0. */
  unitPriceMinor: bigint;
  /** Whole-line discount, ≥ 0, ≤ quantity × unit price. */
  discountMinor?: bigint;
  /** The platform's line id (Shopify line_items[].id), matched by refunds. */
  externalLineId?: string;
};

export type PaymentMethod = 'cod' | 'transfer' | 'card' | 'wallet' | 'store_credit' | 'other';

export type CustomerInput = { externalId?: string; name?: string; phone?: string; email?: string };

export type OrderInput = {
  source: OrderSource;
  /** The webhook source that delivered it, when one did. */
  sourceId?: string;
  /** Idempotency: (org, source, externalId). */
  externalId: string;
  /** Human order number; defaults to the external id. */
  number?: string;
  /** The program to credit in when the evidence does not say. */
  programId?: string;
  /** ISO 4217. */
  currency: string;
  /** Defaults to now. */
  placedAt?: Date;
  /** Initial status, default 'pending'. */
  status?: OrderStatus;
  /** Default 'unpaid' ('cod_pending' when the payment method is 'cod'). */
  paymentStatus?: PaymentStatus;
  paymentMethod?: PaymentMethod;
  customer?: CustomerInput;
  shippingAddress?: string;
  note?: string;
  /** At least one. */
  items: OrderItemInput[];
  discountMinor?: bigint;
  shippingMinor?: bigint;
  taxMinor?: bigint;
  /** An explicit partner (referral) code on the order. */
  partnerCode?: string;
  couponCode?: string;
  /** The click id (kclid). */
  clickId?: string;
  /** Hashed with the click salt, never stored raw. */
  clientIp?: string;
  userAgent?: string;
  /** The CTV who entered the order. */
  enteredByEnrollmentId?: string;
  subscriptionId?: string;
};

export type IngestResult =
  | { ok: true; order: OrderView; created: boolean }
  | { ok: false; error: { code: string; message: string } };

/** Orders written per transaction (one API batch): each look-up and insert is one statement per chunk. */
const CHUNK_SIZE = 1000;

/** Creates the order once; a second delivery of (source, externalId) answers the stored order. */
export async function ingestOrder(
  ctx: TenantContext,
  executor: Executor,
  input: OrderInput,
): Promise<{ order: OrderView; created: boolean }> {
  const prepared = prepareOrderInput(ctx.services, input, ctx.services.clock.now());
  return executor.transaction(async (tx) => {
    const result = (await ingestChunk(ctx, tx, [prepared])).get(prepared.key);
    if (!result) throw new AppError('internal', 'The order could not be stored');
    if (result.created && result.order.enrollmentId) await requestRecompute(ctx, tx, [result.order.id]);
    if (result.created && ctx.actor.type === 'member') {
      await recordAudit(ctx, tx, {
        action: 'order.created',
        entityType: 'order',
        entityId: result.order.id,
        after: {
          number: result.order.number,
          totalMinor: result.order.totalMinor,
          enrollmentId: result.order.enrollmentId,
        },
      });
    }
    return result;
  });
}

/**
 * Many at once (bulk API, imports, webhook backlogs); the same semantics per order, one result
 * each in the order given. Invalid orders fail alone; the same (source, externalId) twice in one
 * call is stored once and both answers name it. Each chunk of orders is one transaction.
 */
export async function ingestOrders(
  ctx: TenantContext,
  executor: Executor,
  inputs: OrderInput[],
): Promise<IngestResult[]> {
  const now = ctx.services.clock.now();
  const results: IngestResult[] = new Array(inputs.length);
  const firstOfKey = new Map<string, PreparedOrder>();
  const keyOf: Array<string | undefined> = [];
  inputs.forEach((input, index) => {
    try {
      const prepared = prepareOrderInput(ctx.services, input, now);
      keyOf[index] = prepared.key;
      if (!firstOfKey.has(prepared.key)) firstOfKey.set(prepared.key, prepared);
    } catch (error) {
      results[index] = { ok: false, error: errorOf(error) };
    }
  });
  const unique = [...firstOfKey.values()];
  const answers = new Map<
    string,
    { order: OrderView; created: boolean } | { error: { code: string; message: string } }
  >();
  for (let start = 0; start < unique.length; start += CHUNK_SIZE) {
    const chunk = unique.slice(start, start + CHUNK_SIZE);
    try {
      const stored = await executor.transaction(async (tx) => {
        const written = await ingestChunk(ctx, tx, chunk);
        // commission of the new credited orders is computed by a job once this chunk commits
        const credited = [...written.values()]
          .filter((value) => value.created && value.order.enrollmentId)
          .map((value) => value.order.id);
        if (credited.length > 0) await requestRecompute(ctx, tx, credited);
        return written;
      });
      for (const [key, value] of stored) answers.set(key, value);
    } catch (error) {
      ctx.services.log.error({ err: error, orders: chunk.length }, 'order chunk failed');
      for (const order of chunk) answers.set(order.key, { error: errorOf(error) });
    }
  }
  const answered = new Set<string>();
  keyOf.forEach((key, index) => {
    if (!key) return;
    const answer = answers.get(key);
    if (!answer)
      results[index] = { ok: false, error: { code: 'internal', message: 'The order was not stored' } };
    else if ('error' in answer) results[index] = { ok: false, error: answer.error };
    else results[index] = { ok: true, order: answer.order, created: answer.created && !answered.has(key) };
    answered.add(key);
  });
  return results;
}

function errorOf(error: unknown): { code: string; message: string } {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  return { code: 'internal', message: 'The order could not be stored; try again' };
}
