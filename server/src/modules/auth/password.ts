import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../platform/errors';

/** argon2id, m=19456 KiB, t=2, p=1 (OWASP's minimum for argon2id): about 26 ms here. */
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 8;

export function assertPasswordStrength(password: string, path = 'body.password'): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 200) {
    throw new AppError('validation_failed', 'The password is not strong enough', {
      details: [{ path, message: `Use ${MIN_PASSWORD_LENGTH} to 200 characters` }],
    });
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A readable random password for generated accounts: 4 groups of 4 letters and digits. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const chars = [...bytes].map((byte) => alphabet[byte % alphabet.length]);
  return [0, 4, 8, 12].map((start) => chars.slice(start, start + 4).join('')).join('-');
}
