import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import type { TenantContext } from '../../../platform/services';
import { partnerGroups } from '../schema-enrollments';

export type PartnerGroup = typeof partnerGroups.$inferSelect;

/** The partner group (tier) with this id in the organisation; another organisation's is not found. */
export async function getPartnerGroupById(
  ctx: TenantContext,
  executor: Executor,
  groupId: string,
): Promise<PartnerGroup> {
  const [group] = await executor
    .select()
    .from(partnerGroups)
    .where(and(eq(partnerGroups.orgId, ctx.orgId), eq(partnerGroups.id, groupId)));
  if (!group) throw notFound('Partner group');
  return group;
}
