import type { TenantContext } from '../../platform/services';
import { applyEnrollmentChanges } from './apply-enrollment-changes';
import { getEnrollmentById } from './get-enrollment';
import { getPartnerGroupById } from './groups/get-partner-group';
import { invalidReference } from './invalid-reference';
import { runBulk } from './run-bulk';

/** Puts many enrollments in a partner group (or in none), answering per enrollment. */
export async function setEnrollmentsGroup(
  ctx: TenantContext,
  input: { enrollmentIds: string[]; groupId: string | null },
) {
  const { db } = ctx.services;
  if (input.groupId) {
    await getPartnerGroupById(ctx, db, input.groupId).catch(() => {
      throw invalidReference('body.groupId', 'No partner group has this id');
    });
  }
  return runBulk(input.enrollmentIds, (enrollmentId) =>
    db.transaction(async (tx) => {
      const before = await getEnrollmentById(ctx, tx, enrollmentId, { forUpdate: true });
      const { changed } = await applyEnrollmentChanges(ctx, tx, before, { groupId: input.groupId });
      return { changed: changed.length > 0 };
    }),
  );
}
