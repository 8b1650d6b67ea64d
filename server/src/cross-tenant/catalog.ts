import type { CrossTenantSetup } from './part';

/** Records of organisation A for the catalog routes. */
export const setup: CrossTenantSetup = async () => ({});
