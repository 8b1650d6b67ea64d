import { AppError } from '../../platform/errors';
import { createRouter } from '../../platform/http/app';
import { defineRoute } from '../../platform/http/route';
import { confirmEmailVerification } from './confirm-email-verification';
import { confirmPasswordReset } from './confirm-password-reset';
import { normaliseEmail } from './phone';
import { requestEmailVerification } from './request-email-verification';
import { requestPasswordReset } from './request-password-reset';
import { jsonBody, resetConfirmSchema, resetRequestSchema, tokenSchema } from './schemas';

const tags = ['Account'];

export const recoveryRoutes = createRouter()
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/password-reset/request',
      tags,
      summary: 'Email a password reset link',
      description: 'Answers 202 whether or not the email has an account.',
      access: { public: true },
      request: { body: jsonBody(resetRequestSchema) },
      responses: { 202: { description: 'If the email has an account, a link is on its way' } },
    }),
    async (c) => {
      const body = c.req.valid('json');
      await requestPasswordReset(c.get('services'), { email: normaliseEmail(body.email), app: body.app });
      return c.body(null, 202);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/password-reset/confirm',
      tags,
      summary: 'Set a new password with the token of a reset link',
      description: 'Lifts a sign-in lock and signs the account out everywhere.',
      access: { public: true },
      request: { body: jsonBody(resetConfirmSchema) },
      responses: { 204: { description: 'Password set' } },
    }),
    async (c) => {
      await confirmPasswordReset(c.get('services'), c.req.valid('json'));
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/email-verification/request',
      tags,
      summary: 'Email a link that verifies your email address',
      access: { session: 'any' },
      responses: { 202: { description: 'A link is on its way (nothing is sent when already verified)' } },
    }),
    async (c) => {
      const session = c.get('session');
      if (!session) throw new AppError('unauthenticated', 'Please sign in');
      await requestEmailVerification(c.get('services'), session.identityId);
      return c.body(null, 202);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/email-verification/confirm',
      tags,
      summary: 'Verify an email address with the token of its link',
      access: { public: true },
      request: { body: jsonBody(tokenSchema) },
      responses: { 204: { description: 'Verified' } },
    }),
    async (c) => {
      await confirmEmailVerification(c.get('services'), c.req.valid('json').token);
      return c.body(null, 204);
    },
  );
