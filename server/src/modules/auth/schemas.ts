import { z } from '@hono/zod-openapi';
import { PERMISSIONS, ROLE_NAMES } from '../../platform/permissions';

export const localeSchema = z.enum(['vi', 'en', 'th']);

const orgOfMeSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  role: z.enum(ROLE_NAMES),
});

export const meSchema = z
  .object({
    identity: z.object({
      id: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable().openapi({ description: 'E.164, e.g. +84901234567' }),
      fullName: z.string(),
      locale: localeSchema,
      emailVerified: z.boolean(),
      twoFactorEnabled: z.boolean(),
    }),
    app: z.enum(['staff', 'partner']),
    csrfToken: z.string().openapi({ description: 'Send it as X-CSRF-Token on requests that change state' }),
    orgs: z.array(orgOfMeSchema),
    currentOrg: orgOfMeSchema
      .extend({
        currency: z.string(),
        locale: localeSchema,
        timeZone: z.string(),
        requireTwoFactor: z.boolean(),
      })
      .nullable(),
    permissions: z.array(z.enum(PERMISSIONS)),
    twoFactorSetupRequired: z
      .boolean()
      .openapi({ description: 'The current organisation requires two-factor sign-in and it is not set up' }),
  })
  .openapi('Me');

export const signInResultSchema = z
  .discriminatedUnion('status', [
    z.object({ status: z.literal('signed_in'), me: meSchema }),
    z.object({ status: z.literal('two_factor_required') }),
  ])
  .openapi('SignInResult');

const password = z.string().min(1).max(200);

export const staffSignInSchema = z.object({ email: z.string().trim().min(3).max(320), password });
export const partnerSignInSchema = z.object({
  login: z.string().trim().min(3).max(320).openapi({ description: 'Phone number (VN or TH) or email' }),
  password,
});
export const profilePatchSchema = z.object({
  fullName: z.string().trim().min(1).max(200).optional(),
  locale: localeSchema.optional(),
});
export const switchOrgSchema = z.object({ orgId: z.string().min(1).max(100) });
export const changePasswordSchema = z.object({ currentPassword: password, newPassword: password });
export const resetRequestSchema = z.object({
  email: z.string().trim().min(3).max(320),
  app: z.enum(['staff', 'partner']).default('staff').openapi({ description: 'Which app the link opens' }),
});
export const resetConfirmSchema = z.object({ token: z.string().min(10).max(200), password });
export const tokenSchema = z.object({ token: z.string().min(10).max(200) });
export const codeSchema = z.object({
  code: z
    .string()
    .transform((value) => value.replace(/\s/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'Six digits'))
    .openapi({ description: 'The 6-digit code of the authenticator app', example: '123456' }),
});
export const twoFactorSetupSchema = z
  .object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() })
  .openapi('TwoFactorSetup');

/** A JSON request body, required (a form post without JSON is refused, not read as empty). */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
