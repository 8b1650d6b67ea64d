import type { IncomingMessage, ServerResponse } from 'node:http';
import { visitorIp } from '../../../platform/http/rate-limit';
import type { Services } from '../../../platform/services';
import { isLinkCode } from '../link-code';
import { countImpression, redirectLocation } from './runtime';

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
  userAgent: string | undefined;
  referrer: string | undefined;
  /** X-Forwarded-For: believed only when the TCP peer is on this machine (a local proxy). */
  forwardedFor: string | undefined;
  /** The TCP peer's address. */
  peer: string | undefined;
};

/** The location of a `/r/{code}` visit; a HEAD (link checkers) records no click. */
export function answerRedirect(services: Services, request: RedirectRequest): string | Promise<string> {
  if (!isLinkCode(request.code)) return `${services.config.appUrl}/`;
  return redirectLocation(services, {
    code: request.code,
    ip: visitorIp(request.peer, request.forwardedFor),
    userAgent: request.userAgent === undefined ? '' : request.userAgent.slice(0, MAX_USER_AGENT),
    referrer: request.referrer ? request.referrer.slice(0, MAX_REFERRER) : null,
    record: request.method === 'GET',
  });
}

const PREFIX = '/r/';
const PIXEL_PREFIX = '/i/';

/** A transparent 1 × 1 GIF: what the impression pixel answers. */
export const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export const PIXEL_HEADERS = {
  'content-type': 'image/gif',
  'content-length': String(PIXEL_GIF.length),
  'cache-control': 'no-store, max-age=0',
  'x-robots-tag': 'noindex',
  'cross-origin-resource-policy': 'cross-origin',
} as const;

/** The path segment after a prefix, without the query or a trailing slash. */
function codeOf(url: string, prefix: string): string {
  const end = url.indexOf('?');
  return url.slice(prefix.length, end === -1 ? undefined : end).replace(/\/$/, '');
}

/**
 * The impression pixel `/i/{code}` (or `/i/{code}.gif`): a partner's banner embeds it and each view
 * counts one impression of the link (for CPM). The caller always answers the GIF, counted or not;
 * a HEAD counts nothing. Settles once the link is known (never on the database write).
 */
export function countPixelView(
  services: Services,
  view: { code: string; method: string; userAgent: string | undefined },
): Promise<void> | undefined {
  const code = view.code.toLowerCase().endsWith('.gif') ? view.code.slice(0, -4) : view.code;
  if (view.method !== 'GET' || !isLinkCode(code)) return undefined;
  const counted = countImpression(services, {
    code,
    userAgent: (view.userAgent ?? '').slice(0, MAX_USER_AGENT),
  });
  return counted?.catch((error: unknown) => {
    services.log.error({ err: error, code }, 'Impression look-up failed');
  });
}

function answerPixel(services: Services, request: IncomingMessage, response: ServerResponse) {
  const send = () => {
    response.writeHead(200, PIXEL_HEADERS);
    response.end(request.method === 'HEAD' ? undefined : PIXEL_GIF);
  };
  const counted = countPixelView(services, {
    code: codeOf(request.url ?? '', PIXEL_PREFIX),
    method: request.method ?? 'GET',
    userAgent: request.headers['user-agent'],
  });
  if (counted) void counted.then(send);
  else send();
}

const firstValue = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function sendRedirect(response: ServerResponse, location: string) {
  response.writeHead(302, { location, 'content-length': '0', ...REDIRECT_HEADERS });
  response.end();
}

/**
 * The redirect as a plain node:http handler, placed in front of the app so `/r/{code}` skips the
 * framework's request objects and middleware (the redirect is the busiest URL Kênh serves). Answers
 * false for every other request. A cached code is answered synchronously, with no closure made per
 * request.
 */
export function redirectListener(services: Services) {
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    const url = request.url ?? '';
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    if (url.startsWith(PIXEL_PREFIX)) {
      answerPixel(services, request, response);
      return true;
    }
    if (!url.startsWith(PREFIX)) return false;
    // codes are plain letters and digits: anything encoded fails isLinkCode, no decoding needed
    const code = codeOf(url, PREFIX);
    const headers = request.headers;
    const location = answerRedirect(services, {
      code,
      method: request.method,
      userAgent: headers['user-agent'],
      referrer: headers.referer,
      forwardedFor: firstValue(headers['x-forwarded-for']),
      peer: request.socket.remoteAddress,
    });
    if (typeof location === 'string') sendRedirect(response, location);
    else
      location.then(
        (target) => sendRedirect(response, target),
        (error: unknown) => {
          services.log.error({ err: error, code }, 'Redirect look-up failed');
          sendRedirect(response, `${services.config.appUrl}/`);
        },
      );
    return true;
  };
}
