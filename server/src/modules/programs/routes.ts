import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app';
import { body, json } from '../../platform/http/openapi';
import { defineRoute } from '../../platform/http/route';
import { changeProgramStatus } from './change-program-status';
import { createProgram } from './create-program';
import { findPrograms } from './find-programs';
import { getProgramById } from './get-program';
import { invitationRoutes } from './invitation-routes';
import { renderQr } from './program-qr';
import { joinUrlOf, toProgramView } from './program-view';
import {
  newProgramSchema,
  programIdParams,
  programPageSchema,
  programPatchSchema,
  programQuerySchema,
  programSchema,
  programStatusSchema,
} from './schemas';
import { updateProgram } from './update-program';

const params = programIdParams;
const tags = ['Programs'];
const qrQuery = z.object({ size: z.coerce.number().int().min(128).max(2048).default(512) });

const qrRoute = (format: 'png' | 'svg') =>
  defineRoute({
    method: 'get',
    path: `/api/v1/programs/{programId}/qr.${format}`,
    tags,
    summary: `QR code of the program's join page (${format.toUpperCase()}, downloadable)`,
    access: { permission: 'programs.read' },
    request: { params, query: qrQuery },
    responses: {
      200: {
        description: 'The QR code',
        content: {
          [format === 'png' ? 'image/png' : 'image/svg+xml']: {
            schema: z.string().openapi({ format: 'binary' }),
          },
        },
      },
    },
  });

export const programRoutes = createRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/api/v1/programs',
      tags,
      summary: 'Programs of the organisation',
      access: { permission: 'programs.read' },
      request: { query: programQuerySchema },
      responses: { 200: json(programPageSchema, 'A page of programs') },
    }),
    async (c) => c.json(await findPrograms(c.get('tenant')!, c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/v1/programs',
      tags,
      summary: 'Create a program (as a draft)',
      access: { permission: 'programs.manage' },
      request: { body: body(newProgramSchema) },
      responses: { 201: json(programSchema, 'The program') },
    }),
    async (c) => c.json(await createProgram(c.get('tenant')!, c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/api/v1/programs/{programId}',
      tags,
      summary: 'One program',
      access: { permission: 'programs.read' },
      request: { params },
      responses: { 200: json(programSchema, 'The program') },
    }),
    async (c) => {
      const tenant = c.get('tenant')!;
      const program = await getProgramById(tenant, tenant.services.db, c.req.valid('param').programId);
      return c.json(toProgramView(program, tenant.services.config.appUrl), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'patch',
      path: '/api/v1/programs/{programId}',
      tags,
      summary: 'Change a program’s settings, terms or join form',
      access: { permission: 'programs.manage' },
      request: { params, body: body(programPatchSchema) },
      responses: { 200: json(programSchema, 'The program') },
    }),
    async (c) =>
      c.json(await updateProgram(c.get('tenant')!, c.req.valid('param').programId, c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/v1/programs/{programId}/status',
      tags,
      summary: 'Publish, pause, resume or archive a program',
      description:
        'draft → active ⇄ paused; any but archived → archived (final). Only active programs take sign-ups.',
      access: { permission: 'programs.manage' },
      request: { params, body: body(programStatusSchema) },
      responses: { 200: json(programSchema, 'The program') },
    }),
    async (c) =>
      c.json(
        await changeProgramStatus(
          c.get('tenant')!,
          c.req.valid('param').programId,
          c.req.valid('json').status,
        ),
        200,
      ),
  )
  .openapi(qrRoute('png'), async (c) => {
    const tenant = c.get('tenant')!;
    const program = await getProgramById(tenant, tenant.services.db, c.req.valid('param').programId);
    const png = (await renderQr(
      joinUrlOf(tenant.services.config.appUrl, program.pageCode),
      'png',
      c.req.valid('query').size,
    )) as Buffer;
    return c.body(new Uint8Array(png), 200, {
      'content-type': 'image/png',
      'content-disposition': `attachment; filename="join-${program.slug}.png"`,
    }) as never;
  })
  .openapi(qrRoute('svg'), async (c) => {
    const tenant = c.get('tenant')!;
    const program = await getProgramById(tenant, tenant.services.db, c.req.valid('param').programId);
    const svg = (await renderQr(
      joinUrlOf(tenant.services.config.appUrl, program.pageCode),
      'svg',
      c.req.valid('query').size,
    )) as string;
    return c.body(svg, 200, {
      'content-type': 'image/svg+xml; charset=utf-8',
      'content-disposition': `attachment; filename="join-${program.slug}.svg"`,
    }) as never;
  });

/** Programs, their QR codes and invitations. */
export const routes = createRouter().route('/', programRoutes).route('/', invitationRoutes);
