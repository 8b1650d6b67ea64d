import { createRouter } from '../../platform/http/app';
import { invitationRoutes } from './invitation-routes';
import { memberRoutes } from './member-routes';
import { orgRoutes } from './org-routes';
import { staffGroupRoutes } from './staff-group-routes';

/** Organisation settings, staff, invitations and staff groups. */
export const routes = createRouter()
  .route('/', orgRoutes)
  .route('/', memberRoutes)
  .route('/', invitationRoutes)
  .route('/', staffGroupRoutes);
