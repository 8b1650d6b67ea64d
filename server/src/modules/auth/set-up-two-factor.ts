import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { AppError, conflict } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { identities } from './schema';
import { newTotpSecret, totpUri } from './totp';

/**
 * Starts two-factor set-up: a new secret, kept sealed as pending until a first code confirms it,
 * with the otpauth URL and its QR code for an authenticator app.
 */
export async function setUpTwoFactor(services: Services, identityId: string) {
  const [identity] = await services.db.select().from(identities).where(eq(identities.id, identityId));
  if (!identity) throw new AppError('unauthenticated', 'Please sign in');
  if (identity.totpEnabledAt) throw conflict('Two-factor sign-in is already on');
  const secret = newTotpSecret();
  const otpauthUrl = totpUri(secret, identity.email ?? identity.phone ?? identity.fullName);
  await services.db
    .update(identities)
    .set({ totpSecretEnc: services.keys.seal(secret), totpLastStep: null, updatedAt: services.clock.now() })
    .where(eq(identities.id, identityId));
  const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', margin: 1 });
  return { secret, otpauthUrl, qrSvg };
}
