import type { Executor } from '../../platform/db';
import { newId } from '../../platform/ids';
import type { TenantContext } from '../../platform/services';
import { type NotificationAudience, type NotificationKind, notifications } from './schema';

export type NotifyInput = {
  identityId: string;
  kind: NotificationKind;
  /** The app it is read in: the partner app (default) or the staff app. */
  audience?: NotificationAudience;
  /** Values the app puts into the translated text, e.g. {programName, reason}. */
  params?: Record<string, string>;
};

/** Leaves an in-app notification for a person, in the caller's transaction. */
export async function notifyIdentity(ctx: TenantContext, executor: Executor, input: NotifyInput) {
  const now = ctx.services.clock.now();
  const [row] = await executor
    .insert(notifications)
    .values({
      orgId: ctx.orgId,
      id: newId('notification', now.getTime()),
      identityId: input.identityId,
      audience: input.audience ?? 'partner',
      kind: input.kind,
      params: input.params ?? {},
      createdAt: now,
    })
    .returning();
  return row!;
}
