import type { CrossTenantSetup } from './part';

/** Records of organisation A for the tracking routes. */
export const setup: CrossTenantSetup = async () => ({});
