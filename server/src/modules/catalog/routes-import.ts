import { z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../platform/errors';
import { createRouter } from '../../platform/http/app';
import { defineRoute } from '../../platform/http/route';
import { PRODUCT_IMPORT_FIELDS } from './import/columns';
import { importProducts } from './import/import-products';
import { productImportTemplateCsv, productImportTemplateXlsx } from './import/import-template';
import { json } from './routes-helpers';

const MAX_BYTES = 5 * 1024 * 1024;
const tags = ['Product imports'];
const fileName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/\.(csv|xlsx|txt)$/i, 'Upload a .csv or .xlsx file');
const dryRun = z
  .union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')])
  .optional()
  .openapi({ description: 'Check the file and report what would happen, without writing' });

const uploadJson = z
  .object({ fileName, contentBase64: z.base64().max(Math.ceil(MAX_BYTES / 3) * 4), dryRun })
  .strict()
  .openapi('ProductImportUpload');
const uploadForm = z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }), dryRun });

const fieldEnum = z.enum(PRODUCT_IMPORT_FIELDS);
const reportSchema = z
  .object({
    dryRun: z.boolean(),
    totals: z.object({
      rows: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      errors: z.number().int(),
    }),
    columns: z.record(z.string(), z.string()).openapi({ description: 'Field → the column read for it' }),
    ignoredColumns: z.array(z.string()),
    rows: z.array(
      z.object({
        rowNumber: z.number().int().openapi({ description: 'As in the spreadsheet (the header is row 1)' }),
        outcome: z.enum(['created', 'updated', 'unchanged', 'error']),
        sku: z.string().nullable(),
        productId: z.string().nullable(),
        errors: z.array(z.object({ field: fieldEnum, message: z.string() })),
      }),
    ),
  })
  .openapi('ProductImportReport');

const tooLarge = () =>
  new AppError('validation_failed', 'The file is larger than 5 MB', {
    details: [{ path: 'body.file', message: 'At most 5 MB' }],
  });

const importRoute = defineRoute({
  method: 'post',
  path: '/api/v1/product-imports',
  tags,
  summary: 'Import products from a CSV or XLSX file (idempotent by SKU)',
  description: [
    'JSON with the file in base64, or multipart/form-data with `file`. At most 5,000 rows and 5 MB.',
    'Columns are recognised by their titles in Vietnamese, English or Thai (SKU/Mã SP, Tên/Name,',
    'Danh mục/Category as "A > B", Giá/Price, Giá vốn/Cost, Giá CTV/CTV price, Ảnh/Image, URL,',
    'Trạng thái/Status); prices in major units as people write them ("150.000").',
    'Answers one line per row: created, updated, unchanged or error with the field and reason.',
  ].join(' '),
  access: { permission: 'catalog.manage' },
  middleware: [
    bodyLimit({
      maxSize: Math.ceil(MAX_BYTES / 3) * 4 + 64 * 1024,
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

const templateRoute = (format: 'xlsx' | 'csv') =>
  defineRoute({
    method: 'get',
    path: `/api/v1/product-imports/template.${format}`,
    tags,
    summary: `The import template (${format.toUpperCase()}) with example rows`,
    access: { permission: 'catalog.read' },
    responses: {
      200: {
        description: 'The template',
        content: {
          [format === 'xlsx'
            ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            : 'text/csv']: { schema: z.string().openapi({ format: 'binary' }) },
        },
      },
    },
  });

async function uploadOf(c: {
  req: { header: (name: string) => string | undefined; valid: (target: never) => unknown };
}) {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = c.req.valid('form' as never) as z.infer<typeof uploadForm>;
    if (!(form.file instanceof File)) {
      throw new AppError('validation_failed', 'Attach the file', {
        details: [{ path: 'body.file', message: 'Required' }],
      });
    }
    fileName.parse(form.file.name);
    return {
      fileName: form.file.name,
      bytes: Buffer.from(await form.file.arrayBuffer()),
      dryRun: form.dryRun,
    };
  }
  const body = c.req.valid('json' as never) as z.infer<typeof uploadJson> | undefined;
  if (!type.startsWith('application/json') || !body?.contentBase64) {
    throw new AppError('validation_failed', 'Send the file as JSON (contentBase64) or multipart/form-data', {
      details: [{ path: 'body.contentBase64', message: 'Required' }],
    });
  }
  return { fileName: body.fileName, bytes: Buffer.from(body.contentBase64, 'base64'), dryRun: body.dryRun };
}

/** Product import: one synchronous call answering the row report, and the template to fill. */
export const productImportRoutes = createRouter()
  .openapi(importRoute, async (c) => {
    const upload = await uploadOf(c as never);
    if (upload.bytes.length > MAX_BYTES) throw tooLarge();
    return c.json(await importProducts(c.get('tenant')!, upload), 200);
  })
  .openapi(templateRoute('xlsx'), async (c) =>
    c.body(new Uint8Array(await productImportTemplateXlsx()), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': 'attachment; filename="kenh-san-pham-mau.xlsx"',
    }),
  )
  .openapi(templateRoute('csv'), async (c) =>
    c.body(productImportTemplateCsv(), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="kenh-san-pham-mau.csv"',
    }),
  );
