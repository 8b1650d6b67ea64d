import { createHmac, hkdfSync } from 'node:crypto';
import type { Services } from '../../../platform/services';

type Hasher = { key: Buffer; recent: Map<string, string> };
const hashers = new WeakMap<Services, Hasher>();
const RECENT = 10_000;

/**
 * The salted hash a click keeps instead of the IP address: HMAC-SHA256 with a key derived from the
 * server's secret key for this one purpose. The salt is fixed, not daily, so attribution can tell
 * an order placed from the device of the partner's own clicks weeks later; without the server key
 * the hash cannot be reversed by trying the 4 billion IPv4 addresses. Recent answers are kept in
 * memory: visitors click in bursts, and the redirect is the busiest path.
 */
export function hashClientIp(services: Services, ip: string): string {
  let hasher = hashers.get(services);
  if (!hasher) {
    hasher = {
      key: Buffer.from(hkdfSync('sha256', services.config.secretKey, 'kenh', 'click-ip-hash', 32)),
      recent: new Map(),
    };
    hashers.set(services, hasher);
  }
  const known = hasher.recent.get(ip);
  if (known) return known;
  const hash = createHmac('sha256', hasher.key).update(ip).digest('hex').slice(0, 32);
  if (hasher.recent.size >= RECENT) hasher.recent.clear();
  hasher.recent.set(ip, hash);
  return hash;
}
