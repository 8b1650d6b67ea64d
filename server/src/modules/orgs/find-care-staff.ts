import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import { identities } from '../auth';
import { orgMembers, staffGroupMembers, staffGroups } from './schema';

export type CareStaff = { id: string; fullName: string };

/** The active member of the organisation with this id, or undefined (disabled or another org's). */
export async function findActiveMember(
  ctx: TenantContext,
  memberId: string,
  executor: Executor = ctx.services.db,
): Promise<CareStaff | undefined> {
  const [member] = await executor
    .select({ id: orgMembers.id, fullName: identities.fullName })
    .from(orgMembers)
    .innerJoin(identities, eq(identities.id, orgMembers.identityId))
    .where(
      and(eq(orgMembers.orgId, ctx.orgId), eq(orgMembers.id, memberId), eq(orgMembers.status, 'active')),
    );
  return member;
}

/**
 * The active members of a staff group of the organisation, in a stable order (by member id);
 * not-found for another organisation's group.
 */
export async function findActiveStaffGroupMembers(
  ctx: TenantContext,
  staffGroupId: string,
  executor: Executor = ctx.services.db,
): Promise<CareStaff[]> {
  const [group] = await executor
    .select({ id: staffGroups.id })
    .from(staffGroups)
    .where(and(eq(staffGroups.orgId, ctx.orgId), eq(staffGroups.id, staffGroupId)));
  if (!group) throw notFound('Staff group');
  return executor
    .select({ id: orgMembers.id, fullName: identities.fullName })
    .from(staffGroupMembers)
    .innerJoin(
      orgMembers,
      and(eq(orgMembers.orgId, staffGroupMembers.orgId), eq(orgMembers.id, staffGroupMembers.memberId)),
    )
    .innerJoin(identities, eq(identities.id, orgMembers.identityId))
    .where(
      and(
        eq(staffGroupMembers.orgId, ctx.orgId),
        eq(staffGroupMembers.groupId, staffGroupId),
        eq(orgMembers.status, 'active'),
      ),
    )
    .orderBy(asc(orgMembers.id));
}
