import type { apiCall } from '../../../test/factories';
import type { TestEnv } from '../../../test/harness';

/** What the cross-tenant suite gives each module's part: organisation A with a program and a partner. */
export type CrossTenantWorld = {
  env: TestEnv;
  orgAId: string;
  /** Calls the API with an owner key of organisation A. */
  callA: ReturnType<typeof apiCall>;
  programA: { id: string; pageCode: string; currency: string };
  /** An approved enrollment of organisation A in programA. */
  enrollmentA: { id: string; partnerId: string; referralCode: string };
};

/**
 * A module's share of the cross-tenant suite: records of organisation A for its path parameters,
 * a minimal body per route with one, and its routes outside organisations with the reason why.
 */
export type CrossTenantPart = {
  /** Path parameter name → id of a record of organisation A. */
  records?: Record<string, string>;
  /** Further ids of A that no answer to B may show. */
  ids?: string[];
  /** `METHOD /path` → a minimal valid body. */
  bodies?: Record<string, unknown>;
  /** `METHOD /path` → why the route reaches no organisation's data. */
  notTenantScoped?: Record<string, string>;
  /** Path parameter values for the routes outside organisations (e.g. a link code). */
  publicParams?: Record<string, string>;
};

export type CrossTenantSetup = (world: CrossTenantWorld) => Promise<CrossTenantPart>;
