import type { RoleName } from '../../platform/permissions';
import type { TenantContext } from '../../platform/services';

/** The role a use case acts with: the member's or the API key's; the system acts as an owner. */
export function actorRole(ctx: TenantContext): RoleName {
  return ctx.actor.type === 'system' ? 'owner' : ctx.actor.role;
}
