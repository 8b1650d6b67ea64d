import { z } from '@hono/zod-openapi';
import { pageQuerySchema } from '../../platform/http/paging';
import { DELIVERY_STATUSES, WEBHOOK_SOURCE_KINDS } from './schema';

const id = (name: string, example: string) =>
  z
    .string()
    .min(1)
    .max(60)
    .openapi({ param: { name, in: 'path' }, example });

export const sourceIdParams = z.object({
  webhookSourceId: id('webhookSourceId', 'whs_01jc8x0000abcdefghjkmnpqrs'),
});
export const deliveryIdParams = z.object({
  webhookDeliveryId: id('webhookDeliveryId', 'whd_01jc8x0000abcdefghjkmnpqrs'),
});

const secret = z
  .string()
  .trim()
  .min(8, 'Paste the whole secret from the platform')
  .max(500)
  .openapi({ description: 'The signing secret shown by Shopify or WooCommerce' });
const programId = z.string().trim().min(1).max(60);

export const newSourceSchema = z
  .object({
    kind: z.enum(WEBHOOK_SOURCE_KINDS),
    name: z.string().trim().min(1).max(120),
    programId: programId.optional(),
    status: z.enum(['active', 'disabled']).default('active'),
    secret: secret.optional().openapi({
      description: 'Shopify and WooCommerce: the signing secret. Postback: leave out, Kênh makes one.',
    }),
  })
  .strict()
  .superRefine((input, issue) => {
    if (input.kind !== 'postback' && !input.secret)
      issue.addIssue({
        code: 'custom',
        path: ['secret'],
        message: 'Paste the signing secret from the platform',
      });
    if (input.kind === 'postback' && input.secret)
      issue.addIssue({ code: 'custom', path: ['secret'], message: 'Kênh makes the postback token itself' });
  })
  .openapi('NewWebhookSource');
export type NewSource = z.infer<typeof newSourceSchema>;

export const sourcePatchSchema = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    programId: programId.nullable().optional(),
    status: z.enum(['active', 'disabled']).optional(),
    secret: secret.optional().openapi({ description: 'Shopify and WooCommerce: a new signing secret' }),
  })
  .strict()
  .openapi('WebhookSourcePatch');
export type SourcePatch = z.infer<typeof sourcePatchSchema>;

export const sourceSchema = z
  .object({
    id: z.string(),
    kind: z.enum(WEBHOOK_SOURCE_KINDS),
    name: z.string(),
    programId: z.string().nullable(),
    status: z.enum(['active', 'disabled']),
    deliveryUrl: z.string().openapi({
      description:
        'Where the platform sends its webhooks. A postback adds `?token=<token>` or sends the header `X-Kenh-Token`.',
    }),
    lastDeliveryAt: z.string().nullable(),
    deliveriesLast24h: z.number().int(),
    failuresLast24h: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('WebhookSource');

export const sourceWithSecretSchema = z
  .object({
    source: sourceSchema,
    secret: z
      .string()
      .nullable()
      .openapi({ description: 'The postback token, shown this once; null otherwise' }),
    postbackUrl: z
      .string()
      .nullable()
      .openapi({ description: 'The postback URL with its token, shown this once' }),
  })
  .openapi('WebhookSourceCreated');

export const sourceQuerySchema = pageQuerySchema.extend({
  kind: z.enum(WEBHOOK_SOURCE_KINDS).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});
export type SourceQuery = z.infer<typeof sourceQuerySchema>;

export const sourcePageSchema = z
  .object({ items: z.array(sourceSchema), nextCursor: z.string().nullable() })
  .openapi('WebhookSourcePage');

export const deliverySummarySchema = z
  .object({
    id: z.string(),
    sourceId: z.string(),
    topic: z.string(),
    platformEventId: z.string().nullable(),
    status: z.enum(DELIVERY_STATUSES),
    error: z.string().nullable(),
    attempts: z.number().int(),
    orderId: z.string().nullable(),
    receivedAt: z.string(),
    processedAt: z.string().nullable(),
  })
  .openapi('WebhookDeliverySummary');

export const deliverySchema = deliverySummarySchema
  .extend({
    headers: z.record(z.string(), z.string()),
    body: z.string().openapi({ description: 'The body as received (at most a few KB for refused ones)' }),
  })
  .openapi('WebhookDelivery');

export const deliveryQuerySchema = pageQuerySchema.extend({
  status: z.enum(DELIVERY_STATUSES).optional(),
});
export type DeliveryQuery = z.infer<typeof deliveryQuerySchema>;

export const deliveryPageSchema = z
  .object({ items: z.array(deliverySummarySchema), nextCursor: z.string().nullable() })
  .openapi('WebhookDeliveryPage');
