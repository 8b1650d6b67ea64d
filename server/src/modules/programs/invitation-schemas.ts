import { z } from '@hono/zod-openapi';

export const newProgramInvitationSchema = z
  .object({
    email: z.email().max(320).optional(),
    phone: z.string().trim().min(6).max(30).optional(),
    fullName: z.string().trim().min(1).max(120).optional(),
  })
  .strict()
  .refine((body) => body.email || body.phone, {
    message: 'Give an email or a phone number',
    path: ['email'],
  });

export const programInvitationSchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    kind: z.enum(['personal', 'link']),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    fullName: z.string().nullable(),
    state: z.enum(['pending', 'accepted', 'expired', 'revoked']),
    expiresAt: z.string().nullable(),
    acceptedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('ProgramInvitation');

export const createdInvitationSchema = programInvitationSchema
  .extend({
    link: z.string().openapi({ description: 'The join link with its token; shown only in this answer' }),
    mailed: z.boolean(),
  })
  .openapi('CreatedProgramInvitation');

export const inviteLinkSchema = z
  .object({ link: z.string(), createdAt: z.string() })
  .openapi('ProgramInviteLink');
