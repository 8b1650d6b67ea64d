import { and, eq } from 'drizzle-orm';
import { randomToken } from '../../../platform/crypto';
import { AppError } from '../../../platform/errors';
import type { TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { webhookSources } from '../schema';
import { postbackUrlWithToken } from './create-webhook-source';
import { getWebhookSourceById } from './get-webhook-source';
import { toSourceView } from './source-view';

/** Replaces a postback token at once: the old one stops working, the new one is shown this once. */
export async function rotatePostbackToken(ctx: TenantContext, sourceId: string) {
  const { db, clock, keys, config } = ctx.services;
  return db.transaction(async (tx) => {
    const source = await getWebhookSourceById(ctx, tx, sourceId);
    if (source.kind !== 'postback') {
      throw new AppError(
        'conflict',
        'Only a postback source has a token; replace a platform secret with PATCH',
      );
    }
    const token = randomToken();
    const [row] = await tx
      .update(webhookSources)
      .set({ secretEnc: keys.seal(token), updatedAt: clock.now() })
      .where(and(eq(webhookSources.orgId, ctx.orgId), eq(webhookSources.id, sourceId)))
      .returning();
    await recordAudit(ctx, tx, {
      action: 'webhook_source.token_rotated',
      entityType: 'webhook_source',
      entityId: sourceId,
    });
    return {
      source: toSourceView(row!, config.appUrl),
      secret: token,
      postbackUrl: postbackUrlWithToken(config.appUrl, sourceId, token),
    };
  });
}
