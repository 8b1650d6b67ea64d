const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/** A bare host name ("shop.example.vn"), lower case, without scheme, port or path. */
export function isHostName(value: string): boolean {
  return HOST_NAME.test(value) || value === 'localhost';
}

/** Whether a host is one of the allowed domains or a subdomain of one ("m.shop.vn" under "shop.vn"). */
export function hostAllowed(host: string, allowedDomains: readonly string[]): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return allowedDomains.some((domain) => name === domain || name.endsWith(`.${domain}`));
}

/** Whether an http(s) URL may be a link destination of a program; no domains set allows any. */
export function destinationAllowed(url: string, allowedDomains: readonly string[]): boolean {
  if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) return false;
  return allowedDomains.length === 0 || hostAllowed(new URL(url).hostname, allowedDomains);
}
