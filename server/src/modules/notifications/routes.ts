import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app';
import type { SessionInfo } from '../../platform/http/env';
import { pageQuerySchema } from '../../platform/http/paging';
import { defineRoute } from '../../platform/http/route';
import { findMyNotifications, type NotificationReader } from './find-my-notifications';
import { markNotificationsRead } from './mark-notifications-read';
import { NOTIFICATION_KINDS } from './schema';

const tags = ['Notifications'];
const access = { session: 'any' } as const;

const notificationSchema = z
  .object({
    id: z.string(),
    organisation: z.object({ id: z.string(), name: z.string() }),
    kind: z.enum(NOTIFICATION_KINDS),
    params: z.record(z.string(), z.string()),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('MyNotification');

const listRoute = defineRoute({
  method: 'get',
  path: '/api/me/notifications',
  tags,
  summary: 'My notifications',
  description:
    'Newest first, with the number still unread. In the partner app: from every organisation; in the staff app: alerts for staff (orders waiting, failed payments, uncollected cash on delivery, refunds to record as returns, low deposits) from the current organisation.',
  access,
  request: { query: pageQuerySchema.pick({ limit: true, cursor: true }) },
  responses: {
    200: {
      description: 'Notifications',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(notificationSchema),
            nextCursor: z.string().nullable(),
            unreadCount: z.number().int(),
          }),
        },
      },
    },
  },
});

const readRoute = defineRoute({
  method: 'post',
  path: '/api/me/notifications/read',
  tags,
  summary: 'Mark my notifications read',
  description: 'The notifications named in `ids`, or all of them when `ids` is left out.',
  access,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ ids: z.array(z.string().min(1).max(60)).min(1).max(100).optional() }).strict(),
        },
      },
    },
  },
  responses: { 204: { description: 'Marked read' } },
});

/** Whose notifications a session reads: a partner's in the partner app, staff's in their current organisation. */
function readerOf(session: SessionInfo): NotificationReader {
  return session.app === 'staff'
    ? { identityId: session.identityId, audience: 'staff', orgId: session.currentOrgId ?? undefined }
    : { identityId: session.identityId, audience: 'partner' };
}

/** Notifications of the signed-in person, in either app: list with unread count, mark read. */
export const notificationRoutes = createRouter()
  .openapi(listRoute, async (c) =>
    c.json(
      await findMyNotifications(c.get('services'), readerOf(c.get('session')!), c.req.valid('query')),
      200,
    ),
  )
  .openapi(readRoute, async (c) => {
    await markNotificationsRead(c.get('services'), readerOf(c.get('session')!), c.req.valid('json').ids);
    return c.body(null, 204);
  });
