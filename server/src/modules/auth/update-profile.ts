import { eq } from 'drizzle-orm';
import type { Services } from '../../platform/services';
import type { Locale } from './get-me';
import { identities } from './schema';

export type ProfilePatch = { fullName?: string; locale?: Locale };

/** Changes the signed-in person's own name or language. */
export async function updateProfile(
  services: Services,
  identityId: string,
  patch: ProfilePatch,
): Promise<void> {
  const changes = {
    ...(patch.fullName !== undefined ? { fullName: patch.fullName.trim() } : {}),
    ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
  };
  if (Object.keys(changes).length === 0) return;
  await services.db
    .update(identities)
    .set({ ...changes, updatedAt: services.clock.now() })
    .where(eq(identities.id, identityId));
}
