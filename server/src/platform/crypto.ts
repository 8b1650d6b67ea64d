import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** Random token for links and cookies (URL-safe, 256 bits). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * Keys derived from the server's secret key, one per purpose, so that a leak of one use does not
 * expose another.
 */
export type Keyring = {
  /** Keyed hash for tokens and API keys stored in the database. */
  hashToken: (token: string) => string;
  /** Keyed hash for personal data kept only to compare (IP addresses). */
  hashPersonal: (value: string) => string;
  /** AES-256-GCM with the server key (TOTP secrets, organisation data keys). */
  seal: (plain: string) => string;
  open: (sealed: string) => string;
};

export function createKeyring(secretKey: string): Keyring {
  const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', secretKey, 'kenh', purpose, 32));
  const tokenKey = derive('token-hash');
  const personalKey = derive('personal-hash');
  const sealKey = derive('seal');
  return {
    hashToken: (token) => createHmac('sha256', tokenKey).update(token).digest('hex'),
    hashPersonal: (value) => createHmac('sha256', personalKey).update(value).digest('hex').slice(0, 32),
    seal: (plain) => sealWith(sealKey, plain),
    open: (sealed) => openWith(sealKey, sealed),
  };
}

/** Encrypts with AES-256-GCM; the output is `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export function sealWith(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [
    'v1',
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    data.toString('base64url'),
  ].join('.');
}

export function openWith(key: Buffer, sealed: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('Unknown sealed value format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
