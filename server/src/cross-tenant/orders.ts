import type { CrossTenantSetup } from './part';

/** Records of organisation A for the orders routes. */
export const setup: CrossTenantSetup = async () => ({});
