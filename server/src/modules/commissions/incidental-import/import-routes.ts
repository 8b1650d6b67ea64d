import { z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../../platform/errors';
import { json } from '../../../platform/http/openapi';
import { defineRoute } from '../../../platform/http/route';
import { INCIDENTAL_IMPORT_FIELDS } from './columns';

/** The HTTP side of the incidental import: its two routes and the upload reader. */

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const fileName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/\.(csv|xlsx|txt)$/i, 'Upload a .csv or .xlsx file');
const batchKey = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .optional()
  .openapi({ description: 'Names the batch instead of the file name: the same rows under it import once' });

const uploadJson = z
  .object({ fileName, contentBase64: z.base64().max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4), batchKey })
  .strict()
  .openapi('IncidentalImportUpload');
const uploadForm = z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }), batchKey });

const fieldEnum = z.enum([...INCIDENTAL_IMPORT_FIELDS, 'row']);
const reportSchema = z
  .object({
    fileName: z.string(),
    totals: z.object({
      rows: z.number().int(),
      created: z.number().int(),
      alreadyImported: z.number().int(),
      errors: z.number().int(),
    }),
    columns: z.record(z.string(), z.string()).openapi({ description: 'Field → the column read for it' }),
    rows: z.array(
      z.object({
        rowNumber: z.number().int().openapi({ description: 'As in the spreadsheet (the header is row 1)' }),
        outcome: z.enum(['created', 'already_imported', 'error']),
        partnerCode: z.string().nullable(),
        enrollmentId: z.string().nullable(),
        amountMinor: z.string().nullable(),
        currency: z.string().nullable(),
        commissionLineId: z.string().nullable(),
        errors: z.array(z.object({ field: fieldEnum, message: z.string() })),
      }),
    ),
  })
  .openapi('IncidentalImportReport');

const tooLarge = () =>
  new AppError('validation_failed', 'The file is larger than 5 MB', {
    details: [{ path: 'body.file', message: 'At most 5 MB' }],
  });

export const incidentalImportRoute = defineRoute({
  method: 'post',
  path: '/api/v1/commissions/incidental/import',
  tags: ['Commissions'],
  summary: 'Import one-off bonuses and penalties (CK phát sinh) from a CSV or XLSX file',
  description: [
    'JSON with the file in base64, or multipart/form-data with `file`. At most 5,000 rows and 5 MB.',
    'Columns by title in Vietnamese, English or Thai: Mã giới thiệu/Referral code (or Enrollment id),',
    'Số tiền/Amount in major units, signed ("150.000" a bonus, "-50.000" a penalty), Lý do/Reason,',
    'Chương trình/Program (optional, checked against the partner’s). Each row is written on its own',
    'and waits in review for an accountant; uploading the same rows again adds nothing.',
    'Answers one line per row: created, already imported, or error with the field and reason.',
  ].join(' '),
  access: { permission: 'commissions.manage' },
  middleware: [
    bodyLimit({
      maxSize: Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 64 * 1024,
      onError: () => {
        throw tooLarge();
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
  responses: { 200: json(reportSchema, 'The row report') },
});

export const incidentalTemplateRoute = defineRoute({
  method: 'get',
  path: '/api/v1/commissions/incidental/template.csv',
  tags: ['Commissions'],
  summary: 'The incidental import template (CSV) with a bonus and a penalty as examples',
  access: { permission: 'commissions.manage' },
  responses: {
    200: {
      description: 'The template',
      content: { 'text/csv': { schema: z.string().openapi({ format: 'binary' }) } },
    },
  },
});

/** The uploaded file, sent as multipart (`file`) or as JSON with base64 content. */
export async function incidentalUploadOf(c: {
  req: { header: (name: string) => string | undefined; valid: (target: never) => unknown };
}): Promise<{ fileName: string; bytes: Buffer; batchKey?: string }> {
  const type = c.req.header('content-type') ?? '';
  let upload: { fileName: string; bytes: Buffer; batchKey?: string };
  if (type.startsWith('multipart/form-data')) {
    const form = c.req.valid('form' as never) as z.infer<typeof uploadForm>;
    if (!(form.file instanceof File)) {
      throw new AppError('validation_failed', 'Attach the file', {
        details: [{ path: 'body.file', message: 'Required' }],
      });
    }
    const name = fileName.safeParse(form.file.name);
    if (!name.success) {
      throw new AppError('validation_failed', 'Upload a .csv or .xlsx file', {
        details: [{ path: 'body.file', message: 'Upload a .csv or .xlsx file' }],
      });
    }
    upload = {
      fileName: name.data,
      bytes: Buffer.from(await form.file.arrayBuffer()),
      batchKey: form.batchKey,
    };
  } else {
    const body = c.req.valid('json' as never) as z.infer<typeof uploadJson> | undefined;
    if (!type.startsWith('application/json') || !body?.contentBase64) {
      throw new AppError(
        'validation_failed',
        'Send the file as JSON (contentBase64) or multipart/form-data',
        {
          details: [{ path: 'body.contentBase64', message: 'Required' }],
        },
      );
    }
    upload = {
      fileName: body.fileName,
      bytes: Buffer.from(body.contentBase64, 'base64'),
      batchKey: body.batchKey,
    };
  }
  if (upload.bytes.length > MAX_IMPORT_BYTES) throw tooLarge();
  return upload;
}
