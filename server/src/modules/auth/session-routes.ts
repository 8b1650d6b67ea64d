import type { Context } from 'hono';
import { AppError } from '../../platform/errors';
import { createRouter } from '../../platform/http/app';
import type { AppEnv } from '../../platform/http/env';
import { defineRoute } from '../../platform/http/route';
import { changePassword } from './change-password';
import { getMe } from './get-me';
import { normaliseEmail, normalisePhone } from './phone';
import { revokeSession, revokeSessionsOfIdentity } from './revoke-sessions';
import {
  changePasswordSchema,
  jsonBody,
  jsonContent,
  meSchema,
  partnerSignInSchema,
  profilePatchSchema,
  signInResultSchema,
  staffSignInSchema,
  switchOrgSchema,
} from './schemas';
import { clearSessionCookie, clientInfo, readSessionToken, setSessionCookie } from './session-cookie';
import { type SignInInput, type SignInOutcome, signIn, WRONG_CREDENTIALS } from './sign-in';
import { switchOrg } from './switch-org';
import { updateProfile } from './update-profile';

const tags = ['Account'];
const noContent = { 204: { description: 'Done' } };

/** Sets the cookie of a new session and shapes the sign-in answer. */
async function answerSignIn(c: Context<AppEnv>, outcome: SignInOutcome) {
  const services = c.get('services');
  setSessionCookie(c, {
    token: outcome.token,
    expiresAt: outcome.expiresAt,
    now: services.clock.now(),
    secure: services.config.secureCookies,
  });
  if (outcome.status === 'two_factor_required') return { status: 'two_factor_required' as const };
  return { status: 'signed_in' as const, me: await getMe(services, outcome.id) };
}

function signInInput(
  c: Context<AppEnv>,
  app: SignInInput['app'],
  login: SignInInput['login'],
  password: string,
) {
  return { app, login, password, client: clientInfo(c), previousToken: readSessionToken(c) };
}

function requireSession(c: Context<AppEnv>) {
  const session = c.get('session');
  if (!session) throw new AppError('unauthenticated', 'Please sign in');
  return session;
}

export const sessionRoutes = createRouter()
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/sign-in',
      tags,
      summary: 'Sign in to the staff app with email and password',
      access: { public: true },
      request: { body: jsonBody(staffSignInSchema) },
      responses: { 200: jsonContent(signInResultSchema, 'Signed in, or the two-factor code is needed next') },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const input = signInInput(c, 'staff', { email: normaliseEmail(body.email) }, body.password);
      return c.json(await answerSignIn(c, await signIn(c.get('services'), input)), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/partner/sign-in',
      tags,
      summary: 'Sign in to the partner app with phone number or email, and password',
      access: { public: true },
      request: { body: jsonBody(partnerSignInSchema) },
      responses: { 200: jsonContent(signInResultSchema, 'Signed in, or the two-factor code is needed next') },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const login = body.login.includes('@')
        ? { email: normaliseEmail(body.login) }
        : { phone: normalisePhone(body.login) };
      if (!login.email && !login.phone) throw new AppError('unauthenticated', WRONG_CREDENTIALS);
      const input = signInInput(c, 'partner', login, body.password);
      return c.json(await answerSignIn(c, await signIn(c.get('services'), input)), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/api/auth/me',
      tags,
      summary: 'The signed-in person, their organisations and permissions',
      access: { session: 'any' },
      responses: { 200: jsonContent(meSchema, 'Signed in') },
    }),
    async (c) => c.json(await getMe(c.get('services'), requireSession(c).id), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch',
      path: '/api/auth/me',
      tags,
      summary: 'Change your name or language',
      access: { session: 'any' },
      request: { body: jsonBody(profilePatchSchema) },
      responses: { 200: jsonContent(meSchema, 'Changed') },
    }),
    async (c) => {
      const session = requireSession(c);
      await updateProfile(c.get('services'), session.identityId, c.req.valid('json'));
      return c.json(await getMe(c.get('services'), session.id), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/switch-org',
      tags,
      summary: 'Switch the staff app to another of your organisations',
      access: { session: 'staff' },
      request: { body: jsonBody(switchOrgSchema) },
      responses: { 200: jsonContent(meSchema, 'Switched') },
    }),
    async (c) => {
      const session = requireSession(c);
      await switchOrg(c.get('services'), session, c.req.valid('json').orgId);
      return c.json(await getMe(c.get('services'), session.id), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/sign-out',
      tags,
      summary: 'Sign out of this browser (also a sign-in still waiting for its code)',
      access: { public: true },
      responses: noContent,
    }),
    async (c) => {
      const services = c.get('services');
      const session = c.get('session');
      if (session) await revokeSession(services, session.id);
      clearSessionCookie(c, services.config.secureCookies);
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/sign-out-everywhere',
      tags,
      summary: 'Sign out on every device',
      access: { session: 'any' },
      responses: noContent,
    }),
    async (c) => {
      const services = c.get('services');
      await revokeSessionsOfIdentity(services, requireSession(c).identityId);
      clearSessionCookie(c, services.config.secureCookies);
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/password',
      tags,
      summary: 'Change your password (signs out your other sessions)',
      access: { session: 'any' },
      request: { body: jsonBody(changePasswordSchema) },
      responses: noContent,
    }),
    async (c) => {
      await changePassword(c.get('services'), requireSession(c), c.req.valid('json'));
      return c.body(null, 204);
    },
  );
