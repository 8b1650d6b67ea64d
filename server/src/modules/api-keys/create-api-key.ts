import { randomToken } from '../../platform/crypto';
import type { Executor } from '../../platform/db';
import { forbidden } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { canGrantRole } from '../../platform/permissions';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { actorRole } from '../orgs';
import { API_KEY_PREFIX } from './find-api-key';
import { type ApiKeyView, getApiKeyById } from './find-api-keys';
import { apiKeys } from './schema';
import type { NewApiKey } from './schemas';

/**
 * Creates an API key with a role no higher than the creator's. The secret is returned once; only
 * its keyed hash and its first 12 characters are kept. Works for staff, keys and the system (CLI).
 */
export async function createApiKey(
  ctx: TenantContext,
  input: NewApiKey,
  executor: Executor = ctx.services.db,
): Promise<{ apiKey: ApiKeyView; secret: string }> {
  if (!canGrantRole(actorRole(ctx), input.role)) {
    throw forbidden('You cannot create a key with a role above your own');
  }
  const { clock, keys } = ctx.services;
  const secret = `${API_KEY_PREFIX}${randomToken()}`;
  return executor.transaction(async (tx) => {
    const now = clock.now();
    const id = newId('apiKey', now.getTime());
    await tx.insert(apiKeys).values({
      orgId: ctx.orgId,
      id,
      name: input.name,
      role: input.role,
      prefix: secret.slice(0, 12),
      keyHash: keys.hashToken(secret),
      createdBy: ctx.actor.type === 'system' ? null : ctx.actor.id,
      createdAt: now,
    });
    const apiKey = await getApiKeyById(ctx, id, tx);
    await recordAudit(ctx, tx, {
      action: 'api_key.created',
      entityType: 'api_key',
      entityId: id,
      after: { name: apiKey.name, role: apiKey.role, prefix: apiKey.prefix },
    });
    return { apiKey, secret };
  });
}
