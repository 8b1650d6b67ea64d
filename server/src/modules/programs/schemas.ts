import { z } from '@hono/zod-openapi';
import { pageQuerySchema } from '../../platform/http/paging';
import { SUPPORTED_CURRENCIES } from '../../platform/money';
import { ATTRIBUTION_MODELS, JOIN_MODES, PROGRAM_STATUSES } from './schema';
import { hostAllowed, isHostName } from './tracking-settings';

export const STANDARD_FIELD_KEYS = [
  'fullName',
  'phone',
  'email',
  'province',
  'dateOfBirth',
  'citizenId',
  'bankAccount',
  'socialLinks',
] as const;
const CUSTOM_KEY = /^custom:[a-z0-9_]{1,40}$/;

export const joinFormFieldSchema = z
  .object({
    key: z
      .string()
      .refine(
        (key) => (STANDARD_FIELD_KEYS as readonly string[]).includes(key) || CUSTOM_KEY.test(key),
        'Use a standard field or custom:<key> (lower-case letters, digits, _)',
      )
      .openapi({ example: 'phone' }),
    required: z.boolean(),
    label: z.string().trim().min(1).max(200).optional(),
    type: z.enum(['text', 'textarea', 'select', 'checkbox']).optional(),
    options: z.array(z.string().trim().min(1).max(100)).min(1).max(50).optional(),
  })
  .strict()
  .superRefine((field, issue) => {
    if (!field.key.startsWith('custom:')) return;
    if (!field.label)
      issue.addIssue({ code: 'custom', path: ['label'], message: 'A custom question needs a label' });
    if (field.type === 'select' && !field.options)
      issue.addIssue({ code: 'custom', path: ['options'], message: 'A choice question needs its options' });
  });

export const joinFormSchema = z
  .array(joinFormFieldSchema)
  .min(1)
  .max(40)
  .superRefine((fields, issue) => {
    const keys = fields.map((field) => field.key);
    keys.forEach((key, index) => {
      if (keys.indexOf(key) !== index)
        issue.addIssue({ code: 'custom', path: [index, 'key'], message: 'Each field only once' });
    });
    const fullName = fields.find((field) => field.key === 'fullName');
    if (!fullName?.required)
      issue.addIssue({
        code: 'custom',
        path: [],
        message: 'The form always asks for the full name (required)',
      });
    if (!fields.some((field) => (field.key === 'phone' || field.key === 'email') && field.required))
      issue.addIssue({ code: 'custom', path: [], message: 'The form needs a required phone or email field' });
  })
  .openapi('JoinForm');

export const autoApproveSchema = z
  .object({
    enabled: z.boolean(),
    requireVerifiedContact: z.boolean().optional(),
    requireReferrer: z.boolean().optional(),
    provinces: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
  })
  .strict()
  .openapi('AutoApproveRules');

const minorUnitsSchema = z
  .string()
  .regex(/^\d{1,15}$/, 'A whole number of minor units, e.g. "200000"')
  .openapi({ example: '200000' });

export const DEFAULT_JOIN_FORM = [
  { key: 'fullName', required: true },
  { key: 'phone', required: true },
  { key: 'email', required: false },
  { key: 'province', required: false },
] as const;

const webUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'An http:// or https:// address')
  .openapi({ example: 'https://shop.example.vn/' });

const allowedDomainsSchema = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .refine(isHostName, 'A host name such as shop.example.vn (no https://, no path)'),
  )
  .max(50)
  .openapi({
    description: "Host names partners' links may point to; a host also allows its subdomains",
    example: ['shop.example.vn'],
  });

/** Settings of links, clicks and attribution; shared by create and update. */
const trackingFields = {
  destinationUrl: webUrlSchema.nullable(),
  allowedDomains: allowedDomainsSchema,
  fallbackUrl: webUrlSchema.nullable(),
  attributionModel: z.enum(ATTRIBUTION_MODELS),
  customerOwnershipDays: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .nullable()
    .openapi({ description: 'Days a customer stays with the partner who brought them; null = for life' }),
  confirmAlertHours: z.number().int().min(1).max(720),
  codAlertDays: z.number().int().min(1).max(365),
};

type TrackingSettings = {
  destinationUrl?: string | null;
  allowedDomains?: string[];
  fallbackUrl?: string | null;
};

/**
 * The default destination and the fallback page must be on an allowed domain when domains are set,
 * or partners' default links would point where their own links may not.
 */
function checkTrackingSettings(settings: TrackingSettings, issue: z.RefinementCtx) {
  const domains = settings.allowedDomains ?? [];
  if (domains.length === 0) return;
  for (const key of ['destinationUrl', 'fallbackUrl'] as const) {
    const url = settings[key];
    if (url && !hostAllowed(new URL(url).hostname, domains))
      issue.addIssue({
        code: 'custom',
        path: [key],
        message: `Must be on an allowed domain (${domains.join(', ')})`,
      });
  }
}

export const newProgramSchema = z
  .object({
    name: z.string().trim().min(2).max(120),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/, 'Lower-case letters, digits and -')
      .optional(),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .refine((code) => SUPPORTED_CURRENCIES.includes(code), 'Unsupported currency')
      .optional(),
    description: z.string().max(5000).default(''),
    terms: z.string().max(50_000).default(''),
    joinMode: z.enum(JOIN_MODES).default('approval'),
    cookieDays: z.number().int().min(1).max(365).default(30),
    holdDays: z.number().int().min(0).max(365).default(30),
    minPayout: minorUnitsSchema.default('0'),
    maxUplineDepth: z.number().int().min(0).max(10).default(3),
    joinForm: joinFormSchema.optional(),
    autoApprove: autoApproveSchema.default({ enabled: false }),
    destinationUrl: trackingFields.destinationUrl.default(null),
    allowedDomains: trackingFields.allowedDomains.default([]),
    fallbackUrl: trackingFields.fallbackUrl.default(null),
    attributionModel: trackingFields.attributionModel.default('last_click'),
    customerOwnershipDays: trackingFields.customerOwnershipDays.default(null),
    confirmAlertHours: trackingFields.confirmAlertHours.default(24),
    codAlertDays: trackingFields.codAlertDays.default(7),
  })
  .strict()
  .superRefine(checkTrackingSettings);
export type NewProgram = z.infer<typeof newProgramSchema>;

export const programPatchSchema = z
  .object({
    name: newProgramSchema.shape.name,
    slug: newProgramSchema.shape.slug.unwrap(),
    currency: newProgramSchema.shape.currency.unwrap(),
    description: z.string().max(5000),
    terms: z.string().max(50_000),
    joinMode: z.enum(JOIN_MODES),
    cookieDays: z.number().int().min(1).max(365),
    holdDays: z.number().int().min(0).max(365),
    minPayout: minorUnitsSchema,
    maxUplineDepth: z.number().int().min(0).max(10),
    joinForm: joinFormSchema,
    autoApprove: autoApproveSchema,
    ...trackingFields,
  })
  .partial()
  .strict();
export type ProgramPatch = z.infer<typeof programPatchSchema>;

export const programStatusSchema = z.object({ status: z.enum(PROGRAM_STATUSES) }).strict();

export const programSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    pageCode: z.string(),
    joinUrl: z.string(),
    currency: z.string(),
    description: z.string(),
    terms: z.string(),
    joinMode: z.enum(JOIN_MODES),
    status: z.enum(PROGRAM_STATUSES),
    cookieDays: z.number().int(),
    holdDays: z.number().int(),
    minPayout: z.string().openapi({ description: 'Minor units of `currency`', example: '200000' }),
    maxUplineDepth: z.number().int(),
    joinForm: z.array(joinFormFieldSchema),
    autoApprove: autoApproveSchema,
    destinationUrl: z.string().nullable(),
    allowedDomains: z.array(z.string()),
    fallbackUrl: z.string().nullable(),
    attributionModel: z.enum(ATTRIBUTION_MODELS),
    customerOwnershipDays: z.number().int().nullable(),
    confirmAlertHours: z.number().int(),
    codAlertDays: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Program');

export const programQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  status: z.enum(PROGRAM_STATUSES).optional(),
  joinMode: z.enum(JOIN_MODES).optional(),
  sort: z.enum(['name', 'createdAt']).default('createdAt'),
});
export type ProgramQuery = z.infer<typeof programQuerySchema>;

export const programPageSchema = z
  .object({ items: z.array(programSchema), nextCursor: z.string().nullable() })
  .openapi('ProgramPage');

export const programIdParams = z.object({
  programId: z
    .string()
    .min(1)
    .max(60)
    .openapi({ param: { name: 'programId', in: 'path' }, example: 'prg_01jc8x0000abcdefghjkmnpqrs' }),
});
