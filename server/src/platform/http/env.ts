import type { Permission } from '../permissions';
import type { Services, TenantContext } from '../services';

/** Session data the auth middleware puts on the request. */
export type SessionInfo = {
  id: string;
  identityId: string;
  app: 'staff' | 'partner';
  currentOrgId: string | null;
  csrfToken: string;
  pendingSecondFactor: boolean;
  /** The current organisation requires two-factor sign-in and this person has not turned it on. */
  twoFactorSetupRequired?: boolean;
};

export type AppEnv = {
  Variables: {
    requestId: string;
    services: Services;
    session: SessionInfo | undefined;
    /** Set for requests authenticated into an organisation (staff session or API key). */
    tenant: TenantContext | undefined;
    permission: Permission | undefined;
  };
};
