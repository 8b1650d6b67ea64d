import { AppError } from '../../platform/errors';
import { createRouter } from '../../platform/http/app';
import { defineRoute } from '../../platform/http/route';
import { disableTwoFactor } from './disable-two-factor';
import { enableTwoFactor } from './enable-two-factor';
import { getMe } from './get-me';
import { codeSchema, jsonBody, jsonContent, signInResultSchema, twoFactorSetupSchema } from './schemas';
import { setSessionCookie } from './session-cookie';
import { setUpTwoFactor } from './set-up-two-factor';
import { verifySecondFactor } from './verify-second-factor';

const tags = ['Account'];

export const twoFactorRoutes = createRouter()
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/two-factor/setup',
      tags,
      summary: 'Start setting up two-factor sign-in (TOTP)',
      description: 'Returns a new secret and its QR code; it takes effect once enabled with a code.',
      access: { session: 'staff' },
      responses: { 200: jsonContent(twoFactorSetupSchema, 'Scan the QR code with an authenticator app') },
    }),
    async (c) => c.json(await setUpTwoFactor(c.get('services'), c.get('session')!.identityId), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/two-factor/enable',
      tags,
      summary: 'Turn two-factor sign-in on with a first code (signs out your other sessions)',
      access: { session: 'staff' },
      request: { body: jsonBody(codeSchema) },
      responses: { 204: { description: 'Two-factor sign-in is on' } },
    }),
    async (c) => {
      await enableTwoFactor(c.get('services'), c.get('session')!, c.req.valid('json').code);
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/two-factor/disable',
      tags,
      summary: 'Turn two-factor sign-in off with a current code',
      access: { session: 'staff' },
      request: { body: jsonBody(codeSchema) },
      responses: { 204: { description: 'Two-factor sign-in is off' } },
    }),
    async (c) => {
      await disableTwoFactor(c.get('services'), c.get('session')!.identityId, c.req.valid('json').code);
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/two-factor/verify',
      tags,
      summary: 'Complete a sign-in with the code of your authenticator app',
      description: 'Needs the cookie of a sign-in that answered `two_factor_required`.',
      access: { public: true },
      request: { body: jsonBody(codeSchema) },
      responses: { 200: jsonContent(signInResultSchema, 'Signed in') },
    }),
    async (c) => {
      const services = c.get('services');
      const session = c.get('session');
      if (!session?.pendingSecondFactor)
        throw new AppError('unauthenticated', 'Sign in with your password first');
      const { token, expiresAt } = await verifySecondFactor(services, session.id, c.req.valid('json').code);
      setSessionCookie(c, {
        token,
        expiresAt,
        now: services.clock.now(),
        secure: services.config.secureCookies,
      });
      return c.json({ status: 'signed_in' as const, me: await getMe(services, session.id) }, 200);
    },
  );
