import { and, eq, inArray } from 'drizzle-orm';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { recordEnrollmentEvent } from './create-enrollment';
import { getEnrollmentById } from './get-enrollment';
import { invalidReference } from './invalid-reference';
import { runBulk } from './run-bulk';
import { enrollmentTags, partnerTags } from './schema-enrollments';

/**
 * Adds and removes tags on many enrollments, answering per enrollment which tags really changed.
 * Every tag id must be one of the organisation's (422 naming the body field otherwise).
 */
export async function setEnrollmentsTags(
  ctx: TenantContext,
  input: { enrollmentIds: string[]; add: string[]; remove: string[] },
) {
  const { db } = ctx.services;
  const wanted = [...input.add, ...input.remove];
  const tags =
    wanted.length === 0
      ? []
      : await db
          .select({ id: partnerTags.id, name: partnerTags.name })
          .from(partnerTags)
          .where(and(eq(partnerTags.orgId, ctx.orgId), inArray(partnerTags.id, wanted)));
  const names = new Map(tags.map((tag) => [tag.id, tag.name]));
  for (const field of ['add', 'remove'] as const) {
    const index = input[field].findIndex((id) => !names.has(id));
    if (index >= 0) throw invalidReference(`body.${field}.${index}`, 'No tag has this id');
  }
  return runBulk(input.enrollmentIds, (enrollmentId) =>
    db.transaction(async (tx) => {
      await getEnrollmentById(ctx, tx, enrollmentId, { forUpdate: true });
      const now = ctx.services.clock.now();
      const added =
        input.add.length === 0
          ? []
          : await tx
              .insert(enrollmentTags)
              .values(input.add.map((tagId) => ({ orgId: ctx.orgId, enrollmentId, tagId, createdAt: now })))
              .onConflictDoNothing()
              .returning({ tagId: enrollmentTags.tagId });
      const removed =
        input.remove.length === 0
          ? []
          : await tx
              .delete(enrollmentTags)
              .where(
                and(
                  eq(enrollmentTags.orgId, ctx.orgId),
                  eq(enrollmentTags.enrollmentId, enrollmentId),
                  inArray(enrollmentTags.tagId, input.remove),
                ),
              )
              .returning({ tagId: enrollmentTags.tagId });
      const addedIds = added.map((row) => row.tagId).sort();
      const removedIds = removed.map((row) => row.tagId).sort();
      if (addedIds.length + removedIds.length > 0) {
        const label = (ids: string[]) => (ids.length ? ids.map((id) => names.get(id)).join(', ') : null);
        await recordEnrollmentEvent(ctx, tx, {
          enrollmentId,
          type: 'tags_changed',
          fromValue: label(removedIds),
          toValue: label(addedIds),
        });
        await recordAudit(ctx, tx, {
          action: 'enrollment.tags_changed',
          entityType: 'enrollment',
          entityId: enrollmentId,
          after: { added: addedIds, removed: removedIds },
        });
      }
      return { added: addedIds, removed: removedIds };
    }),
  );
}
