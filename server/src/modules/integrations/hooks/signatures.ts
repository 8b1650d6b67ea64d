import { createHmac, timingSafeEqual } from 'node:crypto';

/** base64(HMAC-SHA256(secret, body)): the signature Shopify and WooCommerce put on a delivery. */
export function hmacBase64(secret: string, body: Uint8Array): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

/** Compares in constant time, so the time of a refusal says nothing about how much matched. */
export function safeEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  if (a.length !== b.length) {
    // still spend the comparison, then refuse
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}

/**
 * Checks a Shopify (`X-Shopify-Hmac-Sha256`) or WooCommerce (`X-WC-Webhook-Signature`) signature
 * over the raw body exactly as received: re-serialised JSON would not match.
 */
export function verifyHmacSignature(
  secret: string,
  rawBody: Uint8Array,
  signature: string | undefined,
): boolean {
  if (!signature) return false;
  return safeEqual(hmacBase64(secret, rawBody), signature.trim());
}

/** A postback's token (query `token` or header `X-Kenh-Token`) against the source's. */
export function verifyPostbackToken(secret: string, token: string | undefined): boolean {
  if (!token) return false;
  return safeEqual(secret, token.trim());
}
