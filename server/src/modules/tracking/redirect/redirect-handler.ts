import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientIp } from '../../../platform/http/rate-limit';
import type { Services } from '../../../platform/services';
import { isLinkCode } from '../link-code';
import { redirectLocation } from './runtime';

/** Headers of every redirect answer: never cached (each answer carries a new click id). */
export const REDIRECT_HEADERS = {
  'cache-control': 'no-store',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-robots-tag': 'noindex',
} as const;

const MAX_USER_AGENT = 512;
const MAX_REFERRER = 1000;

export type RedirectRequest = {
  code: string;
  method: string;
  header: (name: string) => string | undefined;
  /** The TCP peer's address (X-Forwarded-For is believed only from loopback). */
  peer: string | undefined;
};

/** The location of a `/r/{code}` visit; a HEAD (link checkers) records no click. */
export function answerRedirect(services: Services, request: RedirectRequest): string | Promise<string> {
  if (!isLinkCode(request.code)) return `${services.config.appUrl}/`;
  const ip = clientIp({
    req: { header: request.header },
    env: request.peer ? { incoming: { socket: { remoteAddress: request.peer } } } : undefined,
  });
  return redirectLocation(services, {
    code: request.code,
    ip,
    userAgent: (request.header('user-agent') ?? '').slice(0, MAX_USER_AGENT),
    referrer: request.header('referer')?.slice(0, MAX_REFERRER) || null,
    record: request.method === 'GET',
  });
}

const PREFIX = '/r/';

/**
 * The redirect as a plain node:http handler, placed in front of the app so `/r/{code}` skips the
 * framework's request objects and middleware (the redirect is the busiest URL Kênh serves). Answers
 * false for every other request.
 */
export function redirectListener(services: Services) {
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    const url = request.url ?? '';
    if (!url.startsWith(PREFIX) || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
    const end = url.indexOf('?');
    // codes are plain letters and digits: anything encoded fails isLinkCode, no decoding needed
    const code = url.slice(PREFIX.length, end === -1 ? undefined : end).replace(/\/$/, '');
    const location = answerRedirect(services, {
      code,
      method: request.method,
      header: (name) => {
        const value = request.headers[name];
        return Array.isArray(value) ? value[0] : value;
      },
      peer: request.socket.remoteAddress,
    });
    const send = (target: string) => {
      response.writeHead(302, { location: target, 'content-length': '0', ...REDIRECT_HEADERS });
      response.end();
    };
    if (typeof location === 'string') send(location);
    else
      location.then(send, (error: unknown) => {
        services.log.error({ err: error, code }, 'Redirect look-up failed');
        send(`${services.config.appUrl}/`);
      });
    return true;
  };
}
