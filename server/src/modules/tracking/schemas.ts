import { z } from '@hono/zod-openapi';
import { pageQuerySchema } from '../../platform/http/paging';
import { DEVICE_TYPES, LINK_STATUSES } from './schema';

const id = (name: string, example: string) =>
  z
    .string()
    .min(1)
    .max(60)
    .openapi({ param: { name, in: 'path' }, example });

export const linkIdParams = z.object({ linkId: id('linkId', 'lnk_01jc8x0000abcdefghjkmnpqrs') });
export const couponIdParams = z.object({ couponId: id('couponId', 'cpn_01jc8x0000abcdefghjkmnpqrs') });

const tag = z.string().trim().min(1).max(100);
export const subIdsSchema = z
  .object({ sub1: tag, sub2: tag, sub3: tag, sub4: tag, sub5: tag })
  .partial()
  .strict()
  .openapi('SubIds', {
    description: 'Up to five free tags reported with the clicks (≤ 100 characters each)',
  });
export const utmSchema = z
  .object({ source: tag, medium: tag, campaign: tag, term: tag, content: tag })
  .partial()
  .strict()
  .openapi('UtmTags', { description: 'Added to the destination as utm_source, utm_medium …' });

export const linkSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    shortUrl: z.string().openapi({ example: 'https://kenh.example.vn/r/k7m2xq9' }),
    programId: z.string(),
    enrollmentId: z.string(),
    productId: z.string().nullable(),
    destinationUrl: z.string(),
    title: z.string(),
    subIds: subIdsSchema,
    utm: utmSchema,
    isDefault: z.boolean(),
    status: z.enum(LINK_STATUSES),
    createdAt: z.string(),
    clicks: z.number().int().optional().openapi({ description: 'Clicks of the last 30 days' }),
  })
  .openapi('Link');

export const staffLinkSchema = linkSchema
  .extend({ partnerName: z.string(), referralCode: z.string(), programName: z.string() })
  .openapi('StaffLink');

export const newLinkSchema = z
  .object({
    enrollmentId: z.string().min(1).max(60),
    productId: z.string().min(1).max(60).optional(),
    destinationUrl: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .openapi({ example: 'https://shop.example.vn/sale' }),
    title: z.string().trim().max(120).optional(),
    subIds: subIdsSchema.optional(),
    utm: utmSchema.optional(),
  })
  .strict();
export type NewLink = z.infer<typeof newLinkSchema>;

export const linkPatchSchema = z
  .object({ title: z.string().trim().max(120), status: z.enum(LINK_STATUSES) })
  .partial()
  .strict();
export type LinkPatch = z.infer<typeof linkPatchSchema>;

export const staffLinkPatchSchema = z.object({ status: z.enum(LINK_STATUSES) }).strict();

export const myLinksQuerySchema = pageQuerySchema.extend({ enrollmentId: z.string().min(1).max(60) });
export const linksQuerySchema = pageQuerySchema.extend({
  programId: z.string().max(60).optional(),
  enrollmentId: z.string().max(60).optional(),
  status: z.enum(LINK_STATUSES).optional(),
  q: z.string().trim().max(100).optional().openapi({ description: 'Code, title or destination' }),
});
export type LinksQuery = z.infer<typeof linksQuerySchema>;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD')
  .openapi({ example: '2026-11-01' });

export const myClicksQuerySchema = z.object({
  enrollmentId: z.string().min(1).max(60),
  linkId: z.string().max(60).optional(),
  from: day.optional(),
  to: day.optional(),
});
export const clicksReportQuerySchema = z.object({
  groupBy: z.enum(['day', 'partner', 'link']).default('day'),
  from: day.optional(),
  to: day.optional(),
  programId: z.string().max(60).optional(),
});
export type ClicksReportQuery = z.infer<typeof clicksReportQuerySchema>;

export const clickCountsSchema = z.object({
  total: z.number().int(),
  unique: z
    .number()
    .int()
    .openapi({ description: 'First clicks of a visitor on a link within an hour, bots excluded' }),
  bots: z.number().int(),
});
export const myClicksSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    days: z.array(clickCountsSchema.extend({ day: z.string() })),
    totals: clickCountsSchema,
  })
  .openapi('MyClicks');
export const clicksReportSchema = z
  .object({
    groupBy: z.enum(['day', 'partner', 'link']),
    from: z.string(),
    to: z.string(),
    rows: z.array(
      clickCountsSchema.extend({
        key: z.string().openapi({ description: 'The day, enrollment id or link id' }),
        label: z.string(),
        impressions: z
          .number()
          .int()
          .openapi({ description: 'Impressions (pixel and reported), bots excluded' }),
      }),
    ),
    totals: clickCountsSchema.extend({ impressions: z.number().int() }),
    devices: z.array(z.object({ deviceType: z.enum(DEVICE_TYPES), total: z.number().int() })),
  })
  .openapi('ClicksReport');

export const couponSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    programId: z.string(),
    enrollmentId: z.string(),
    partnerName: z.string(),
    referralCode: z.string(),
    description: z.string(),
    status: z.enum(LINK_STATUSES),
    createdAt: z.string(),
  })
  .openapi('Coupon');
export const newCouponSchema = z
  .object({
    enrollmentId: z.string().min(1).max(60),
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{2,39}$/, '3–40 letters, digits, - or _')
      .openapi({ example: 'HOA10' }),
    description: z.string().trim().max(300).default(''),
  })
  .strict();
export type NewCoupon = z.infer<typeof newCouponSchema>;
export const couponPatchSchema = z
  .object({ description: z.string().trim().max(300), status: z.enum(LINK_STATUSES) })
  .partial()
  .strict();
export type CouponPatch = z.infer<typeof couponPatchSchema>;
export const couponsQuerySchema = pageQuerySchema.extend({
  programId: z.string().max(60).optional(),
  enrollmentId: z.string().max(60).optional(),
  status: z.enum(LINK_STATUSES).optional(),
  q: z.string().trim().max(40).optional(),
});
export type CouponsQuery = z.infer<typeof couponsQuerySchema>;

const trackCustomer = z
  .object({
    externalId: z.string().trim().max(100),
    name: z.string().trim().max(120),
    phone: z.string().trim().max(30),
    email: z.email().max(254),
  })
  .partial()
  .strict();
const minor = z.string().regex(/^\d{1,15}$/, 'A whole number of minor units, e.g. "350000"');

/** What the snippet's `kenh.track(kind, data)` sends. */
export const trackEventSchema = z
  .object({
    kind: z.enum(['lead', 'signup', 'sale']),
    id: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .openapi({ description: 'The shop’s id of the lead, sign-up or order' }),
    clickId: z.string().max(60).nullish(),
    ref: z.string().max(40).nullish(),
    coupon: z.string().max(40).optional(),
    currency: z.string().length(3).toUpperCase().optional(),
    amountMinor: minor.optional().openapi({ description: 'Order total (sale) or value (lead), minor units' }),
    items: z
      .array(
        z
          .object({
            sku: z.string().trim().min(1).max(100),
            quantity: z.number().int().min(1).max(100_000),
            unitPriceMinor: minor,
          })
          .strict(),
      )
      .max(100)
      .optional(),
    customer: trackCustomer.optional(),
  })
  .strict()
  .openapi('TrackEvent');
export type TrackEvent = z.infer<typeof trackEventSchema>;

export const impressionReportsInputSchema = z
  .object({
    reports: z
      .array(
        z
          .object({
            externalId: z
              .string()
              .trim()
              .min(1)
              .max(200)
              .openapi({ description: 'Your id for this count: a report sent again with it adds nothing' }),
            linkCode: z.string().trim().min(1).max(64).optional(),
            referralCode: z
              .string()
              .trim()
              .min(1)
              .max(64)
              .optional()
              .openapi({ description: 'The partner’s referral code, for their default link' }),
            hour: z.string().datetime({ offset: true }).openapi({
              description: 'Any moment of the hour the impressions happened in',
              example: '2026-11-28T09:00:00+07:00',
            }),
            impressions: z.number().int().min(1).max(100_000_000),
          })
          .refine((report) => !!report.linkCode !== !!report.referralCode, {
            message: 'Name either the link (linkCode) or the partner (referralCode)',
            path: ['linkCode'],
          }),
      )
      .min(1)
      .max(1000),
  })
  .openapi('ImpressionReports');

export const impressionReportResultSchema = z
  .object({
    recorded: z.number().int(),
    duplicates: z.number().int(),
    reports: z.array(
      z.object({ externalId: z.string(), status: z.enum(['recorded', 'duplicate']), linkCode: z.string() }),
    ),
  })
  .openapi('ImpressionReportResult');
