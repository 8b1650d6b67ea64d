import { setup as catalog } from './catalog';
import { setup as commissionReports } from './commission-reports';
import { setup as commissions } from './commissions';
import { setup as integrations } from './integrations';
import { setup as orders } from './orders';
import type { CrossTenantSetup } from './part';
import { setup as payouts } from './payouts';
import { setup as sales } from './sales';
import { setup as tracking } from './tracking';

export type { CrossTenantPart, CrossTenantSetup, CrossTenantWorld } from './part';

/** Every module's part, run in this order (later parts may use what earlier ones created). */
export const PARTS: CrossTenantSetup[] = [
  catalog,
  tracking,
  orders,
  integrations,
  sales,
  commissions,
  commissionReports,
  payouts,
];
