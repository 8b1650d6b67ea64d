import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { normaliseEmail, normalisePhone } from '../auth';

/**
 * A buyer's phone in E.164. Vietnamese and Thai numbers in any local or international form;
 * other countries only in international form (+…). Unreadable numbers give null: the order keeps
 * the customer but matching falls back to the shop's id or email.
 */
export function normaliseCustomerPhone(input: string | null | undefined): string | null {
  if (!input?.trim()) return null;
  const local = normalisePhone(input, 'VN');
  if (local) return local;
  const international = parsePhoneNumberFromString(input.trim().replace(/^00/, '+'), 'VN');
  return international?.isValid() ? international.number : null;
}

/** Lower-case email, or null when it does not look like one. */
export function normaliseCustomerEmail(input: string | null | undefined): string | null {
  if (!input?.trim()) return null;
  const email = normaliseEmail(input);
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null;
}

/** Codes (referral, coupon) compare without case or surrounding spaces. */
export function normaliseCode(input: string | null | undefined): string | null {
  const code = input?.trim().toUpperCase();
  return code ? code : null;
}
