import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import { orgs } from './schema';

export type OrganisationView = {
  id: string;
  name: string;
  slug: string;
  currency: string;
  locale: 'vi' | 'en' | 'th';
  timeZone: string;
  requireTwoFactor: boolean;
  createdAt: string;
};

export function toOrganisationView(row: typeof orgs.$inferSelect): OrganisationView {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    currency: row.currency,
    locale: (['vi', 'en', 'th'].includes(row.locale) ? row.locale : 'vi') as OrganisationView['locale'],
    timeZone: row.timeZone,
    requireTwoFactor: row.requireTwoFactor,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The organisation of the context; `forUpdate` locks its row for the caller's transaction. */
export async function getOrganisationRow(
  ctx: TenantContext,
  executor: Executor = ctx.services.db,
  options: { forUpdate?: boolean } = {},
) {
  const query = executor.select().from(orgs).where(eq(orgs.id, ctx.orgId));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Organisation');
  return row;
}

/** The settings of the organisation of the context. */
export async function getOrganisation(ctx: TenantContext): Promise<OrganisationView> {
  return toOrganisationView(await getOrganisationRow(ctx));
}
