import { createRouter } from '../../platform/http/app';
import { recoveryRoutes } from './recovery-routes';
import { sessionRoutes } from './session-routes';
import { twoFactorRoutes } from './two-factor-routes';

/** Sign-in, sessions, the signed-in person, password reset, email verification, two-factor sign-in. */
export const routes = createRouter();
routes.route('/', sessionRoutes);
routes.route('/', recoveryRoutes);
routes.route('/', twoFactorRoutes);
