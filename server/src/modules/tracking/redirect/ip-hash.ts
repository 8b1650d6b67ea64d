import type { Services } from '../../../platform/services';

const recentByServices = new WeakMap<Services, Map<string, string>>();
const RECENT = 10_000;

/**
 * The salted hash a click keeps instead of the IP address: the server's keyed hash for personal
 * data, the same one sign-in sessions and orders keep, so attribution can tell an order placed from
 * the partner's own device (their sessions) weeks later. Without the server key the hash cannot be
 * reversed by trying the 4 billion IPv4 addresses. Recent answers are kept in memory: visitors
 * click in bursts, and the redirect is the busiest path.
 */
export function hashClientIp(services: Services, ip: string): string {
  let recent = recentByServices.get(services);
  if (!recent) {
    recent = new Map();
    recentByServices.set(services, recent);
  }
  const known = recent.get(ip);
  if (known) return known;
  const hash = services.keys.hashPersonal(ip.trim());
  if (recent.size >= RECENT) recent.clear();
  recent.set(ip, hash);
  return hash;
}
