import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { partners } from './schema';

/** The partner record of a person, or undefined when they are not a partner (partner-app sign-in). */
export async function findPartnerByIdentity(executor: Executor, identityId: string) {
  const [row] = await executor.select().from(partners).where(eq(partners.identityId, identityId));
  return row;
}
