import { AppError } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { hitBucket } from './rate-buckets';

/**
 * Counts one request against a limit kept in rate_limit_buckets (holds across processes) and
 * refuses past it with 429 and Retry-After. Keys holding personal data are hashed first.
 */
export async function assertWithinLimit(
  services: Services,
  limit: { key: string; personal?: string; max: number; windowMs: number },
): Promise<void> {
  const now = services.clock.now();
  const key =
    limit.personal === undefined ? limit.key : `${limit.key}:${services.keys.hashPersonal(limit.personal)}`;
  const bucket = await hitBucket(services.db, key, now, limit.windowMs);
  if (bucket.count <= limit.max) return;
  const seconds = Math.max(1, Math.ceil((bucket.resetAt.getTime() - now.getTime()) / 1000));
  throw new AppError('rate_limited', `Too many requests. Try again in ${Math.ceil(seconds / 60)} min.`, {
    headers: { 'Retry-After': String(seconds) },
  });
}
