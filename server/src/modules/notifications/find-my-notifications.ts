import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { afterCursor, decodeCursor, type PageQuery, toPage } from '../../platform/http/paging';
import type { Services } from '../../platform/services';
import { orgs } from '../orgs';
import { type NotificationAudience, notifications } from './schema';

/** Whose notifications: a person in one app, and for staff their current organisation only. */
export type NotificationReader = { identityId: string; audience: NotificationAudience; orgId?: string };

export function readerFilter(reader: NotificationReader) {
  return and(
    eq(notifications.identityId, reader.identityId),
    eq(notifications.audience, reader.audience),
    reader.orgId ? eq(notifications.orgId, reader.orgId) : undefined,
  );
}

/**
 * The signed-in person's notifications for the app they are in, newest first, and how many are
 * unread: a partner's from every organisation, staff's from their current organisation. A person
 * sees only their own.
 */
export async function findMyNotifications(
  services: Services,
  reader: NotificationReader,
  query: Pick<PageQuery, 'limit' | 'cursor'>,
) {
  const cursor = decodeCursor(query.cursor);
  const rows = await services.db
    .select({
      id: notifications.id,
      orgId: notifications.orgId,
      orgName: orgs.name,
      kind: notifications.kind,
      params: notifications.params,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .innerJoin(orgs, eq(orgs.id, notifications.orgId))
    .where(
      and(
        readerFilter(reader),
        afterCursor({
          sortColumn: notifications.createdAt,
          idColumn: notifications.id,
          cursor,
          order: 'desc',
          cast: 'timestamptz',
        }),
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit + 1);
  const [unread] = await services.db
    .select({ n: count() })
    .from(notifications)
    .where(and(readerFilter(reader), isNull(notifications.readAt)));
  const page = toPage(
    rows,
    query.limit,
    (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    (row) => ({
      id: row.id,
      organisation: { id: row.orgId, name: row.orgName },
      kind: row.kind,
      params: row.params,
      readAt: row.readAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    }),
  );
  return { ...page, unreadCount: Number(unread?.n ?? 0) };
}
