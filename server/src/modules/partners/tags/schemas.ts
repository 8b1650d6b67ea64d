import { z } from '@hono/zod-openapi';
import { pageQuerySchema } from '../../../platform/http/paging';

export const TAG_COLORS = [
  'gray',
  'red',
  'orange',
  'yellow',
  'green',
  'teal',
  'blue',
  'purple',
  'pink',
] as const;

export const partnerTagSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    color: z.enum(TAG_COLORS),
    enrollmentCount: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('PartnerTag');

export const partnerTagQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type PartnerTagQuery = z.infer<typeof partnerTagQuerySchema>;

export const newPartnerTagSchema = z
  .object({
    name: z.string().trim().min(1).max(50).openapi({ example: 'Khách sỉ' }),
    color: z.enum(TAG_COLORS).optional(),
  })
  .strict();
export type NewPartnerTag = z.infer<typeof newPartnerTagSchema>;

export const partnerTagPatchSchema = newPartnerTagSchema.partial().strict();
export type PartnerTagPatch = z.infer<typeof partnerTagPatchSchema>;
