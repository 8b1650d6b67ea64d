import { and, eq } from 'drizzle-orm';
import { AppError, notFound } from '../../platform/errors';
import type { Services, TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { getProgramById } from '../programs';
import type { Link } from './link-view';
import { toLinkView } from './link-view';
import { getMyLinkEnrollment } from './my-enrollment';
import { evictLinkCode } from './redirect/runtime';
import { links } from './schema';
import type { LinkPatch } from './schemas';

async function getLink(ctx: TenantContext, linkId: string) {
  const [link] = await ctx.services.db
    .select()
    .from(links)
    .where(and(eq(links.orgId, ctx.orgId), eq(links.id, linkId)));
  if (!link) throw notFound('Link');
  return link;
}

async function writeLink(ctx: TenantContext, before: Link, patch: LinkPatch) {
  if (patch.status === 'disabled' && before.isDefault)
    throw new AppError('conflict', 'The default link cannot be disabled; disable the partner instead');
  const [after] = await ctx.services.db
    .update(links)
    .set({ ...patch, updatedAt: ctx.services.clock.now() })
    .where(and(eq(links.orgId, ctx.orgId), eq(links.id, before.id)))
    .returning();
  evictLinkCode(ctx.services, before.code);
  return after!;
}

/** Staff enable or disable a link; a disabled code sends visitors to the program's fallback page. */
export async function updateLink(ctx: TenantContext, linkId: string, patch: LinkPatch) {
  const before = await getLink(ctx, linkId);
  const after = await writeLink(ctx, before, patch);
  await recordAudit(ctx, ctx.services.db, {
    action: 'link.updated',
    entityType: 'link',
    entityId: linkId,
    before: Object.fromEntries(Object.keys(patch).map((key) => [key, before[key as keyof LinkPatch]])),
    after: patch,
  });
  const program = await getProgramById(ctx, ctx.services.db, after.programId);
  return toLinkView(after, program, ctx.services.config.appUrl);
}

/** A partner renames, disables or enables one of their own links. */
export async function updateMyLink(services: Services, identityId: string, linkId: string, patch: LinkPatch) {
  const { ctx, program } = await getMyLinkEnrollment(services, identityId, linkId);
  const after = await writeLink(ctx, await getLink(ctx, linkId), patch);
  return toLinkView(after, program, services.config.appUrl);
}

/** One of the partner's links (for its QR code); another's is not found. */
export async function getMyLink(services: Services, identityId: string, linkId: string) {
  const { ctx, program } = await getMyLinkEnrollment(services, identityId, linkId);
  return toLinkView(await getLink(ctx, linkId), program, services.config.appUrl);
}
