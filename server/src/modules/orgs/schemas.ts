import { z } from '@hono/zod-openapi';
import { pageQuerySchema } from '../../platform/http/paging';
import { ROLE_NAMES } from '../../platform/permissions';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const LOCALES = ['vi', 'en', 'th'] as const;
export const roleSchema = z.enum(ROLE_NAMES).openapi({ example: 'care_staff' });
export const idParam = (name: string, example: string) =>
  z
    .string()
    .min(1)
    .max(60)
    .openapi({ param: { name, in: 'path' }, example });

export const orgSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    currency: z.string(),
    locale: z.enum(LOCALES),
    timeZone: z.string(),
    requireTwoFactor: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('Organisation');

export const orgPatchSchema = z
  .object({
    name: z.string().trim().min(2).max(120).optional(),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/, 'Use 1–60 lowercase letters, digits and dashes')
      .optional(),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .refine((value) => CURRENCIES.has(value), 'Not an ISO 4217 currency code')
      .optional()
      .openapi({ example: 'VND' }),
    locale: z.enum(LOCALES).optional(),
    timeZone: z
      .string()
      .trim()
      .refine(isTimeZone, 'Not an IANA time zone')
      .optional()
      .openapi({ example: 'Asia/Ho_Chi_Minh' }),
    requireTwoFactor: z.boolean().optional(),
  })
  .strict();
export type OrgPatch = z.infer<typeof orgPatchSchema>;

export const newOrgSchema = z.object({ name: z.string().trim().min(2).max(120) });

export const memberSchema = z
  .object({
    id: z.string(),
    identityId: z.string(),
    fullName: z.string(),
    email: z.string().nullable(),
    role: roleSchema,
    status: z.enum(['active', 'disabled']),
    twoFactorEnabled: z.boolean(),
    groups: z.array(z.object({ id: z.string(), name: z.string() })),
    createdAt: z.string(),
  })
  .openapi('Member');

export const memberQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  role: roleSchema.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  sort: z.enum(['name', 'createdAt']).default('createdAt'),
});
export type MemberQuery = z.infer<typeof memberQuerySchema>;

export const memberPatchSchema = z
  .object({ role: roleSchema.optional(), status: z.enum(['active', 'disabled']).optional() })
  .strict();
export type MemberPatch = z.infer<typeof memberPatchSchema>;

export const listOf = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() }).openapi(name);
