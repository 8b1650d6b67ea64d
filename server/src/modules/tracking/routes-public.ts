import { z } from '@hono/zod-openapi';
import { AppError } from '../../platform/errors';
import { createRouter } from '../../platform/http/app';
import { validationError } from '../../platform/http/errors';
import { clientIp, WindowCounter } from '../../platform/http/rate-limit';
import { defineRoute } from '../../platform/http/route';
import { unsafeGetActiveProgramByPageCode } from '../programs';
import {
  answerRedirect,
  countPixelView,
  PIXEL_GIF,
  PIXEL_HEADERS,
  REDIRECT_HEADERS,
} from './redirect/redirect-handler';
import { trackEventSchema } from './schemas';
import { renderSnippet } from './snippet';
import { trackBrowserEvent } from './track-browser-event';

const pageCodeParams = z.object({
  pageCode: z
    .string()
    .min(1)
    .max(20)
    .openapi({ param: { name: 'pageCode', in: 'path' }, example: 'HS7K2Q' }),
});
const CORS = { 'access-control-allow-origin': '*' } as const;
const TRACKS_PER_MINUTE = 60;
const tracks = new WindowCounter();

/**
 * Public tracking: the `/r/{code}` redirect (also served in front of the app by a plain node
 * handler, see redirect/redirect-handler.ts), the shop snippet `/k.js` and the snippet's reports.
 */
export const publicTrackingRoutes = createRouter().openapi(
  defineRoute({
    method: 'post',
    path: '/api/public/track/{pageCode}',
    tags: ['Public'],
    summary: 'Report a lead, sign-up or sale from the shop’s site (the snippet)',
    description:
      'Sent by `kenh.track()` of `/k.js` as text/plain (a simple cross-origin request) or as JSON. A sale creates an order from source `browser`; a lead or sign-up a conversion. Limited to 60 a minute per address and program.',
    access: { public: true },
    request: {
      params: pageCodeParams,
      body: {
        required: false,
        content: {
          'application/json': { schema: trackEventSchema },
          'text/plain': { schema: trackEventSchema },
        },
      },
    },
    responses: {
      200: {
        description: 'Recorded (or already recorded: `created` false)',
        content: {
          'application/json': {
            schema: z.object({ kind: z.string(), id: z.string(), created: z.boolean() }),
          },
        },
      },
    },
  }),
  async (c) => {
    for (const [name, value] of Object.entries(CORS)) c.header(name, value);
    const { pageCode } = c.req.valid('param');
    const ip = clientIp(c);
    const limit = tracks.hit(`${ip}:${pageCode.toUpperCase()}`, TRACKS_PER_MINUTE);
    if (!limit.ok)
      throw new AppError('rate_limited', 'Too many reports. Try again shortly.', {
        headers: { 'Retry-After': String(limit.retryAfterSeconds), ...CORS },
      });
    let event = c.req.valid('json') as z.infer<typeof trackEventSchema> | Record<string, never>;
    if (!/json/i.test(c.req.header('content-type') ?? '')) {
      let raw: unknown;
      try {
        raw = JSON.parse(await c.req.text());
      } catch {
        throw new AppError('bad_request', 'The body must be JSON', { headers: CORS });
      }
      const parsed = trackEventSchema.safeParse(raw);
      if (!parsed.success) throw validationError(parsed.error.issues, 'json');
      event = parsed.data;
    }
    const result = await trackBrowserEvent(
      c.get('services'),
      pageCode,
      event as z.infer<typeof trackEventSchema>,
      {
        ip,
        userAgent: c.req.header('user-agent') ?? '',
      },
    );
    return c.json(result, 200);
  },
);

/** `/r/{code}`, `/i/{code}` and `/k.js`: not API operations (no JSON, no OpenAPI), served to anyone. */
export const trackingPages = createRouter()
  .get('/r/:code', async (c) => {
    const location = await answerRedirect(c.get('services'), {
      code: c.req.param('code'),
      method: c.req.method,
      userAgent: c.req.header('user-agent'),
      referrer: c.req.header('referer'),
      forwardedFor: c.req.header('x-forwarded-for'),
      peer: (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket
        ?.remoteAddress,
    });
    return c.body(null, 302, { location, ...REDIRECT_HEADERS });
  })
  .get('/i/:code', async (c) => {
    await countPixelView(c.get('services'), {
      code: c.req.param('code'),
      method: c.req.method,
      userAgent: c.req.header('user-agent'),
    });
    return c.body(new Uint8Array(PIXEL_GIF), 200, PIXEL_HEADERS);
  })
  .get('/k.js', async (c) => {
    const services = c.get('services');
    const pageCode = c.req.query('p') ?? '';
    const program = await unsafeGetActiveProgramByPageCode(services.db, pageCode).catch(() => undefined);
    if (!program)
      return c.body('/* Kênh: unknown or inactive program; check ?p= */\n', 404, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=60',
        ...CORS,
      });
    const script = renderSnippet({
      endpoint: `${services.config.appUrl}/api/public/track/${program.program.pageCode}`,
      cookieDays: program.program.cookieDays,
    });
    return c.body(script, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=300',
      ...CORS,
    });
  });
