import type { CrossTenantSetup } from './part';

/** Records of organisation A for the sales routes. */
export const setup: CrossTenantSetup = async () => ({});
