import { randomToken } from '../../../platform/crypto';
import { newId } from '../../../platform/ids';
import type { TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { webhookSources } from '../schema';
import type { NewSource } from '../schemas';
import { assertProgramOfOrg } from './assert-program';
import { deliveryUrlOf, toSourceView } from './source-view';

/** A postback URL carrying its token: shown once, at creation or rotation. */
export function postbackUrlWithToken(appUrl: string, sourceId: string, token: string): string {
  return `${deliveryUrlOf(appUrl, { id: sourceId, kind: 'postback' })}?token=${encodeURIComponent(token)}`;
}

/**
 * Adds a shop that sends orders. Shopify and WooCommerce secrets are pasted by staff from the
 * platform; a postback token is made here and answered this once. Both are sealed with the server key.
 */
export async function createWebhookSource(ctx: TenantContext, input: NewSource) {
  const { db, clock, keys, config } = ctx.services;
  return db.transaction(async (tx) => {
    if (input.programId) await assertProgramOfOrg(ctx, tx, input.programId);
    const now = clock.now();
    const id = newId('webhookSource', now.getTime());
    const token = input.kind === 'postback' ? randomToken() : null;
    const [row] = await tx
      .insert(webhookSources)
      .values({
        orgId: ctx.orgId,
        id,
        kind: input.kind,
        name: input.name,
        programId: input.programId ?? null,
        secretEnc: keys.seal(token ?? input.secret!),
        status: input.status,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const source = toSourceView(row!, config.appUrl);
    await recordAudit(ctx, tx, {
      action: 'webhook_source.created',
      entityType: 'webhook_source',
      entityId: id,
      after: source,
    });
    return {
      source,
      secret: token,
      postbackUrl: token ? postbackUrlWithToken(config.appUrl, id, token) : null,
    };
  });
}
