import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { afterCursor, decodeCursor, type PageQuery, toPage } from '../../platform/http/paging';
import type { Services } from '../../platform/services';
import { orgs } from '../orgs';
import { notifications } from './schema';

/**
 * The signed-in person's notifications from every organisation, newest first, and how many are
 * unread. Scoped by identity rather than organisation: a person sees only their own.
 */
export async function findMyNotifications(
  services: Services,
  identityId: string,
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
        eq(notifications.identityId, identityId),
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
    .where(and(eq(notifications.identityId, identityId), isNull(notifications.readAt)));
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
