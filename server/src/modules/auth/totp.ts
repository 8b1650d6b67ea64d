import { eq } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import { AppError } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { identities } from './schema';
import { assertAccountAllowed, recordAccountFailure } from './sign-in-limits';

export const TOTP_ISSUER = 'Kênh';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, label: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label, secret });
}

/**
 * The time step a 6-digit code matches (30-second steps, one step of drift either way), or
 * undefined. Steps up to `afterStep` are refused, so a code works only once.
 */
export async function matchTotpCode(input: {
  secret: string;
  code: string;
  now: Date;
  afterStep?: number | null;
}): Promise<number | undefined> {
  try {
    const result = await verify({
      secret: input.secret,
      token: input.code,
      epoch: Math.floor(input.now.getTime() / 1000),
      epochTolerance: 30,
      ...(input.afterStep != null ? { afterTimeStep: input.afterStep } : {}),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : undefined;
  } catch {
    return undefined;
  }
}

type TotpIdentity = typeof identities.$inferSelect;

/**
 * Checks a code against the identity's secret (the pending one during set-up). A wrong code counts
 * toward the sign-in lock; a right one is remembered so it cannot be replayed.
 */
export async function checkTotpCode(services: Services, identity: TotpIdentity, code: string): Promise<void> {
  await assertAccountAllowed(services, identity);
  if (!identity.totpSecretEnc) {
    throw new AppError('conflict', 'Two-factor sign-in is not set up');
  }
  const now = services.clock.now();
  const step = await matchTotpCode({
    secret: services.keys.open(identity.totpSecretEnc),
    code,
    now,
    afterStep: identity.totpLastStep,
  });
  if (step === undefined) {
    await recordAccountFailure(services, identity.id);
    throw new AppError('validation_failed', 'The code is not correct', {
      details: [{ path: 'body.code', message: 'Check the time on your phone and use the newest code' }],
    });
  }
  await services.db
    .update(identities)
    .set({ totpLastStep: step, failedSignIns: 0, lockedUntil: null })
    .where(eq(identities.id, identity.id));
}
