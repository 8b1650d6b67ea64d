import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import type { TenantContext } from '../../../platform/services';
import { enrollmentTags, partnerTags } from '../schema-enrollments';
import type { TAG_COLORS } from './schemas';

export type PartnerTag = typeof partnerTags.$inferSelect;

export function toPartnerTagView(tag: PartnerTag & { enrollmentCount: number }) {
  return {
    id: tag.id,
    name: tag.name,
    color: tag.color as (typeof TAG_COLORS)[number],
    enrollmentCount: Number(tag.enrollmentCount),
    createdAt: tag.createdAt.toISOString(),
  };
}

/** The partner tag with this id in the organisation; another organisation's is not found. */
export async function getPartnerTagById(ctx: TenantContext, executor: Executor, tagId: string) {
  const [tag] = await executor
    .select()
    .from(partnerTags)
    .where(and(eq(partnerTags.orgId, ctx.orgId), eq(partnerTags.id, tagId)));
  if (!tag) throw notFound('Partner tag');
  return tag;
}

/** One tag with the number of enrollments carrying it. */
export async function getPartnerTagView(
  ctx: TenantContext,
  tagId: string,
  executor: Executor = ctx.services.db,
) {
  const tag = await getPartnerTagById(ctx, executor, tagId);
  const [row] = await executor
    .select({ count: sql<number>`count(*)::int` })
    .from(enrollmentTags)
    .where(and(eq(enrollmentTags.orgId, ctx.orgId), eq(enrollmentTags.tagId, tagId)));
  return toPartnerTagView({ ...tag, enrollmentCount: Number(row?.count ?? 0) });
}
