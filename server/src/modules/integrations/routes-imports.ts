import { z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../platform/errors';
import { createRouter } from '../../platform/http/app';
import { json } from '../../platform/http/openapi';
import { pageQuerySchema } from '../../platform/http/paging';
import { defineRoute } from '../../platform/http/route';
import { findOrderImportRows, findOrderImports, getOrderImportById } from './import/find-order-imports';
import { importOrders } from './import/import-orders';
import { toImportView } from './import/import-view';
import { orderImportTemplateCsv } from './import/template';

const MAX_BYTES = 10 * 1024 * 1024;
const tags = ['Order imports'];
const access = { permission: 'orders.import' } as const;
const params = z.object({
  orderImportId: z
    .string()
    .min(1)
    .max(60)
    .openapi({ param: { name: 'orderImportId', in: 'path' }, example: 'oim_01jc8x0000abcdefghjkmnpqrs' }),
});

const uploadSchema = z
  .object({
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/\.(csv|xlsx|txt)$/i, 'Upload a .csv or .xlsx file'),
    contentBase64: z.base64().max(Math.ceil(MAX_BYTES / 3) * 4),
  })
  .strict()
  .openapi('OrderImportUpload');

const importSchema = z
  .object({
    id: z.string(),
    fileName: z.string(),
    status: z.enum(['running', 'done', 'failed']),
    totalRows: z.number().int(),
    created: z.number().int().openapi({ description: 'Rows whose order was created' }),
    unchanged: z
      .number()
      .int()
      .openapi({ description: 'Rows whose order was already there (same file again)' }),
    errors: z.number().int(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('OrderImport');
const rowSchema = z
  .object({
    rowNumber: z
      .number()
      .int()
      .openapi({ description: 'The spreadsheet’s own row number (header is row 1)' }),
    outcome: z.enum(['created', 'unchanged', 'error']),
    orderId: z.string().nullable(),
    data: z.record(z.string(), z.string()),
    errors: z.array(z.object({ field: z.string(), message: z.string() })),
  })
  .openapi('OrderImportRow');
const rowsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  cursor: z.string().max(500).optional(),
  outcome: z.enum(['created', 'unchanged', 'error']).optional(),
});

/** Orders from a spreadsheet: upload (answered with the report), list, report, template. */
export const importRoutes = createRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/api/v1/order-imports/template.csv',
      tags,
      summary: 'The import template (CSV, one row per item)',
      access,
      responses: { 200: { description: 'The template', content: { 'text/csv': { schema: z.string() } } } },
    }),
    (c) =>
      c.body(orderImportTemplateCsv(), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="order-import-template.csv"',
      }) as never,
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api/v1/order-imports',
      tags,
      summary: 'Import orders from a CSV or XLSX file',
      description:
        'One row per item; rows with the same order id (Mã đơn) form one order. Columns: order id, date, customer ' +
        'name / phone / email, SKU, product name, quantity, unit price (major units as written, "150.000"), ' +
        'discount (of the line), shipping, partner code (Mã CTV), coupon, status, payment, currency. Idempotent: ' +
        'the same file again leaves every order unchanged. At most 20,000 rows and 10 MB.',
      access,
      middleware: [
        bodyLimit({
          maxSize: Math.ceil(MAX_BYTES / 3) * 4 + 64 * 1024,
          onError: () => {
            throw new AppError('validation_failed', 'The file is larger than 10 MB', {
              details: [{ path: 'body.contentBase64', message: 'At most 10 MB' }],
            });
          },
        }),
      ],
      request: { body: { required: true, content: { 'application/json': { schema: uploadSchema } } } },
      responses: {
        201: json(
          importSchema.extend({ rows: z.array(rowSchema), moreRows: z.boolean() }),
          'The finished import and its row report (the first 1,000 rows; all at …/rows)',
        ),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const tenant = c.get('tenant')!;
      const view = await importOrders(tenant, {
        fileName: body.fileName,
        bytes: Buffer.from(body.contentBase64, 'base64'),
      });
      const rows = await findOrderImportRows(tenant, view.id, { limit: 1000 });
      return c.json({ ...view, rows: rows.items, moreRows: rows.nextCursor !== null }, 201);
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/api/v1/order-imports',
      tags,
      summary: 'Order imports, newest first',
      access,
      request: { query: pageQuerySchema },
      responses: {
        200: json(
          z.object({ items: z.array(importSchema), nextCursor: z.string().nullable() }),
          'A page of imports',
        ),
      },
    }),
    async (c) => c.json(await findOrderImports(c.get('tenant')!, c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/api/v1/order-imports/{orderImportId}',
      tags,
      summary: 'One order import with its totals',
      access,
      request: { params },
      responses: { 200: json(importSchema, 'The import') },
    }),
    async (c) => {
      const tenant = c.get('tenant')!;
      return c.json(
        toImportView(
          await getOrderImportById(tenant, tenant.services.db, c.req.valid('param').orderImportId),
        ),
        200,
      );
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/api/v1/order-imports/{orderImportId}/rows',
      tags,
      summary: 'The row report of an import, in row order',
      access,
      request: { params, query: rowsQuery },
      responses: {
        200: json(
          z.object({ items: z.array(rowSchema), nextCursor: z.string().nullable() }),
          'A page of rows',
        ),
      },
    }),
    async (c) =>
      c.json(
        await findOrderImportRows(c.get('tenant')!, c.req.valid('param').orderImportId, c.req.valid('query')),
        200,
      ),
  );
