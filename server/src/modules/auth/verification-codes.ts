import { randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { Services } from '../../platform/services';
import { assertWithinLimit } from './request-limits';
import { identities, verificationCodes } from './schema';
import { type VerificationMessage, verificationSenderOf } from './verification-sender';

export const CODE_TTL_MS = 10 * 60_000;
export const CODE_MAX_ATTEMPTS = 5;
export const RESEND_AFTER_MS = 60_000;
/** Codes per destination and per IP address in an hour. */
export const CODES_PER_DESTINATION_PER_HOUR = 5;
export const CODES_PER_IP_PER_HOUR = 20;
const HOUR_MS = 60 * 60_000;

const hashCode = (services: Services, destination: string, code: string) =>
  services.keys.hashToken(`signup:${destination}:${code}`);

export type CodeRequest = Omit<VerificationMessage, 'code'> & { ip: string };

/**
 * Sends a 6-digit sign-up code to a phone or email: 10 minutes, at most 5 tries, a new one no
 * sooner than 60 s after the last; limited per destination and per IP. Only its hash is stored.
 */
export async function sendVerificationCode(services: Services, request: CodeRequest) {
  const now = services.clock.now();
  const [latest] = await services.db
    .select({ createdAt: verificationCodes.createdAt })
    .from(verificationCodes)
    .where(eq(verificationCodes.destination, request.destination))
    .orderBy(desc(verificationCodes.createdAt))
    .limit(1);
  const waitMs = latest ? latest.createdAt.getTime() + RESEND_AFTER_MS - now.getTime() : 0;
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new AppError('rate_limited', `A code was just sent. Ask again in ${seconds} s.`, {
      headers: { 'Retry-After': String(seconds) },
    });
  }
  await assertWithinLimit(services, {
    key: 'code:ip',
    personal: request.ip,
    max: CODES_PER_IP_PER_HOUR,
    windowMs: HOUR_MS,
  });
  await assertWithinLimit(services, {
    key: 'code:dest',
    personal: request.destination,
    max: CODES_PER_DESTINATION_PER_HOUR,
    windowMs: HOUR_MS,
  });
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
  await services.db.transaction(async (tx) => {
    await tx.insert(verificationCodes).values({
      id: newId('verificationCode', now.getTime()),
      orgId: request.orgId,
      purpose: 'signup',
      channel: request.channel,
      destination: request.destination,
      codeHash: hashCode(services, request.destination, code),
      expiresAt,
      createdAt: now,
    });
    const { ip: _ip, ...message } = request;
    await verificationSenderOf(services).send(tx, { ...message, code });
  });
  return { channel: request.channel, expiresAt, resendAfter: new Date(now.getTime() + RESEND_AFTER_MS) };
}

export type VerifiedCode = { id: string; channel: 'sms' | 'email'; destination: string };

/**
 * Checks a code against the latest one sent to any of the destinations. A wrong code uses up one
 * of the 5 tries (counted even though the caller's request then fails); a used, expired or
 * exhausted code is refused. Consume it with consumeVerificationCode in the caller's transaction.
 */
export async function checkVerificationCode(
  services: Services,
  input: { destinations: string[]; code: string },
): Promise<VerifiedCode> {
  const now = services.clock.now();
  const wrong = new AppError('validation_failed', 'The code is wrong or has expired', {
    details: [{ path: 'body.code', message: 'Check the code, or ask for a new one' }],
  });
  if (input.destinations.length === 0) throw wrong;
  const [latest] = await services.db
    .select()
    .from(verificationCodes)
    .where(
      and(
        inArray(verificationCodes.destination, input.destinations),
        eq(verificationCodes.purpose, 'signup'),
      ),
    )
    .orderBy(desc(verificationCodes.createdAt), desc(verificationCodes.id))
    .limit(1);
  if (!latest || latest.consumedAt || latest.expiresAt <= now) throw wrong;
  if (latest.attempts >= CODE_MAX_ATTEMPTS) {
    throw new AppError('too_many_attempts', 'Too many wrong codes. Ask for a new code.', {
      details: [{ path: 'body.code', message: 'Ask for a new code' }],
    });
  }
  const expected = Buffer.from(latest.codeHash);
  const given = Buffer.from(hashCode(services, latest.destination, input.code.trim()));
  if (expected.length === given.length && timingSafeEqual(expected, given)) {
    return { id: latest.id, channel: latest.channel, destination: latest.destination };
  }
  await services.db
    .update(verificationCodes)
    .set({ attempts: sql`${verificationCodes.attempts} + 1` })
    .where(and(eq(verificationCodes.id, latest.id), lt(verificationCodes.attempts, CODE_MAX_ATTEMPTS)));
  throw wrong;
}

/** Uses a checked code up, once: a second use (a replayed request) is refused. */
export async function consumeVerificationCode(services: Services, executor: Executor, id: string) {
  const used = await executor
    .update(verificationCodes)
    .set({ consumedAt: services.clock.now() })
    .where(and(eq(verificationCodes.id, id), isNull(verificationCodes.consumedAt)))
    .returning({ id: verificationCodes.id });
  if (used.length === 0) {
    throw new AppError('validation_failed', 'The code was already used', {
      details: [{ path: 'body.code', message: 'Ask for a new code' }],
    });
  }
}

/** Records that the person proved they own their phone or email (by a code). */
export async function markContactVerified(
  services: Services,
  executor: Executor,
  identityId: string,
  channel: 'sms' | 'email',
) {
  const now = services.clock.now();
  await executor
    .update(identities)
    .set(
      channel === 'sms' ? { phoneVerifiedAt: now, updatedAt: now } : { emailVerifiedAt: now, updatedAt: now },
    )
    .where(eq(identities.id, identityId));
}
