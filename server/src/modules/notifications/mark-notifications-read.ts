import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Services } from '../../platform/services';
import { notifications } from './schema';

/**
 * Marks the signed-in person's notifications read: those named in `ids`, or all when none are
 * given. Ids of other people's notifications match nothing.
 */
export async function markNotificationsRead(services: Services, identityId: string, ids?: string[]) {
  await services.db
    .update(notifications)
    .set({ readAt: services.clock.now() })
    .where(
      and(
        eq(notifications.identityId, identityId),
        isNull(notifications.readAt),
        ids ? inArray(notifications.id, ids) : undefined,
      ),
    );
}
