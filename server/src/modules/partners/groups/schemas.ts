import { z } from '@hono/zod-openapi';
import { pageQuerySchema } from '../../../platform/http/paging';

export const partnerGroupSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    enrollmentCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('PartnerGroup');

export const partnerGroupQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type PartnerGroupQuery = z.infer<typeof partnerGroupQuerySchema>;

export const newPartnerGroupSchema = z
  .object({
    name: z.string().trim().min(1).max(80).openapi({ example: 'Vàng' }),
    description: z.string().trim().max(500).optional(),
  })
  .strict();
export type NewPartnerGroup = z.infer<typeof newPartnerGroupSchema>;

export const partnerGroupPatchSchema = newPartnerGroupSchema.partial().strict();
export type PartnerGroupPatch = z.infer<typeof partnerGroupPatchSchema>;

export const deletePartnerGroupQuerySchema = z.object({
  detachMembers: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .openapi({ description: 'Confirms that enrollments in the group are moved to no group' }),
});
