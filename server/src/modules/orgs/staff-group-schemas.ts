import { z } from '@hono/zod-openapi';
import { pageQuerySchema } from '../../platform/http/paging';
import { roleSchema } from './schemas';

export const staffGroupSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    memberCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('StaffGroup');

export const staffGroupDetailSchema = staffGroupSchema
  .extend({
    members: z.array(
      z.object({ id: z.string(), fullName: z.string(), email: z.string().nullable(), role: roleSchema }),
    ),
  })
  .openapi('StaffGroupDetail');

export const staffGroupQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['name', 'createdAt']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type StaffGroupQuery = z.infer<typeof staffGroupQuerySchema>;

export const newStaffGroupSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    description: z.string().trim().max(500).nullable().optional(),
  })
  .strict();
export type NewStaffGroup = z.infer<typeof newStaffGroupSchema>;

export const staffGroupPatchSchema = newStaffGroupSchema.partial().strict();
export type StaffGroupPatch = z.infer<typeof staffGroupPatchSchema>;

export const staffGroupMembersSchema = z
  .object({
    memberIds: z
      .array(z.string().min(1).max(60))
      .max(1000)
      .refine((ids) => new Set(ids).size === ids.length, 'Each member only once'),
  })
  .strict();
