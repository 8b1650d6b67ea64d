import { z } from '@hono/zod-openapi';
import { ENROLLMENT_STATUSES } from '../partners';
import { JOIN_MODES } from '../programs';

export const pageCodeParams = z.object({
  pageCode: z
    .string()
    .min(1)
    .max(20)
    .openapi({ param: { name: 'pageCode', in: 'path' }, example: 'HS7K2Q' }),
});

export const joinPageQuerySchema = z.object({
  ref: z.string().trim().max(40).optional().openapi({ description: 'Referral code of the recruiter' }),
  invite: z
    .string()
    .trim()
    .max(100)
    .optional()
    .openapi({ description: 'Invitation token from an invite link' }),
});

export const joinPageSchema = z
  .object({
    program: z.object({
      name: z.string(),
      description: z.string(),
      terms: z.string(),
      joinMode: z.enum(JOIN_MODES),
      currency: z.string(),
      joinForm: z.array(z.record(z.string(), z.unknown())),
    }),
    org: z.object({ name: z.string() }),
    referrer: z.object({ name: z.string(), code: z.string() }).nullable(),
    invitation: z
      .object({
        valid: z.boolean(),
        fullName: z.string().nullable(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
      })
      .nullable(),
    inviteRequired: z.boolean(),
  })
  .openapi('JoinPage');

export const codeRequestSchema = z
  .object({
    phone: z.string().trim().min(6).max(30).optional(),
    email: z.email().max(320).optional(),
  })
  .strict()
  .refine((body) => Boolean(body.phone) !== Boolean(body.email), 'Give either a phone number or an email');

export const codeSentSchema = z
  .object({ channel: z.enum(['sms', 'email']), expiresAt: z.string(), resendAfter: z.string() })
  .openapi('VerificationCodeSent');

export const bankAccountSchema = z
  .object({
    bankBin: z.string().regex(/^\d{6}$/, 'The 6-digit NAPAS BIN of the bank'),
    accountNumber: z.string().regex(/^\d{4,20}$/, '4–20 digits'),
    holderName: z.string().trim().min(2).max(120),
  })
  .strict();

export const joinFieldsSchema = z.object({
  fullName: z.string().trim().min(2).max(120),
  phone: z.string().trim().min(6).max(30).optional(),
  email: z.email().max(320).optional(),
  province: z.string().trim().min(1).max(100).optional(),
  dateOfBirth: z.iso.date().optional(),
  citizenId: z
    .string()
    .regex(/^\d{12}$/, 'The 12 digits of the citizen ID (CCCD)')
    .optional(),
  bankAccount: bankAccountSchema.optional(),
  socialLinks: z.array(z.url().max(300)).max(5).optional(),
  answers: z
    .record(z.string().regex(/^[a-z0-9_]{1,40}$/), z.union([z.string().max(2000), z.boolean()]))
    .optional()
    .openapi({ description: 'Answers to custom questions, by key (without "custom:")' }),
});
export type JoinFields = z.infer<typeof joinFieldsSchema>;

export const joinBodySchema = joinFieldsSchema
  .extend({
    ref: z.string().trim().max(40).optional(),
    invite: z.string().trim().max(100).optional(),
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'The 6-digit code'),
    password: z.string().max(200).optional(),
    /** Honeypot: hidden from people, filled by bots. Must stay empty. */
    website: z.string().max(500).optional(),
    acceptTerms: z.literal(true, { error: 'Accept the terms to join' }),
  })
  .strict();
export type JoinBody = z.infer<typeof joinBodySchema>;

export const joinResultSchema = z
  .object({
    status: z.enum(ENROLLMENT_STATUSES),
    referralCode: z.string(),
    signedIn: z.boolean(),
    csrfToken: z.string().nullable(),
  })
  .openapi('JoinResult');

export const newProgramPartnerSchema = z
  .object({
    fullName: z.string().trim().min(2).max(120),
    phone: z.string().trim().min(6).max(30).optional(),
    email: z.email().max(320).optional(),
    externalId: z.string().trim().min(1).max(100).optional(),
    referralCode: z.string().trim().max(20).optional(),
    uplineReferralCode: z.string().trim().max(40).optional(),
    groupId: z.string().min(1).max(60).optional(),
    careMemberId: z.string().min(1).max(60).optional(),
    status: z.enum(['pending', 'approved']).default('approved'),
  })
  .strict()
  .refine((body) => body.phone || body.email, {
    message: 'Give a phone number or an email',
    path: ['phone'],
  });
export type NewProgramPartner = z.infer<typeof newProgramPartnerSchema>;

export const programPartnerSchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    partnerId: z.string(),
    status: z.enum(ENROLLMENT_STATUSES),
    referralCode: z.string(),
    source: z.string(),
    groupId: z.string().nullable(),
    careMemberId: z.string().nullable(),
    uplineEnrollmentId: z.string().nullable(),
    externalId: z.string().nullable(),
    joinedAt: z.string(),
  })
  .openapi('ProgramEnrollment');
