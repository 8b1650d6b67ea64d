import { and, eq, isNull } from 'drizzle-orm';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { getApiKeyById } from './find-api-keys';
import { apiKeys } from './schema';

/** Revokes an API key: from now on it answers 401. Revoking twice changes nothing. */
export async function revokeApiKey(ctx: TenantContext, apiKeyId: string): Promise<void> {
  await ctx.services.db.transaction(async (tx) => {
    const before = await getApiKeyById(ctx, apiKeyId, tx);
    if (before.revokedAt) return;
    const now = ctx.services.clock.now();
    await tx
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(apiKeys.orgId, ctx.orgId), eq(apiKeys.id, apiKeyId), isNull(apiKeys.revokedAt)));
    await recordAudit(ctx, tx, {
      action: 'api_key.revoked',
      entityType: 'api_key',
      entityId: apiKeyId,
      before: { name: before.name, role: before.role, revokedAt: null },
      after: { revokedAt: now },
    });
  });
}
