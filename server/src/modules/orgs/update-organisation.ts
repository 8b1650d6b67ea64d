import { and, eq, ne, sql } from 'drizzle-orm';
import { AppError, conflict, mapDatabaseError } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { identities } from '../auth';
import { getOrganisationRow, type OrganisationView, toOrganisationView } from './get-organisation';
import { orgs } from './schema';
import type { OrgPatch } from './schemas';

const SLUG_TAKEN = 'This slug is already used by another organisation';

/**
 * Changes the settings of the organisation. Requiring two-factor sign-in is refused to a member who
 * has not turned it on, since it would lock them out of the organisation at once.
 */
export async function updateOrganisation(ctx: TenantContext, patch: OrgPatch): Promise<OrganisationView> {
  const { db, clock } = ctx.services;
  try {
    return await db.transaction(async (tx) => {
      const before = await getOrganisationRow(ctx, tx, { forUpdate: true });
      if (patch.slug !== undefined && patch.slug !== before.slug) {
        const [taken] = await tx
          .select({ id: orgs.id })
          .from(orgs)
          .where(and(sql`lower(${orgs.slug}) = ${patch.slug}`, ne(orgs.id, ctx.orgId)));
        if (taken) throw conflict(SLUG_TAKEN, [{ path: 'body.slug', message: SLUG_TAKEN }]);
      }
      if (patch.requireTwoFactor && !before.requireTwoFactor && ctx.actor.type === 'member') {
        const [me] = await tx
          .select({ totpEnabledAt: identities.totpEnabledAt })
          .from(identities)
          .where(eq(identities.id, ctx.actor.identityId));
        if (!me?.totpEnabledAt) {
          const message = 'Turn on two-factor sign-in for yourself before requiring it';
          throw new AppError('unprocessable', message, {
            details: [{ path: 'body.requireTwoFactor', message }],
          });
        }
      }
      const [after] = await tx
        .update(orgs)
        .set({ ...patch, updatedAt: clock.now() })
        .where(eq(orgs.id, ctx.orgId))
        .returning();
      const beforeView = toOrganisationView(before);
      const afterView = toOrganisationView(after!);
      const changed = Object.keys(patch) as (keyof OrgPatch)[];
      await recordAudit(ctx, tx, {
        action: 'org.updated',
        entityType: 'org',
        entityId: ctx.orgId,
        before: Object.fromEntries(changed.map((key) => [key, beforeView[key]])),
        after: Object.fromEntries(changed.map((key) => [key, afterView[key]])),
      });
      return afterView;
    });
  } catch (error) {
    throw mapDatabaseError(error, { orgs_slug_uq: SLUG_TAKEN });
  }
}
