import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError, conflict } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { Services } from '../../platform/services';
import {
  assertPasswordStrength,
  createIdentity,
  findIdentityByLogin,
  hashPassword,
  identities,
  normaliseEmail,
  normalisePhone,
} from '../auth';
import { partners } from './schema';

export type PartnerAccountInput = {
  fullName: string;
  phone?: string | null;
  email?: string | null;
  /** Optional for partners added by staff or imported: they set one later through password reset. */
  password?: string | null;
  locale?: string;
};

/**
 * Gives a person a partner account: their identity (found by the same email or phone, else created —
 * never a duplicate) and their global partner record. An existing identity keeps its password;
 * a missing phone, email or password is filled in.
 */
export async function createPartnerAccount(
  services: Services,
  executor: Executor,
  input: PartnerAccountInput,
) {
  const phone = input.phone ? normalisePhone(input.phone) : undefined;
  if (input.phone && !phone) {
    throw new AppError('validation_failed', 'The phone number is not valid', {
      details: [{ path: 'body.phone', message: 'Use a Vietnamese or Thai phone number' }],
    });
  }
  const email = input.email ? normaliseEmail(input.email) : undefined;
  if (!phone && !email) {
    throw new AppError('validation_failed', 'An email or a phone number is needed', {
      details: [{ path: 'body.phone', message: 'Give a phone number or an email' }],
    });
  }
  const byEmail = email ? await findIdentityByLogin(executor, { email }) : undefined;
  const byPhone = phone ? await findIdentityByLogin(executor, { phone }) : undefined;
  if (byEmail && byPhone && byEmail.id !== byPhone.id) {
    throw conflict('This email and this phone number belong to two different accounts', [
      { path: 'body.phone', message: 'Already used by another account' },
    ]);
  }
  let identity = byEmail ?? byPhone;
  const now = services.clock.now();
  if (!identity) {
    if (input.password) assertPasswordStrength(input.password);
    identity = await createIdentity(services, executor, {
      email,
      phone,
      fullName: input.fullName,
      password: input.password,
      locale: input.locale,
    });
  } else if (
    (!identity.phone && phone) ||
    (!identity.email && email) ||
    (!identity.passwordHash && input.password)
  ) {
    const newPassword = identity.passwordHash ? undefined : input.password;
    if (newPassword) assertPasswordStrength(newPassword);
    const [updated] = await executor
      .update(identities)
      .set({
        phone: identity.phone ?? phone ?? null,
        email: identity.email ?? email ?? null,
        ...(newPassword ? { passwordHash: await hashPassword(newPassword), passwordChangedAt: now } : {}),
        updatedAt: now,
      })
      .where(eq(identities.id, identity.id))
      .returning();
    identity = updated!;
  }
  await executor
    .insert(partners)
    .values({ id: newId('partner', now.getTime()), identityId: identity.id, createdAt: now })
    .onConflictDoNothing({ target: partners.identityId });
  const [partner] = await executor.select().from(partners).where(eq(partners.identityId, identity.id));
  return { partner: partner!, identity };
}
