import { z } from '@hono/zod-openapi';
import { pathId } from '../../platform/http/openapi';
import { pageQuerySchema } from '../../platform/http/paging';
import { REASON_REQUIRED } from './enrollment-status-rules';
import { MAX_BULK_IDS } from './run-bulk';
import { ENROLLMENT_SOURCES, ENROLLMENT_STATUSES } from './schema-enrollments';

export { pathId };

const id = z.string().trim().min(1).max(60);
const reason = z.string().trim().max(500);

export const enrollmentParams = z.object({
  enrollmentId: pathId('enrollmentId', 'enr_01jc8x0000abcdefghjkmnpqrs'),
});
export const partnerParams = z.object({ partnerId: pathId('partnerId', 'ptr_01jc8x0000abcdefghjkmnpqrs') });

export const enrollmentSchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    partnerId: z.string(),
    status: z.enum(ENROLLMENT_STATUSES),
    statusReason: z.string().nullable(),
    statusChangedAt: z.string(),
    referralCode: z.string(),
    groupId: z.string().nullable(),
    careMemberId: z.string().nullable(),
    uplineEnrollmentId: z.string().nullable(),
    source: z.enum(ENROLLMENT_SOURCES),
    externalId: z.string().nullable(),
    joinedAt: z.string(),
    approvedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('Enrollment');

export const statusChangeSchema = z
  .object({
    status: z.enum(ENROLLMENT_STATUSES).openapi({ example: 'approved' }),
    reason: reason
      .nullable()
      .optional()
      .openapi({ description: 'Required for rejected, suspended and banned' }),
  })
  .strict()
  .superRefine((value, issues) => {
    if (REASON_REQUIRED.includes(value.status) && !value.reason) {
      issues.addIssue({
        code: 'custom',
        path: ['reason'],
        message: `A reason is needed to set ${value.status}`,
      });
    }
  });

const enrollmentIds = z
  .array(id)
  .min(1)
  .max(MAX_BULK_IDS)
  .refine((ids) => new Set(ids).size === ids.length, 'Each enrollment only once');

export const bulkStatusSchema = z
  .object({ enrollmentIds, status: z.enum(['approved', 'rejected']), reason: reason.nullable().optional() })
  .strict()
  .superRefine((value, issues) => {
    if (value.status === 'rejected' && !value.reason) {
      issues.addIssue({ code: 'custom', path: ['reason'], message: 'A reason is needed to reject' });
    }
  });

export const enrollmentPatchSchema = z
  .object({
    referralCode: z.string().trim().min(1).max(40).optional().openapi({ example: 'MAI2026' }),
    groupId: id.nullable().optional(),
    careMemberId: id.nullable().optional(),
    externalId: z.string().trim().min(1).max(100).nullable().optional(),
  })
  .strict();

export const uplineMoveSchema = z
  .object({
    uplineReferralCode: z.string().trim().min(1).max(40).nullable().openapi({ example: 'LAN7K2' }),
    reason: reason.min(1),
  })
  .strict();

export const bulkGroupSchema = z.object({ enrollmentIds, groupId: id.nullable() }).strict();

const tagIds = z
  .array(id)
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, 'Each tag only once');
export const bulkTagsSchema = z
  .object({ enrollmentIds, add: tagIds.default([]), remove: tagIds.default([]) })
  .strict()
  .superRefine((value, issues) => {
    if (value.add.length + value.remove.length === 0) {
      issues.addIssue({ code: 'custom', path: ['add'], message: 'Add or remove at least one tag' });
    }
    value.remove.forEach((tagId, index) => {
      if (value.add.includes(tagId)) {
        issues.addIssue({ code: 'custom', path: ['remove', index], message: 'Both added and removed' });
      }
    });
  });

export const bulkCareSchema = z.union([
  z.object({ enrollmentIds, memberId: id }).strict(),
  z.object({ enrollmentIds, staffGroupId: id, mode: z.literal('round_robin') }).strict(),
]);

const bulkResult = (extra: z.ZodObject, name: string) =>
  z
    .object({
      results: z.array(
        z
          .object({
            enrollmentId: z.string(),
            ok: z.boolean(),
            error: z.object({ code: z.string(), message: z.string() }).optional(),
          })
          .extend(extra.partial().shape),
      ),
      succeeded: z.number().int(),
      failed: z.number().int(),
    })
    .openapi(name);

export const bulkStatusResultSchema = bulkResult(
  z.object({ status: z.enum(ENROLLMENT_STATUSES) }),
  'BulkStatusResult',
);
export const bulkGroupResultSchema = bulkResult(z.object({ changed: z.boolean() }), 'BulkGroupResult');
export const bulkTagsResultSchema = bulkResult(
  z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
  'BulkTagsResult',
);
export const bulkCareResultSchema = bulkResult(
  z.object({ careMemberId: z.string(), changed: z.boolean() }),
  'BulkCareResult',
);

export const pendingQuerySchema = pageQuerySchema.omit({ order: true }).extend({ programId: id.optional() });
export const pendingPageSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        joinedAt: z.string(),
        source: z.enum(ENROLLMENT_SOURCES),
        referralCode: z.string(),
        partner: z.object({
          id: z.string(),
          fullName: z.string(),
          phone: z.string().nullable().openapi({ example: '+8490•••4567' }),
          email: z.string().nullable(),
        }),
        program: z.object({ id: z.string(), name: z.string() }),
        upline: z
          .object({ id: z.string(), referralCode: z.string(), fullName: z.string().nullable() })
          .nullable(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .openapi('PendingEnrollmentPage');

export const plainPageQuerySchema = pageQuerySchema.omit({ order: true });
