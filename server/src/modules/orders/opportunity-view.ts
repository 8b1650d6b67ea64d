import { z } from '@hono/zod-openapi';
import { OPPORTUNITY_STATUSES, type opportunities } from './schema';

export const opportunitySchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    enrollmentId: z.string(),
    customerName: z.string(),
    customerPhone: z.string().nullable(),
    customerEmail: z.string().nullable(),
    need: z.string(),
    currency: z.string(),
    estimatedValueMinor: z.string().nullable().openapi({ description: 'Integer minor units of `currency`' }),
    status: z.enum(OPPORTUNITY_STATUSES),
    statusReason: z.string().nullable().openapi({ description: 'Why it was lost' }),
    orderId: z.string().nullable().openapi({ description: 'The order a won opportunity became' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Opportunity');

export const staffOpportunitySchema = opportunitySchema
  .extend({
    partner: z.object({ partnerId: z.string(), name: z.string(), referralCode: z.string() }).nullable(),
    programName: z.string(),
  })
  .openapi('StaffOpportunity');

export type OpportunityRow = typeof opportunities.$inferSelect;

export function toOpportunityView(row: OpportunityRow) {
  return {
    id: row.id,
    programId: row.programId,
    enrollmentId: row.enrollmentId,
    customerName: row.customerName,
    customerPhone: row.customerPhone,
    customerEmail: row.customerEmail,
    need: row.need,
    currency: row.currency,
    estimatedValueMinor: row.estimatedValueMinor?.toString() ?? null,
    status: row.status,
    statusReason: row.statusReason,
    orderId: row.orderId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
