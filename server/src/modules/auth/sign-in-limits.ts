import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { hitBucket, readBucket } from './rate-buckets';
import { identities } from './schema';

/** Failed attempts per account before a lock; each further series of 5 doubles the lock. */
export const ACCOUNT_FAILURES_BEFORE_LOCK = 5;
export const FIRST_LOCK_MS = 15 * 60_000;
const MAX_LOCK_MS = 24 * 60 * 60_000;
/** Failed sign-ins per IP address in a window, whatever accounts they aim at. */
export const IP_FAILURES_PER_WINDOW = 20;
export const IP_WINDOW_MS = 15 * 60_000;

const ipKey = (services: Services, ip: string) => `sign-in:ip:${services.keys.hashPersonal(ip)}`;
const loginKey = (services: Services, login: string) => `sign-in:login:${services.keys.hashPersonal(login)}`;

/** The 429 every lock answers: when to come back, in the message and in Retry-After. */
export function tooManyAttempts(until: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new AppError(
    'too_many_attempts',
    `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'} (after ${until.toISOString()}).`,
    { headers: { 'Retry-After': String(seconds) } },
  );
}

export function lockDuration(failures: number): number {
  const series = Math.floor(failures / ACCOUNT_FAILURES_BEFORE_LOCK);
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** Math.max(0, series - 1));
}

/** Refuses while this IP address has used up its failed attempts. */
export async function assertIpAllowed(services: Services, ip: string): Promise<void> {
  const now = services.clock.now();
  const bucket = await readBucket(services.db, ipKey(services, ip), now);
  if (bucket && bucket.count >= IP_FAILURES_PER_WINDOW) throw tooManyAttempts(bucket.resetAt, now);
}

/**
 * Refuses while the account is locked. A login that matches no account is locked the same way
 * (counted by its hash), so a lock tells nothing about whether the account exists.
 */
export async function assertAccountAllowed(
  services: Services,
  account: { lockedUntil: Date | null } | { unknownLogin: string },
): Promise<void> {
  const now = services.clock.now();
  if ('lockedUntil' in account) {
    if (account.lockedUntil && account.lockedUntil > now) throw tooManyAttempts(account.lockedUntil, now);
    return;
  }
  const bucket = await readBucket(services.db, loginKey(services, account.unknownLogin), now);
  if (bucket && bucket.count >= ACCOUNT_FAILURES_BEFORE_LOCK) throw tooManyAttempts(bucket.resetAt, now);
}

/** Counts a failed password or code against the account; every 5th failure locks it, longer each time. */
export async function recordAccountFailure(services: Services, identityId: string): Promise<void> {
  const now = services.clock.now();
  const [row] = await services.db
    .update(identities)
    .set({ failedSignIns: sql`${identities.failedSignIns} + 1` })
    .where(eq(identities.id, identityId))
    .returning({ failedSignIns: identities.failedSignIns });
  if (row && row.failedSignIns % ACCOUNT_FAILURES_BEFORE_LOCK === 0) {
    await services.db
      .update(identities)
      .set({ lockedUntil: new Date(now.getTime() + lockDuration(row.failedSignIns)) })
      .where(eq(identities.id, identityId));
  }
}

/** Counts a failed sign-in against the IP address and, for an unknown login, against that login. */
export async function recordSignInFailure(
  services: Services,
  failure: { ip: string; identityId?: string; unknownLogin?: string },
): Promise<void> {
  const now = services.clock.now();
  await hitBucket(services.db, ipKey(services, failure.ip), now, IP_WINDOW_MS);
  if (failure.identityId) await recordAccountFailure(services, failure.identityId);
  else if (failure.unknownLogin) {
    await hitBucket(services.db, loginKey(services, failure.unknownLogin), now, FIRST_LOCK_MS);
  }
}

/** A successful sign-in or code clears the account's failures and lock. */
export async function resetAccountFailures(
  services: Services,
  identity: { id: string; failedSignIns: number; lockedUntil: Date | null },
): Promise<void> {
  if (identity.failedSignIns === 0 && !identity.lockedUntil) return;
  await services.db
    .update(identities)
    .set({ failedSignIns: 0, lockedUntil: null })
    .where(eq(identities.id, identity.id));
}
