import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Services } from '../../platform/services';
import { apiKeys } from './schema';

export const API_KEY_PREFIX = 'kenh_';

/**
 * Resolves a Bearer secret to its key. Unscoped by design: the key itself names the organisation.
 * Revoked keys resolve to nothing.
 */
export async function unsafeFindApiKeyBySecret(services: Services, secret: string) {
  if (!secret.startsWith(API_KEY_PREFIX)) return undefined;
  const keyHash = services.keys.hashToken(secret);
  const [key] = await services.db
    .select({
      id: apiKeys.id,
      orgId: apiKeys.orgId,
      name: apiKeys.name,
      role: apiKeys.role,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)));
  if (!key) return undefined;
  const now = services.clock.now();
  // "last used" is shown to the minute; writing it on every call would cost a write per request
  const staleBefore = new Date(now.getTime() - 60_000);
  await services.db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiKeys.orgId, key.orgId),
        eq(apiKeys.id, key.id),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore)),
      ),
    );
  return key;
}
