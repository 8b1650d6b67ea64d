import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app';
import { body, json } from '../../platform/http/openapi';
import { defineRoute } from '../../platform/http/route';
import { getClicksReport } from './clicks-report';
import { createCoupon, findCoupons, getCouponById, updateCoupon } from './coupons';
import { findLinks } from './find-links';
import { recordImpressionReports } from './impressions/record-impressions';
import {
  clicksReportQuerySchema,
  clicksReportSchema,
  couponIdParams,
  couponPatchSchema,
  couponSchema,
  couponsQuerySchema,
  impressionReportResultSchema,
  impressionReportsInputSchema,
  linkIdParams,
  linkSchema,
  linksQuerySchema,
  newCouponSchema,
  staffLinkPatchSchema,
  staffLinkSchema,
} from './schemas';
import { updateLink } from './update-link';

const page = <T extends z.ZodTypeAny>(item: T, name: string) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() }).openapi(name);

/** Staff: all partners' links, coupon codes and the clicks report. */
export const staffTrackingRoutes = createRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/api/v1/links',
      tags: ['Links'],
      summary: 'Partners’ links',
      access: { permission: 'tracking.read' },
      request: { query: linksQuerySchema },
      responses: { 200: json(page(staffLinkSchema, 'LinkPage'), 'A page of links') },
    }),
    async (c) => c.json(await findLinks(c.get('tenant')!, c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch',
      path: '/api/v1/links/{linkId}',
      tags: ['Links'],
      summary: 'Disable or enable a link',
      description:
        'A disabled code sends visitors to the program’s fallback page. Default links cannot be disabled.',
      access: { permission: 'tracking.manage' },
      request: { params: linkIdParams, body: body(staffLinkPatchSchema) },
      responses: { 200: json(linkSchema, 'The link') },
    }),
    async (c) =>
      c.json(await updateLink(c.get('tenant')!, c.req.valid('param').linkId, c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/api/v1/coupons',
      tags: ['Coupons'],
      summary: 'Coupon codes of partners',
      access: { permission: 'tracking.read' },
      request: { query: couponsQuerySchema },
      responses: { 200: json(page(couponSchema, 'CouponPage'), 'A page of coupons') },
    }),
    async (c) => c.json(await findCoupons(c.get('tenant')!, c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/v1/coupons',
      tags: ['Coupons'],
      summary: 'Give a partner a coupon code',
      description:
        'Orders using the code are credited to the partner. Codes are unique in the organisation, ignoring case.',
      access: { permission: 'tracking.manage' },
      request: { body: body(newCouponSchema) },
      responses: { 201: json(couponSchema, 'The coupon') },
    }),
    async (c) => c.json(await createCoupon(c.get('tenant')!, c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/api/v1/coupons/{couponId}',
      tags: ['Coupons'],
      summary: 'A coupon',
      access: { permission: 'tracking.read' },
      request: { params: couponIdParams },
      responses: { 200: json(couponSchema, 'The coupon') },
    }),
    async (c) => c.json(await getCouponById(c.get('tenant')!, c.req.valid('param').couponId), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch',
      path: '/api/v1/coupons/{couponId}',
      tags: ['Coupons'],
      summary: 'Change, disable or enable a coupon',
      access: { permission: 'tracking.manage' },
      request: { params: couponIdParams, body: body(couponPatchSchema) },
      responses: { 200: json(couponSchema, 'The coupon') },
    }),
    async (c) =>
      c.json(await updateCoupon(c.get('tenant')!, c.req.valid('param').couponId, c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/api/v1/reports/clicks',
      tags: ['Reports'],
      summary: 'Clicks by day, partner or link',
      description:
        'Total, unique (first click of a visitor on a link within an hour; bots never count) and bot clicks, in the organisation’s time zone.',
      access: { permission: 'tracking.read' },
      request: { query: clicksReportQuerySchema },
      responses: { 200: json(clicksReportSchema, 'The report') },
    }),
    async (c) => c.json(await getClicksReport(c.get('tenant')!, c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/v1/impressions',
      tags: ['Links'],
      summary: 'Report impressions of partners’ banners or links (for CPM)',
      description:
        'Counts per link (its code, or a partner’s referral code for their default link) and hour, from the last 7 days. Each report is stored once per external id: sending it again adds nothing and answers "duplicate". One invalid report refuses the whole request (422, with where and why). Views of the `/i/{code}` pixel are counted without this call.',
      access: { permission: 'tracking.manage' },
      request: { body: body(impressionReportsInputSchema) },
      responses: { 200: json(impressionReportResultSchema, 'What was recorded') },
    }),
    async (c) => {
      const { reports } = c.req.valid('json');
      const result = await recordImpressionReports(
        c.get('tenant')!,
        reports.map((report) => ({ ...report, hour: new Date(report.hour) })),
      );
      return c.json(result, 200);
    },
  );
