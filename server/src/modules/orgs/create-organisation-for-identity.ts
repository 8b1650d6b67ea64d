import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { identities } from '../auth';
import { createOrganisation } from './create-organisation';
import { toOrganisationView } from './get-organisation';

/** A signed-in person starts another organisation, which they own. */
export async function createOrganisationForIdentity(
  services: Services,
  identityId: string,
  input: { name: string },
) {
  const [identity] = await services.db
    .select({ email: identities.email, fullName: identities.fullName })
    .from(identities)
    .where(eq(identities.id, identityId));
  if (!identity?.email) {
    throw new AppError('forbidden', 'Only staff accounts with an email can create organisations');
  }
  const result = await createOrganisation(services, {
    name: input.name,
    owner: { email: identity.email, fullName: identity.fullName },
    createdBy: 'owner',
  });
  return { org: toOrganisationView(result.org), memberId: result.member.id };
}
