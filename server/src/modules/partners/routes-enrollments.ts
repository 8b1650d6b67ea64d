import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app';
import { defineRoute } from '../../platform/http/route';
import { changeEnrollmentStatus } from './change-enrollment-status';
import { decideEnrollments } from './decide-enrollments';
import {
  bulkStatusResultSchema,
  bulkStatusSchema,
  enrollmentParams,
  enrollmentPatchSchema,
  enrollmentSchema,
  pendingPageSchema,
  pendingQuerySchema,
  plainPageQuerySchema,
  statusChangeSchema,
} from './enrollment-schemas';
import { toEnrollmentView } from './enrollment-view';
import { findPendingEnrollments } from './find-pending-enrollments';
import { findTimeline } from './find-timeline';
import { body, json } from './routes-helpers';
import { ENROLLMENT_EVENT_TYPES } from './schema-enrollments';
import { updateEnrollment } from './update-enrollment';

const tags = ['Enrollments'];

const timelinePageSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        type: z.enum(ENROLLMENT_EVENT_TYPES),
        fromValue: z.string().nullable(),
        toValue: z.string().nullable(),
        reason: z.string().nullable(),
        actor: z.object({ type: z.string(), id: z.string().nullable(), label: z.string().nullable() }),
        createdAt: z.string(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .openapi('EnrollmentTimelinePage');

const pendingRoute = defineRoute({
  method: 'get',
  path: '/api/v1/enrollments/pending',
  tags,
  summary: 'The approval queue: pending enrollments, oldest first',
  access: { permission: 'partners.read' },
  request: { query: pendingQuerySchema },
  responses: { 200: json(pendingPageSchema, 'A page of pending enrollments') },
});

const bulkStatusRoute = defineRoute({
  method: 'post',
  path: '/api/v1/enrollments/bulk-status',
  tags,
  summary: 'Approve or reject up to 500 enrollments (a reason is needed to reject)',
  access: { permission: 'partners.approve' },
  request: { body: body(bulkStatusSchema) },
  responses: { 200: json(bulkStatusResultSchema, 'What happened to each enrollment') },
});

const statusRoute = defineRoute({
  method: 'post',
  path: '/api/v1/enrollments/{enrollmentId}/status',
  tags,
  summary: 'Change the status of an enrollment',
  description:
    'pending → approved/rejected; approved → suspended/banned/left; suspended → approved/banned; ' +
    'rejected → approved; banned is final (owners may lift it). Rejecting, suspending and banning need a reason.',
  access: { permission: 'partners.approve' },
  request: { params: enrollmentParams, body: body(statusChangeSchema) },
  responses: { 200: json(enrollmentSchema, 'The enrollment') },
});

const patchRoute = defineRoute({
  method: 'patch',
  path: '/api/v1/enrollments/{enrollmentId}',
  tags,
  summary: 'Change the referral code, group, care staff member or partner id of an enrollment',
  access: { permission: 'partners.manage' },
  request: { params: enrollmentParams, body: body(enrollmentPatchSchema) },
  responses: { 200: json(enrollmentSchema, 'The enrollment') },
});

const timelineRoute = defineRoute({
  method: 'get',
  path: '/api/v1/enrollments/{enrollmentId}/timeline',
  tags,
  summary: 'The history of an enrollment, newest first',
  access: { permission: 'partners.read' },
  request: { params: enrollmentParams, query: plainPageQuerySchema },
  responses: { 200: json(timelinePageSchema, 'A page of events') },
});

export const enrollmentRoutes = createRouter()
  .openapi(pendingRoute, async (c) =>
    c.json(await findPendingEnrollments(c.get('tenant')!, c.req.valid('query')), 200),
  )
  .openapi(bulkStatusRoute, async (c) =>
    c.json(await decideEnrollments(c.get('tenant')!, c.req.valid('json')), 200),
  )
  .openapi(statusRoute, async (c) => {
    const enrollment = await changeEnrollmentStatus(
      c.get('tenant')!,
      c.req.valid('param').enrollmentId,
      c.req.valid('json'),
    );
    return c.json(toEnrollmentView(enrollment), 200);
  })
  .openapi(patchRoute, async (c) => {
    const enrollment = await updateEnrollment(
      c.get('tenant')!,
      c.req.valid('param').enrollmentId,
      c.req.valid('json'),
    );
    return c.json(toEnrollmentView(enrollment), 200);
  })
  .openapi(timelineRoute, async (c) =>
    c.json(
      await findTimeline(c.get('tenant')!, c.req.valid('param').enrollmentId, c.req.valid('query')),
      200,
    ),
  );
