import { z } from '@hono/zod-openapi';
import { pageQuerySchema } from '../../../platform/http/paging';
import { ENROLLMENT_SOURCES, ENROLLMENT_STATUSES } from '../schema-enrollments';

const statusSchema = z.enum(ENROLLMENT_STATUSES);
const id = z.string().trim().min(1).max(60);

/** `status=approved&status=pending` or `status=approved,pending`. */
const statusListSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.split(',')).map((item) => item.trim()))
  .pipe(z.array(statusSchema).max(ENROLLMENT_STATUSES.length))
  .optional()
  .openapi({ description: 'One or more statuses (repeat the parameter or separate with commas)' });

const booleanFlag = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .optional();

/** The directory's filters: the query of the list and exports, and the body of saved views. */
export const directoryFilterSchema = z.object({
  q: z.string().trim().min(1).max(100).optional().openapi({
    description: 'Name or word of the name, phone (also 090…), email, referral code or partner id',
  }),
  programId: id.optional(),
  status: statusListSchema,
  groupId: id.optional(),
  tagId: id.optional(),
  careMemberId: id.optional(),
  mine: booleanFlag.openapi({ description: 'Only partners cared for by the signed-in staff member' }),
  province: z.string().trim().min(1).max(80).optional(),
  joinedFrom: z.iso.datetime({ offset: true }).optional().openapi({ example: '2026-01-01T00:00:00+07:00' }),
  joinedTo: z.iso.datetime({ offset: true }).optional(),
  uplineEnrollmentId: id.optional(),
  sort: z.enum(['joinedAt', 'name', 'code']).default('joinedAt'),
});
export type DirectoryFilters = z.infer<typeof directoryFilterSchema>;

export const directoryQuerySchema = pageQuerySchema.extend(directoryFilterSchema.shape);
export type DirectoryQuery = z.infer<typeof directoryQuerySchema>;

const ref = z.object({ id: z.string(), name: z.string() });

export const directoryRowSchema = z
  .object({
    enrollmentId: z.string(),
    partnerId: z.string(),
    fullName: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    referralCode: z.string(),
    externalId: z.string().nullable(),
    program: ref,
    status: statusSchema,
    group: ref.nullable(),
    tags: z.array(z.object({ id: z.string(), name: z.string(), color: z.string() })),
    careMember: z.object({ id: z.string(), fullName: z.string() }).nullable(),
    province: z.string().nullable(),
    uplineEnrollmentId: z.string().nullable(),
    uplineReferralCode: z.string().nullable(),
    source: z.enum(ENROLLMENT_SOURCES),
    joinedAt: z.string(),
  })
  .openapi('PartnerDirectoryRow');
export type DirectoryRow = z.infer<typeof directoryRowSchema>;

export const partnerPageSchema = z
  .object({
    id: z.string(),
    identityId: z.string(),
    fullName: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    hasPassword: z.boolean(),
    anonymised: z.boolean(),
    profile: z.object({
      province: z.string().nullable(),
      socialLinks: z.array(z.string()),
      citizenIdMasked: z.string().nullable(),
      bankBin: z.string().nullable(),
      bankAccountMasked: z.string().nullable(),
      bankVerifiedAt: z.string().nullable(),
    }),
    enrollments: z.array(
      directoryRowSchema.omit({ fullName: true, phone: true, email: true, partnerId: true }).extend({
        downline: z.object({ direct: z.number().int(), total: z.number().int() }),
      }),
    ),
    notesCount: z.number().int(),
  })
  .openapi('PartnerDetail');

export const newPartnerSchema = z
  .object({
    fullName: z.string().trim().min(1).max(120),
    phone: z.string().trim().max(30).optional(),
    email: z.email().max(254).optional(),
    programId: id,
    uplineReferralCode: z.string().trim().max(20).optional(),
    referralCode: z.string().trim().max(20).optional(),
    externalId: z.string().trim().min(1).max(100).optional(),
    province: z.string().trim().min(1).max(80).optional(),
    status: z.enum(['pending', 'approved']).default('approved'),
  })
  .strict()
  .refine((value) => value.phone || value.email, {
    message: 'Give a phone number or an email',
    path: ['phone'],
  });
export type NewPartner = z.infer<typeof newPartnerSchema>;

/** Filters as a saved view keeps them (JSON values rather than query strings). */
export const savedFiltersSchema = z
  .object({
    q: z.string().trim().min(1).max(100).optional(),
    programId: id.optional(),
    status: z.array(statusSchema).max(ENROLLMENT_STATUSES.length).optional(),
    groupId: id.optional(),
    tagId: id.optional(),
    careMemberId: id.optional(),
    mine: z.boolean().optional(),
    province: z.string().trim().min(1).max(80).optional(),
    joinedFrom: z.iso.datetime({ offset: true }).optional(),
    joinedTo: z.iso.datetime({ offset: true }).optional(),
    uplineEnrollmentId: id.optional(),
    sort: z.enum(['joinedAt', 'name', 'code']).optional(),
    order: z.enum(['asc', 'desc']).optional(),
  })
  .strict();

export const savedViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    filters: savedFiltersSchema,
    shared: z.boolean(),
    mine: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('SavedView');

export const savedViewBodySchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    filters: savedFiltersSchema,
    shared: z.boolean().default(false),
  })
  .strict();
export type SavedViewBody = z.infer<typeof savedViewBodySchema>;
export const savedViewPatchSchema = z
  .object({
    name: z.string().trim().min(1).max(80).optional(),
    filters: savedFiltersSchema.optional(),
    shared: z.boolean().optional(),
  })
  .strict();
export type SavedViewPatch = z.infer<typeof savedViewPatchSchema>;
