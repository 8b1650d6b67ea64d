import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: page codes are read from posters and typed by hand. */
export const PAGE_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const PAGE_CODE_LENGTH = 6;

/** A random short public id for a join page, e.g. "HS7K2Q" (31⁶ ≈ 887 million codes). */
export function generatePageCode(): string {
  let code = '';
  for (let i = 0; i < PAGE_CODE_LENGTH; i++) code += PAGE_CODE_ALPHABET[randomInt(PAGE_CODE_ALPHABET.length)];
  return code;
}

/** Whether text can be a page code (checked before any look-up). */
export function isPageCode(text: string): boolean {
  return (
    text.length === PAGE_CODE_LENGTH && [...text.toUpperCase()].every((c) => PAGE_CODE_ALPHABET.includes(c))
  );
}
