import { z } from 'zod';
import type { PaymentMethod } from '../../orders';
import { MalformedPayload } from './plan';

/** A platform id: a number (kept as text when above 2^53 by parseJsonExact) or a string. */
export const platformId = z.union([z.string().min(1), z.number()]).transform(String);
export const optionalText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) =>
    value === null || value === undefined ? undefined : String(value).trim() || undefined,
  );

/** Validates a payload with zod, turning its complaint into one readable line. */
export function parsePayload<T>(schema: z.ZodType<T>, payload: unknown, what: string): T {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.join('.') || '(root)';
  throw new MalformedPayload(`${what}: ${path}: ${issue.message}`);
}

/** `kclid` and `ref` from a landing URL's query (`/products/x?ref=HOA10&kclid=…`). */
export function trackingFromUrl(url: string | undefined): { kclid?: string; ref?: string } {
  if (!url) return {};
  try {
    const params = new URL(url, 'https://shop.invalid').searchParams;
    return { kclid: params.get('kclid') || undefined, ref: params.get('ref') || undefined };
  } catch {
    return {};
  }
}

/** Looks a name up in `[{name|key, value}]` pairs, with or without Shopify's hidden `_` prefix. */
export function attributeValue(
  pairs: { name?: string; key?: string; value?: unknown }[] | undefined,
  name: string,
): string | undefined {
  const found = pairs?.find((pair) => {
    const key = (pair.name ?? pair.key ?? '').toLowerCase();
    return key === name || key === `_${name}`;
  });
  const value = found?.value;
  return typeof value === 'string' || typeof value === 'number'
    ? String(value).trim() || undefined
    : undefined;
}

/** The payment method from a gateway's name (Shopify gateway names, WooCommerce method ids). */
export function paymentMethodOf(gateway: string | undefined): PaymentMethod | undefined {
  if (!gateway) return undefined;
  const name = gateway.toLowerCase();
  if (/\bcod\b|cash on delivery|thanh toán khi nhận/.test(name)) return 'cod';
  if (/bacs|bank|transfer|chuyển khoản/.test(name)) return 'transfer';
  if (/momo|zalopay|paypal|wallet|shopeepay|vnpay_qr/.test(name)) return 'wallet';
  if (/stripe|card|shopify_payments|bogus|vnpay|onepay|2c2p|omise/.test(name)) return 'card';
  return 'other';
}

export function joinName(...parts: (string | null | undefined)[]): string | undefined {
  const text = parts
    .filter((part) => part?.trim())
    .map((part) => part!.trim())
    .join(' ');
  return text || undefined;
}

export function joinAddress(parts: (string | null | undefined)[]): string | undefined {
  const text = parts
    .filter((part) => part?.trim())
    .map((part) => part!.trim())
    .join(', ');
  return text || undefined;
}

export function requireDate(value: Date | undefined, field: string): Date {
  if (!value) throw new MalformedPayload(`${field} is missing or not a date`);
  return value;
}
