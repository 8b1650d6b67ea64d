import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { orgs } from './schema';

/** True when at least one organisation exists (the first start seeds the demo otherwise). */
export async function hasAnyOrganisation(executor: Executor): Promise<boolean> {
  const rows = await executor.select({ id: orgs.id }).from(orgs).limit(1);
  return rows.length > 0;
}

/** The organisation with this slug (case-insensitive), if any. */
export async function findOrganisationBySlug(executor: Executor, slug: string) {
  const [row] = await executor.select().from(orgs).where(eq(orgs.slug, slug.toLowerCase()));
  return row;
}
