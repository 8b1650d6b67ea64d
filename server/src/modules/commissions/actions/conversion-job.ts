import { z } from 'zod';
import type { Executor } from '../../../platform/db';
import { defineJob } from '../../../platform/jobs/queue';
import type { Services, TenantContext } from '../../../platform/services';
import { computeConversionCommission } from './compute-conversion';

/**
 * Computes the action (CPL/CPA) lines of recorded conversions. Idempotent: a job run twice, or two
 * jobs for one conversion, write each line once.
 */
export function computeConversionsJob(services: Services) {
  return defineJob({
    name: 'commissions.compute-conversions',
    version: 1,
    payload: z.object({ orgId: z.string(), conversionIds: z.array(z.string()).min(1).max(1000) }),
    handle: async ({ orgId, conversionIds }) => {
      const ctx: TenantContext = { orgId, services, actor: { type: 'system', label: 'Commission engine' } };
      for (const conversionId of conversionIds) {
        await services.db.transaction((tx) => computeConversionCommission(ctx, tx, conversionId));
      }
    },
  });
}

/** Asks for the commission of these conversions to be computed once the caller's change commits. */
export async function requestConversionCommission(
  ctx: TenantContext,
  executor: Executor,
  conversionIds: string[],
): Promise<void> {
  for (let start = 0; start < conversionIds.length; start += 1000) {
    await ctx.services.jobs.enqueue(
      executor,
      computeConversionsJob(ctx.services),
      { orgId: ctx.orgId, conversionIds: conversionIds.slice(start, start + 1000) },
      { orgId: ctx.orgId },
    );
  }
}
