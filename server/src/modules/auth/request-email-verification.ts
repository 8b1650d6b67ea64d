import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { sendMail } from '../mail';
import { issueAuthToken } from './auth-tokens';
import { hitBucket } from './rate-buckets';
import { identities } from './schema';
import { tooManyAttempts } from './sign-in-limits';

export const EMAIL_VERIFICATION_TTL_MS = 24 * 60 * 60_000;
const MAILS_PER_HOUR = 5;

/** Mails the signed-in person a link that proves their email address (valid 24 hours). */
export async function requestEmailVerification(services: Services, identityId: string): Promise<void> {
  const [identity] = await services.db.select().from(identities).where(eq(identities.id, identityId));
  if (!identity?.email) {
    throw new AppError('unprocessable', 'This account has no email address to verify');
  }
  if (identity.emailVerifiedAt) return;
  const now = services.clock.now();
  const bucket = await hitBucket(services.db, `email-verification:${identity.id}`, now, 60 * 60_000);
  if (bucket.count > MAILS_PER_HOUR) throw tooManyAttempts(bucket.resetAt, now);
  const email = identity.email;
  await services.db.transaction(async (tx) => {
    const token = await issueAuthToken(services, tx, {
      identityId: identity.id,
      purpose: 'email_verification',
      ttlMs: EMAIL_VERIFICATION_TTL_MS,
    });
    await sendMail(services, tx, {
      to: email,
      template: 'email_verification',
      locale: identity.locale,
      vars: { name: identity.fullName, link: `${services.config.appUrl}/verify-email?token=${token}` },
    });
  });
}
