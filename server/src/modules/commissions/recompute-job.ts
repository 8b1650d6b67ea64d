import { z } from 'zod';
import type { Executor } from '../../platform/db';
import { defineJob } from '../../platform/jobs/queue';
import type { Services, TenantContext } from '../../platform/services';
import { computeOrdersBulk } from './bulk/compute-orders-bulk';
import { recomputeOrderCommissions } from './recompute-order';

/** From this many orders in one job, those never computed go the set-based way (same result). */
const BULK_FROM = 200;

/**
 * Recomputes the commission of orders after they change (ingested, confirmed, completed, returned,
 * cancelled). The recompute is idempotent, so a job run twice or two jobs for one order are safe.
 */
export function recomputeOrdersJob(services: Services) {
  return defineJob({
    name: 'commissions.recompute-orders',
    version: 1,
    payload: z.object({ orgId: z.string(), orderIds: z.array(z.string()).min(1).max(1000) }),
    handle: async ({ orgId, orderIds }) => {
      const ctx: TenantContext = { orgId, services, actor: { type: 'system', label: 'Commission engine' } };
      if (orderIds.length >= BULK_FROM) {
        await computeOrdersBulk(ctx, { orderIds });
        return;
      }
      for (const orderId of orderIds) {
        await services.db.transaction((tx) => recomputeOrderCommissions(ctx, tx, orderId));
      }
    },
  });
}

/** Asks for the commission of these orders to be brought up to date once the caller's change commits. */
export async function requestRecompute(
  ctx: TenantContext,
  executor: Executor,
  orderIds: string[],
): Promise<void> {
  const services = ctx.services;
  for (let start = 0; start < orderIds.length; start += 1000) {
    await services.jobs.enqueue(
      executor,
      recomputeOrdersJob(services),
      {
        orgId: ctx.orgId,
        orderIds: orderIds.slice(start, start + 1000),
      },
      { orgId: ctx.orgId },
    );
  }
}
