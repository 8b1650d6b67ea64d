import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app';
import { body, json } from '../../platform/http/openapi';
import { defineRoute } from '../../platform/http/route';
import { renderQr } from '../programs/program-qr';
import { createMyLink } from './create-my-link';
import { findMyClicks } from './find-my-clicks';
import { findMyLinks } from './find-my-links';
import {
  linkIdParams,
  linkPatchSchema,
  linkSchema,
  myClicksQuerySchema,
  myClicksSchema,
  myLinksQuerySchema,
  newLinkSchema,
} from './schemas';
import { getMyLink, updateMyLink } from './update-link';

const tags = ['Partner app'];
const access = { session: 'partner' } as const;
const qrQuery = z.object({ size: z.coerce.number().int().min(128).max(2048).default(512) });

const qrRoute = (format: 'png' | 'svg') =>
  defineRoute({
    method: 'get',
    path: `/api/me/links/{linkId}/qr.${format}`,
    tags,
    summary: `QR code of one of my links (${format.toUpperCase()})`,
    access,
    request: { params: linkIdParams, query: qrQuery },
    responses: {
      200: {
        description: 'The QR code of the short URL',
        content: {
          [format === 'png' ? 'image/png' : 'image/svg+xml']: {
            schema: z.string().openapi({ format: 'binary' }),
          },
        },
      },
    },
  });

const identityOf = (c: { get: (key: 'session') => { identityId: string } | undefined }) =>
  c.get('session')!.identityId;

/** The partner's own links, their QR codes and clicks. */
export const selfLinkRoutes = createRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/api/me/links',
      tags,
      summary: 'My links in one program',
      description: 'The default link apart, then every link newest first, with clicks of the last 30 days.',
      access,
      request: { query: myLinksQuerySchema },
      responses: {
        200: json(
          z.object({
            defaultLink: linkSchema.nullable(),
            items: z.array(linkSchema),
            nextCursor: z.string().nullable(),
          }),
          'My links',
        ),
      },
    }),
    async (c) => c.json(await findMyLinks(c.get('services'), identityOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/me/links',
      tags,
      summary: 'Create a link',
      description:
        'To a product of the catalog (its page; an existing plain link to it is given back) or to any page on the program’s allowed domains.',
      access,
      request: { body: body(newLinkSchema) },
      responses: {
        200: json(linkSchema, 'An existing link to the product'),
        201: json(linkSchema, 'The new link'),
      },
    }),
    async (c) => {
      const { link, created } = await createMyLink(c.get('services'), identityOf(c), c.req.valid('json'));
      return created ? c.json(link, 201) : c.json(link, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'patch',
      path: '/api/me/links/{linkId}',
      tags,
      summary: 'Rename, disable or enable one of my links',
      description: 'The default link cannot be disabled.',
      access,
      request: { params: linkIdParams, body: body(linkPatchSchema) },
      responses: { 200: json(linkSchema, 'The link') },
    }),
    async (c) =>
      c.json(
        await updateMyLink(
          c.get('services'),
          identityOf(c),
          c.req.valid('param').linkId,
          c.req.valid('json'),
        ),
        200,
      ),
  )
  .openapi(qrRoute('png'), async (c) => {
    const link = await getMyLink(c.get('services'), identityOf(c), c.req.valid('param').linkId);
    const png = (await renderQr(link.shortUrl, 'png', c.req.valid('query').size)) as Buffer;
    return c.body(new Uint8Array(png), 200, {
      'content-type': 'image/png',
      'cache-control': 'private, max-age=300',
      'content-disposition': `inline; filename="link-${link.code}.png"`,
    });
  })
  .openapi(qrRoute('svg'), async (c) => {
    const link = await getMyLink(c.get('services'), identityOf(c), c.req.valid('param').linkId);
    const svg = (await renderQr(link.shortUrl, 'svg', c.req.valid('query').size)) as string;
    return c.body(svg, 200, {
      'content-type': 'image/svg+xml',
      'cache-control': 'private, max-age=300',
      'content-disposition': `inline; filename="link-${link.code}.svg"`,
    });
  })
  .openapi(
    defineRoute({
      method: 'get',
      path: '/api/me/clicks',
      tags,
      summary: 'My clicks per day',
      description: 'Total, unique (bots excluded) and bot clicks per day; the last 30 days by default.',
      access,
      request: { query: myClicksQuerySchema },
      responses: { 200: json(myClicksSchema, 'Clicks per day') },
    }),
    async (c) => c.json(await findMyClicks(c.get('services'), identityOf(c), c.req.valid('query')), 200),
  );
