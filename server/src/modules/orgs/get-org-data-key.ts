import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import { orgs } from './schema';

/**
 * The organisation's 32-byte data key, unwrapped with the server key: seal personal data at rest
 * with `sealWith(key, plain)` and read it back with `openWith(key, sealed)` (platform/crypto).
 */
export async function getOrgDataKey(
  ctx: TenantContext,
  executor: Executor = ctx.services.db,
): Promise<Buffer> {
  const [org] = await executor
    .select({ dataKeyEnc: orgs.dataKeyEnc })
    .from(orgs)
    .where(eq(orgs.id, ctx.orgId));
  if (!org) throw notFound('Organisation');
  const key = Buffer.from(ctx.services.keys.open(org.dataKeyEnc), 'base64');
  if (key.length !== 32) throw new Error(`The data key of ${ctx.orgId} is not 32 bytes`);
  return key;
}
