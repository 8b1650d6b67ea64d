import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { conflict } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { RoleName } from '../../platform/permissions';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { orgMembers } from './schema';

/**
 * Makes an existing identity a member with a role, without an invitation: for seeds and system
 * tools. People join through invitations.
 */
export async function addMember(
  ctx: TenantContext,
  executor: Executor,
  input: { identityId: string; role: RoleName },
) {
  const now = ctx.services.clock.now();
  const [existing] = await executor
    .select({ id: orgMembers.id })
    .from(orgMembers)
    .where(and(eq(orgMembers.orgId, ctx.orgId), eq(orgMembers.identityId, input.identityId)));
  if (existing) throw conflict('This person is already a member of the organisation');
  const [member] = await executor
    .insert(orgMembers)
    .values({
      orgId: ctx.orgId,
      id: newId('member', now.getTime()),
      identityId: input.identityId,
      role: input.role,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await recordAudit(ctx, executor, {
    action: 'member.added',
    entityType: 'member',
    entityId: member!.id,
    after: { identityId: input.identityId, role: input.role },
  });
  return member!;
}
