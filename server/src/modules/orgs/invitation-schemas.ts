import { z } from '@hono/zod-openapi';
import { pageQuerySchema } from '../../platform/http/paging';
import { INVITATION_STATUSES } from './invitation-status';
import { roleSchema } from './schemas';

export const invitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: roleSchema,
    status: z.enum(INVITATION_STATUSES),
    invitedBy: z.string().nullable(),
    inviterName: z.string(),
    expiresAt: z.string(),
    acceptedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Invitation');

export const invitationQuerySchema = pageQuerySchema.extend({
  status: z.enum(INVITATION_STATUSES).optional(),
  role: roleSchema.optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['createdAt', 'email']).default('createdAt'),
});
export type InvitationQuery = z.infer<typeof invitationQuerySchema>;

export const newInvitationSchema = z
  .object({ email: z.email().max(200).toLowerCase(), role: roleSchema })
  .openapi('NewInvitation');

export const invitationPreviewSchema = z
  .object({
    orgName: z.string(),
    email: z.string(),
    role: roleSchema,
    inviterName: z.string(),
    accountExists: z.boolean(),
    status: z.enum(INVITATION_STATUSES),
  })
  .openapi('InvitationPreview');

export const acceptInvitationSchema = z
  .object({
    token: z.string().min(10).max(200),
    fullName: z.string().trim().min(2).max(120).optional(),
    password: z.string().min(1).max(200),
  })
  .openapi('AcceptInvitation');
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;
