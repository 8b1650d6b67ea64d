import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { type Enrollment, recordEnrollmentEvent } from './create-enrollment';
import { enrollments } from './schema-enrollments';

export type EnrollmentChanges = Partial<
  Pick<Enrollment, 'referralCode' | 'groupId' | 'careMemberId' | 'externalId'>
>;

const EVENT_OF = {
  referralCode: 'code_changed',
  groupId: 'group_changed',
  careMemberId: 'care_changed',
  externalId: 'profile_changed',
} as const;

/**
 * Writes the fields that really change, one history event per field and one audit entry; answers
 * the enrollment as it is after. Checks (existence, uniqueness) are the caller's.
 */
export async function applyEnrollmentChanges(
  ctx: TenantContext,
  executor: Executor,
  before: Enrollment,
  changes: EnrollmentChanges,
  options: { reason?: string | null; action?: string } = {},
): Promise<{ enrollment: Enrollment; changed: (keyof EnrollmentChanges)[] }> {
  const changed = (Object.keys(changes) as (keyof EnrollmentChanges)[]).filter(
    (field) => changes[field] !== undefined && changes[field] !== before[field],
  );
  if (changed.length === 0) return { enrollment: before, changed };
  const set = Object.fromEntries(changed.map((field) => [field, changes[field]]));
  const [after] = await executor
    .update(enrollments)
    .set({ ...set, updatedAt: ctx.services.clock.now() })
    .where(and(eq(enrollments.orgId, ctx.orgId), eq(enrollments.id, before.id)))
    .returning();
  for (const field of changed) {
    await recordEnrollmentEvent(ctx, executor, {
      enrollmentId: before.id,
      type: EVENT_OF[field],
      fromValue: field === 'externalId' ? `externalId:${before[field] ?? ''}` : before[field],
      toValue: field === 'externalId' ? `externalId:${changes[field] ?? ''}` : changes[field],
      reason: options.reason,
    });
  }
  await recordAudit(ctx, executor, {
    action: options.action ?? 'enrollment.updated',
    entityType: 'enrollment',
    entityId: before.id,
    before: Object.fromEntries(changed.map((field) => [field, before[field]])),
    after: set,
  });
  return { enrollment: after!, changed };
}
