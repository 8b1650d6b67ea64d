import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app';
import { defineRoute } from '../../platform/http/route';
import {
  enrollmentParams,
  enrollmentSchema,
  plainPageQuerySchema,
  uplineMoveSchema,
} from './enrollment-schemas';
import { toEnrollmentView } from './enrollment-view';
import { findDownline } from './find-downline';
import { moveUpline } from './move-upline';
import { body, json } from './routes-helpers';
import { ENROLLMENT_STATUSES } from './schema-enrollments';
import { findUplineOfEnrollment } from './upline';

const tags = ['Referral tree'];
const status = z.enum(ENROLLMENT_STATUSES);

const downlineSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        partnerId: z.string(),
        fullName: z.string(),
        referralCode: z.string(),
        status,
        programId: z.string(),
        level: z.number().int(),
        joinedAt: z.string(),
        directCount: z.number().int(),
      }),
    ),
    nextCursor: z.string().nullable(),
    levels: z.array(z.object({ level: z.number().int(), count: z.number().int() })),
    total: z.number().int(),
  })
  .openapi('Downline');

const uplineChainSchema = z
  .object({
    items: z.array(
      z.object({
        depth: z.number().int(),
        id: z.string(),
        partnerId: z.string(),
        fullName: z.string(),
        referralCode: z.string(),
        status,
        programId: z.string(),
      }),
    ),
  })
  .openapi('UplineChain');

const moveRoute = defineRoute({
  method: 'post',
  path: '/api/v1/enrollments/{enrollmentId}/upline',
  tags,
  summary: 'Move a partner (with their downline) under another upline, or to the top with null',
  description: 'Refuses cycles and chains deeper than the program allows anywhere in the moved subtree.',
  access: { permission: 'partners.manage' },
  request: { params: enrollmentParams, body: body(uplineMoveSchema) },
  responses: { 200: json(enrollmentSchema, 'The enrollment') },
});

const uplineRoute = defineRoute({
  method: 'get',
  path: '/api/v1/enrollments/{enrollmentId}/upline',
  tags,
  summary: 'The upline chain of an enrollment, nearest first',
  access: { permission: 'partners.read' },
  request: { params: enrollmentParams },
  responses: { 200: json(uplineChainSchema, 'The chain') },
});

const downlineRoute = defineRoute({
  method: 'get',
  path: '/api/v1/enrollments/{enrollmentId}/downline',
  tags,
  summary: 'One level of the referral tree below an enrollment, with counts per level',
  access: { permission: 'partners.read' },
  request: {
    params: enrollmentParams,
    query: plainPageQuerySchema.extend({
      level: z.coerce
        .number()
        .int()
        .min(1)
        .max(50)
        .default(1)
        .openapi({ description: '1 = direct recruits' }),
    }),
  },
  responses: { 200: json(downlineSchema, 'A page of the level and the counts of all levels') },
});

export const uplineRoutes = createRouter()
  .openapi(moveRoute, async (c) => {
    const enrollment = await moveUpline(
      c.get('tenant')!,
      c.req.valid('param').enrollmentId,
      c.req.valid('json'),
    );
    return c.json(toEnrollmentView(enrollment), 200);
  })
  .openapi(uplineRoute, async (c) =>
    c.json(await findUplineOfEnrollment(c.get('tenant')!, c.req.valid('param').enrollmentId), 200),
  )
  .openapi(downlineRoute, async (c) =>
    c.json(
      await findDownline(c.get('tenant')!, c.req.valid('param').enrollmentId, c.req.valid('query')),
      200,
    ),
  );
