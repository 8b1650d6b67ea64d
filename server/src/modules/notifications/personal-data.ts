import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { notifications } from './schema';

/** Every notification a person received, oldest first, for their personal-data export. */
export async function unsafeListNotificationsOfIdentity(executor: Executor, identityId: string) {
  // Unscoped on purpose: the export covers the person across all organisations.
  const rows = await executor
    .select()
    .from(notifications)
    .where(eq(notifications.identityId, identityId))
    .orderBy(asc(notifications.createdAt));
  return rows.map((row) => ({
    orgId: row.orgId,
    kind: row.kind,
    params: row.params,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** Removes a person's notifications when they erase their account (they may name them). */
export async function unsafeDeleteNotificationsOfIdentity(executor: Executor, identityId: string) {
  // Unscoped on purpose: erasure covers the person across all organisations.
  await executor.delete(notifications).where(eq(notifications.identityId, identityId));
}
