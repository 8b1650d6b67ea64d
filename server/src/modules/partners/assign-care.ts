import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import { findActiveMember, findActiveStaffGroupMembers } from '../orgs';
import { applyEnrollmentChanges } from './apply-enrollment-changes';
import { getEnrollmentById } from './get-enrollment';
import { invalidReference } from './invalid-reference';
import { runBulk } from './run-bulk';
import { enrollments } from './schema-enrollments';

export type CareAssignment =
  | { enrollmentIds: string[]; memberId: string }
  | { enrollmentIds: string[]; staffGroupId: string; mode: 'round_robin' };

/**
 * Gives many enrollments a care staff member: one chosen member, or round-robin over the active
 * members of a staff group. Round-robin continues fairly from what each member already cares for:
 * every next enrollment goes to the member with the fewest (ties: the earlier member by id).
 */
export async function assignCare(ctx: TenantContext, input: CareAssignment) {
  const { db } = ctx.services;
  let pick: (current: string | null) => string;
  if ('memberId' in input) {
    if (!(await findActiveMember(ctx, input.memberId))) {
      throw invalidReference('body.memberId', 'No active staff member has this id');
    }
    pick = () => input.memberId;
  } else {
    const members = await findActiveStaffGroupMembers(ctx, input.staffGroupId).catch((error) => {
      if (error instanceof AppError && error.code === 'not_found') {
        throw invalidReference('body.staffGroupId', 'No staff group has this id');
      }
      throw error;
    });
    if (members.length === 0)
      throw invalidReference('body.staffGroupId', 'The staff group has no active members');
    const counts = await countCaredFor(
      ctx,
      members.map((member) => member.id),
    );
    pick = (current) => {
      if (current && counts.has(current)) counts.set(current, counts.get(current)! - 1);
      let chosen = members[0]!.id;
      for (const member of members) if (counts.get(member.id)! < counts.get(chosen)!) chosen = member.id;
      counts.set(chosen, counts.get(chosen)! + 1);
      return chosen;
    };
  }
  return runBulk(input.enrollmentIds, (enrollmentId) =>
    db.transaction(async (tx) => {
      const before = await getEnrollmentById(ctx, tx, enrollmentId, { forUpdate: true });
      const careMemberId = pick(before.careMemberId);
      const { changed } = await applyEnrollmentChanges(ctx, tx, before, { careMemberId });
      return { careMemberId, changed: changed.length > 0 };
    }),
  );
}

/** How many enrollments each member cares for now (zero for those with none). */
async function countCaredFor(ctx: TenantContext, memberIds: string[]) {
  const rows = await ctx.services.db
    .select({ memberId: enrollments.careMemberId, count: sql<number>`count(*)::int` })
    .from(enrollments)
    .where(and(eq(enrollments.orgId, ctx.orgId), inArray(enrollments.careMemberId, memberIds)))
    .groupBy(enrollments.careMemberId);
  const counts = new Map(memberIds.map((id) => [id, 0]));
  for (const row of rows) counts.set(row.memberId!, Number(row.count));
  return counts;
}
