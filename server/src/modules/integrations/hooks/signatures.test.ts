import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacBase64, verifyHmacSignature, verifyPostbackToken } from './signatures';

describe('signatures', () => {
  const secret = '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';
  const body = new TextEncoder().encode('{"id":820982911946154508,"total_price":"199000.00"}');

  it('match base64 HMAC-SHA256 of the raw body, the way Shopify and WooCommerce sign', () => {
    const expected = createHmac('sha256', secret).update(Buffer.from(body)).digest('base64');
    expect(hmacBase64(secret, body)).toBe(expected);
    expect(verifyHmacSignature(secret, body, expected)).toBe(true);
  });

  it('refuse another secret, a changed body, a missing or hex signature', () => {
    const signature = hmacBase64(secret, body);
    expect(verifyHmacSignature('other-secret', body, signature)).toBe(false);
    const changed = new TextEncoder().encode('{"id":820982911946154508,"total_price":"1.00"}');
    expect(verifyHmacSignature(secret, changed, signature)).toBe(false);
    // the same JSON re-serialised with other spacing is another body
    const respaced = new TextEncoder().encode('{"id": 820982911946154508, "total_price": "199000.00"}');
    expect(verifyHmacSignature(secret, respaced, signature)).toBe(false);
    expect(verifyHmacSignature(secret, body, undefined)).toBe(false);
    expect(verifyHmacSignature(secret, body, createHmac('sha256', secret).update(body).digest('hex'))).toBe(
      false,
    );
  });

  it('compare postback tokens exactly', () => {
    expect(verifyPostbackToken('tok_123456', 'tok_123456')).toBe(true);
    expect(verifyPostbackToken('tok_123456', 'tok_123457')).toBe(false);
    expect(verifyPostbackToken('tok_123456', 'tok_12345')).toBe(false);
    expect(verifyPostbackToken('tok_123456', undefined)).toBe(false);
  });
});
