import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../platform/errors';
import type { TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { webhookSources } from '../schema';
import type { SourcePatch } from '../schemas';
import { assertProgramOfOrg } from './assert-program';
import { getWebhookSourceById } from './get-webhook-source';
import { deliveryStats, toSourceView } from './source-view';

/** Renames, re-links to a program, turns on or off, or replaces a Shopify/WooCommerce secret. */
export async function updateWebhookSource(ctx: TenantContext, sourceId: string, patch: SourcePatch) {
  const { db, clock, keys, config } = ctx.services;
  return db.transaction(async (tx) => {
    const before = await getWebhookSourceById(ctx, tx, sourceId);
    if (patch.secret && before.kind === 'postback') {
      throw new AppError('validation_failed', 'A postback token is replaced with “rotate”, not typed in', {
        details: [{ path: 'body.secret', message: 'Use POST …/rotate-token' }],
      });
    }
    if (patch.programId) await assertProgramOfOrg(ctx, tx, patch.programId);
    const [row] = await tx
      .update(webhookSources)
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.programId !== undefined ? { programId: patch.programId } : {}),
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        ...(patch.secret !== undefined ? { secretEnc: keys.seal(patch.secret) } : {}),
        updatedAt: clock.now(),
      })
      .where(and(eq(webhookSources.orgId, ctx.orgId), eq(webhookSources.id, sourceId)))
      .returning();
    const stats = await deliveryStats(ctx, tx, [sourceId]);
    const view = toSourceView(row!, config.appUrl, stats.get(sourceId));
    await recordAudit(ctx, tx, {
      action: patch.secret ? 'webhook_source.secret_replaced' : 'webhook_source.updated',
      entityType: 'webhook_source',
      entityId: sourceId,
      before: toSourceView(before, config.appUrl),
      after: view,
    });
    return view;
  });
}
