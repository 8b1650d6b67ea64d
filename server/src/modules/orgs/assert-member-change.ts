import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { conflict, forbidden, notFound } from '../../platform/errors';
import { canGrantRole, type RoleName } from '../../platform/permissions';
import type { TenantContext } from '../../platform/services';
import { actorRole } from './actor';
import { getOrganisationRow } from './get-organisation';
import { orgMembers } from './schema';

/**
 * Loads a member for a change and checks who may make it: the organisation row is locked so two
 * concurrent changes cannot both remove "the other" owner; nobody changes a member whose role they
 * could not grant themselves.
 */
export async function lockMemberForChange(ctx: TenantContext, tx: Executor, memberId: string) {
  await getOrganisationRow(ctx, tx, { forUpdate: true });
  const [member] = await tx
    .select()
    .from(orgMembers)
    .where(and(eq(orgMembers.orgId, ctx.orgId), eq(orgMembers.id, memberId)));
  if (!member) throw notFound('Member');
  if (!canGrantRole(actorRole(ctx), member.role)) {
    throw forbidden('Your role does not allow changing a member with this role');
  }
  return member;
}

/** Refuses to leave the organisation without an active owner. */
export async function assertAnotherActiveOwner(
  ctx: TenantContext,
  tx: Executor,
  member: { id: string; role: RoleName; status: 'active' | 'disabled' },
): Promise<void> {
  if (member.role !== 'owner' || member.status !== 'active') return;
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(orgMembers)
    .where(
      and(
        eq(orgMembers.orgId, ctx.orgId),
        eq(orgMembers.role, 'owner'),
        eq(orgMembers.status, 'active'),
        ne(orgMembers.id, member.id),
      ),
    );
  if ((row?.count ?? 0) === 0) {
    throw conflict('The organisation needs at least one active owner: make someone else owner first');
  }
}
