import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { Services } from '../../platform/services';
import { hashPassword } from './password';
import { normaliseEmail } from './phone';
import { identities } from './schema';

export type IdentityInput = {
  email?: string | null;
  phone?: string | null;
  fullName: string;
  password?: string | null;
  locale?: string;
  emailVerified?: boolean;
};

/** Finds the identity with this email (case-insensitive) or phone (E.164). */
export async function findIdentityByLogin(
  executor: Executor,
  login: { email?: string | null; phone?: string | null },
) {
  if (login.email) {
    const [row] = await executor
      .select()
      .from(identities)
      .where(sql`lower(${identities.email}) = ${normaliseEmail(login.email)}`);
    if (row) return row;
  }
  if (login.phone) {
    const [row] = await executor.select().from(identities).where(sql`${identities.phone} = ${login.phone}`);
    if (row) return row;
  }
  return undefined;
}

/** Creates a person's global identity. Email and phone must already be normalised by the caller. */
export async function createIdentity(services: Services, executor: Executor, input: IdentityInput) {
  if (!input.email && !input.phone) {
    throw new AppError('validation_failed', 'An email or a phone number is needed', {
      details: [{ path: 'body.email', message: 'Give an email or a phone number' }],
    });
  }
  const now = services.clock.now();
  const [row] = await executor
    .insert(identities)
    .values({
      id: newId('identity', now.getTime()),
      email: input.email ? normaliseEmail(input.email) : null,
      phone: input.phone ?? null,
      fullName: input.fullName.trim(),
      passwordHash: input.password ? await hashPassword(input.password) : null,
      passwordChangedAt: input.password ? now : null,
      locale: input.locale ?? 'vi',
      emailVerifiedAt: input.emailVerified ? now : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!;
}
