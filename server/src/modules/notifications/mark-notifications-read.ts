import { and, inArray, isNull } from 'drizzle-orm';
import type { Services } from '../../platform/services';
import { type NotificationReader, readerFilter } from './find-my-notifications';
import { notifications } from './schema';

/**
 * Marks the signed-in person's notifications read (in the app they are in): those named in `ids`,
 * or all when none are given. Ids of other people's notifications match nothing.
 */
export async function markNotificationsRead(services: Services, reader: NotificationReader, ids?: string[]) {
  await services.db
    .update(notifications)
    .set({ readAt: services.clock.now() })
    .where(
      and(
        readerFilter(reader),
        isNull(notifications.readAt),
        ids ? inArray(notifications.id, ids) : undefined,
      ),
    );
}
