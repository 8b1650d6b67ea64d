/**
 * Whether a phone number looks like a Vietnamese (mobile 03/05/07/08/09, landline 02x) or Thai
 * one, in local or +84/+66 form, ignoring spaces, dots and dashes. The server checks it again.
 */
export function isPhoneLike(input: string): boolean {
  const digits = input
    .trim()
    .replace(/[\s.\-()]/g, '')
    .replace(/^00/, '+');
  return (
    /^(0|\+84|84)([35789]\d{8}|2\d{9})$/.test(digits) || /^(0|\+66|66)([689]\d{8}|[2-7]\d{7})$/.test(digits)
  );
}

/** A random UUID (v4), also where crypto.randomUUID is missing (pages served over plain http). */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** "2 h 05" style waiting times, from minutes. */
export function splitMinutes(minutes: number): { days: number; hours: number; minutes: number } {
  return {
    days: Math.floor(minutes / 1440),
    hours: Math.floor((minutes % 1440) / 60),
    minutes: minutes % 60,
  };
}
