import { randomInt } from 'node:crypto';

/**
 * Lower-case letters and digits without 0/o, 1/i/l and u: a code read from a screenshot or a
 * printed flyer types back the same. 30⁷ ≈ 22 billion codes, so a collision (retried) is rare.
 */
export const LINK_CODE_ALPHABET = '23456789abcdefghjkmnpqrstvwxyz';
export const LINK_CODE_LENGTH = 7;

/** A random short code of `/r/{code}`, e.g. "k7m2xq9". */
export function generateLinkCode(): string {
  let code = '';
  for (let i = 0; i < LINK_CODE_LENGTH; i++) code += LINK_CODE_ALPHABET[randomInt(LINK_CODE_ALPHABET.length)];
  return code;
}

/** Whether text can be a link code: checked before any look-up, so scans never reach the database. */
export function isLinkCode(text: string): boolean {
  if (text.length < 4 || text.length > 32) return false;
  return /^[0-9a-z_-]+$/i.test(text);
}
