import { and, eq } from 'drizzle-orm';
import { conflict } from '../../../platform/errors';
import type { TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { recordEnrollmentEvents } from '../create-enrollment';
import { enrollments, partnerGroups } from '../schema-enrollments';
import { getPartnerGroupById } from './get-partner-group';

/**
 * Deletes a partner group. A group still holding enrollments is refused unless `detachMembers`
 * confirms moving them to no group (each keeps a 'group_changed' history event).
 */
export async function deletePartnerGroup(
  ctx: TenantContext,
  groupId: string,
  options: { detachMembers: boolean },
) {
  return ctx.services.db.transaction(async (tx) => {
    const group = await getPartnerGroupById(ctx, tx, groupId);
    const members = await tx
      .select({ id: enrollments.id })
      .from(enrollments)
      .where(and(eq(enrollments.orgId, ctx.orgId), eq(enrollments.groupId, groupId)))
      .for('update');
    if (members.length > 0 && !options.detachMembers) {
      throw conflict(`${members.length} enrollment(s) are in this group`, [
        { path: 'query.detachMembers', message: 'Set to true to move them to no group' },
      ]);
    }
    if (members.length > 0) {
      await tx
        .update(enrollments)
        .set({ groupId: null, updatedAt: ctx.services.clock.now() })
        .where(and(eq(enrollments.orgId, ctx.orgId), eq(enrollments.groupId, groupId)));
      await recordEnrollmentEvents(
        ctx,
        tx,
        members.map((member) => ({
          enrollmentId: member.id,
          type: 'group_changed' as const,
          fromValue: groupId,
          toValue: null,
          reason: `Group "${group.name}" deleted`,
        })),
      );
    }
    await tx
      .delete(partnerGroups)
      .where(and(eq(partnerGroups.orgId, ctx.orgId), eq(partnerGroups.id, groupId)));
    await recordAudit(ctx, tx, {
      action: 'partner_group.deleted',
      entityType: 'partner_group',
      entityId: groupId,
      before: { name: group.name, description: group.description, enrollmentCount: members.length },
    });
  });
}
