import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors';
import { type Permission, roleCan } from '../permissions';
import type { AppEnv } from './env';

export type Access = { permission: Permission } | { public: true } | { session: 'any' | 'staff' | 'partner' };

/**
 * Enforces a route's declared access after authentication has run. Organisation routes need a
 * tenant (staff session with a current organisation, or an API key) whose role holds the permission.
 */
export function authorize(access: Access): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if ('public' in access) return next();
    const session = c.get('session');
    if ('session' in access) {
      if (!session || session.pendingSecondFactor) throw new AppError('unauthenticated', 'Please sign in');
      if (access.session !== 'any' && session.app !== access.session) {
        throw new AppError('forbidden', 'This is not available in this app');
      }
      return next();
    }
    const tenant = c.get('tenant');
    if (!tenant) {
      if (session?.twoFactorSetupRequired && !session.pendingSecondFactor) {
        throw new AppError(
          'forbidden',
          'This organisation requires two-factor sign-in: turn it on in your account first',
        );
      }
      if (session && !session.pendingSecondFactor && session.app === 'staff') {
        throw new AppError('forbidden', 'Choose an organisation first');
      }
      throw new AppError('unauthenticated', 'Please sign in or send an API key');
    }
    const role = tenant.actor.type === 'system' ? 'owner' : tenant.actor.role;
    c.set('permission', access.permission);
    if (!roleCan(role, access.permission)) {
      throw new AppError('forbidden', 'Your role does not allow this', {
        internal: `role ${role} lacks ${access.permission}`,
      });
    }
    return next();
  };
}
