import { z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../platform/errors';
import { createRouter } from '../../platform/http/app';
import { json } from '../../platform/http/openapi';
import { defineRoute } from '../../platform/http/route';
import { mappingSchema } from './import/columns';
import { createImport } from './import/create-import';
import { getImport } from './import/get-import';
import { importReportCsv } from './import/import-report';
import { setImportMapping } from './import/set-import-mapping';
import { startImport } from './import/start-import';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const params = z.object({
  importId: z
    .string()
    .min(1)
    .max(60)
    .openapi({ param: { name: 'importId', in: 'path' }, example: 'imp_01jc8x0000abcdefghjkmnpqrs' }),
});
const tags = ['Partner imports'];
const programId = z.string().trim().min(1).max(60);
const fileName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/\.(csv|xlsx|txt)$/i, 'Upload a .csv or .xlsx file');

const uploadJson = z
  .object({ programId, fileName, contentBase64: z.base64().max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4) })
  .strict()
  .openapi('PartnerImportUpload');
const uploadForm = z.object({ programId, file: z.any().openapi({ type: 'string', format: 'binary' }) });

const importSchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    fileName: z.string(),
    status: z.enum(['uploaded', 'previewed', 'running', 'done', 'failed']),
    mapping: z.record(z.string(), z.string()).nullable(),
    totalRows: z.number().int(),
    processedRows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    errors: z.number().int(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('PartnerImport');

const uploadRoute = defineRoute({
  method: 'post',
  path: '/api/v1/partner-imports',
  tags,
  summary: 'Upload a CSV or XLSX file of partners',
  description:
    'JSON with the file in base64, or multipart/form-data with `file` and `programId`. At most 20 MB.',
  access: { permission: 'partners.import' },
  middleware: [
    bodyLimit({
      maxSize: Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 64 * 1024,
      onError: () => {
        throw new AppError('validation_failed', 'The file is larger than 20 MB', {
          details: [{ path: 'body.file', message: 'At most 20 MB' }],
        });
      },
    }),
  ],
  request: {
    body: {
      // not `required`: each content type is then validated only when it is the one sent
      required: false,
      content: {
        'application/json': { schema: uploadJson },
        'multipart/form-data': { schema: uploadForm },
      },
    },
  },
  responses: {
    201: json(
      z.object({
        importId: z.string(),
        totalRows: z.number().int(),
        columns: z.array(z.string()),
        sampleRows: z.array(z.record(z.string(), z.string())),
        suggestedMapping: z.record(z.string(), z.string()),
      }),
      'The file’s columns, sample rows and a suggested mapping',
    ),
  },
});

const mappingRoute = defineRoute({
  method: 'put',
  path: '/api/v1/partner-imports/{importId}/mapping',
  tags,
  summary: 'Map columns to fields and preview',
  description: 'Checks every row; answers the totals and the first 200 errors.',
  access: { permission: 'partners.import' },
  request: {
    params,
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ mapping: mappingSchema }).strict() } },
    },
  },
  responses: {
    200: json(
      z.object({
        totalRows: z.number().int(),
        valid: z.number().int(),
        invalid: z.number().int(),
        errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
      }),
      'The preview',
    ),
  },
});

const runRoute = defineRoute({
  method: 'post',
  path: '/api/v1/partner-imports/{importId}/run',
  tags,
  summary: 'Start the import',
  access: { permission: 'partners.import' },
  request: { params },
  responses: { 202: json(importSchema, 'Queued; poll the import for progress') },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/api/v1/partner-imports/{importId}',
  tags,
  summary: 'Progress and totals of an import',
  access: { permission: 'partners.import' },
  request: { params },
  responses: { 200: json(importSchema, 'The import') },
});

const reportRoute = defineRoute({
  method: 'get',
  path: '/api/v1/partner-imports/{importId}/report.csv',
  tags,
  summary: 'Row report of an import (CSV)',
  access: { permission: 'partners.import' },
  request: { params },
  responses: { 200: { description: 'One line per row', content: { 'text/csv': { schema: z.string() } } } },
});

async function uploadOf(c: {
  req: { header: (name: string) => string | undefined; valid: (target: never) => unknown };
}) {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = c.req.valid('form' as never) as { programId: string; file: unknown };
    if (!(form.file instanceof File)) {
      throw new AppError('validation_failed', 'Attach the file', {
        details: [{ path: 'body.file', message: 'Required' }],
      });
    }
    fileName.parse(form.file.name);
    return {
      programId: form.programId,
      fileName: form.file.name,
      bytes: Buffer.from(await form.file.arrayBuffer()),
    };
  }
  const body = c.req.valid('json' as never) as z.infer<typeof uploadJson> | undefined;
  if (!type.startsWith('application/json') || !body?.contentBase64) {
    throw new AppError('validation_failed', 'Send the file as JSON (contentBase64) or multipart/form-data', {
      details: [{ path: 'body.contentBase64', message: 'Required' }],
    });
  }
  return {
    programId: body.programId,
    fileName: body.fileName,
    bytes: Buffer.from(body.contentBase64, 'base64'),
  };
}

/** Bulk import of partners: upload, map and preview, run as a job, progress, row report. */
export const importRoutes = createRouter()
  .openapi(uploadRoute, async (c) => {
    const upload = await uploadOf(c as never);
    if (upload.bytes.length > MAX_IMPORT_BYTES) {
      throw new AppError('validation_failed', 'The file is larger than 20 MB', {
        details: [{ path: 'body.file', message: 'At most 20 MB' }],
      });
    }
    return c.json(await createImport(c.get('tenant')!, upload), 201);
  })
  .openapi(mappingRoute, async (c) =>
    c.json(
      await setImportMapping(c.get('tenant')!, c.req.valid('param').importId, c.req.valid('json').mapping),
      200,
    ),
  )
  .openapi(runRoute, async (c) =>
    c.json(await startImport(c.get('tenant')!, c.req.valid('param').importId), 202),
  )
  .openapi(getRoute, async (c) =>
    c.json(await getImport(c.get('tenant')!, c.req.valid('param').importId), 200),
  )
  .openapi(reportRoute, async (c) => {
    const stream = await importReportCsv(c.get('tenant')!, c.req.valid('param').importId);
    return c.body(stream, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="import-${c.req.valid('param').importId}-report.csv"`,
    });
  });
