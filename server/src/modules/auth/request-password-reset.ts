import type { Services } from '../../platform/services';
import { sendMail } from '../mail';
import { issueAuthToken } from './auth-tokens';
import { findIdentityByLogin } from './create-identity';
import { hitBucket } from './rate-buckets';

export const PASSWORD_RESET_TTL_MS = 60 * 60_000;
/** Reset mails per account and hour; more requests are answered the same but send nothing. */
const MAILS_PER_HOUR = 5;

/**
 * Mails a one-hour reset link when the email belongs to an account. The caller answers the same
 * whatever happens, so the answer tells nothing about which emails have accounts.
 */
export async function requestPasswordReset(
  services: Services,
  input: { email: string; app: 'staff' | 'partner' },
): Promise<void> {
  const identity = await findIdentityByLogin(services.db, { email: input.email });
  if (!identity?.email) return;
  const now = services.clock.now();
  const bucket = await hitBucket(services.db, `password-reset:${identity.id}`, now, 60 * 60_000);
  if (bucket.count > MAILS_PER_HOUR) {
    services.log.warn({ identityId: identity.id }, 'password reset mail throttled');
    return;
  }
  const email = identity.email;
  await services.db.transaction(async (tx) => {
    const token = await issueAuthToken(services, tx, {
      identityId: identity.id,
      purpose: 'password_reset',
      ttlMs: PASSWORD_RESET_TTL_MS,
    });
    const page = input.app === 'partner' ? '/p/reset-password' : '/reset-password';
    await sendMail(services, tx, {
      to: email,
      template: 'password_reset',
      locale: identity.locale,
      vars: { name: identity.fullName, link: `${services.config.appUrl}${page}?token=${token}` },
    });
  });
}
