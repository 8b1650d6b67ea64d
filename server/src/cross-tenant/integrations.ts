import type { CrossTenantSetup } from './part';

/** Records of organisation A for the integrations routes. */
export const setup: CrossTenantSetup = async () => ({});
