import { z } from '@hono/zod-openapi';
import { createRouter } from '../../platform/http/app';
import { exportResponse } from '../../platform/http/export-response';
import { body, json } from '../../platform/http/openapi';
import { defineRoute } from '../../platform/http/route';
import { XLSX_TYPE } from '../../platform/table-export';
import { addPartner } from './directory/add-partner';
import { createSavedView } from './directory/create-saved-view';
import { deleteSavedView } from './directory/delete-saved-view';
import { findPartners } from './directory/find-partners';
import { findSavedViews } from './directory/find-saved-views';
import { getPartnerPage } from './directory/get-partner-page';
import {
  directoryQuerySchema,
  directoryRowSchema,
  newPartnerSchema,
  partnerPageSchema,
  savedViewBodySchema,
  savedViewPatchSchema,
  savedViewSchema,
} from './directory/schemas';
import { updateSavedView } from './directory/update-saved-view';
import { exportPartnersCsv, exportPartnersXlsx } from './export/export-partners';

const pathId = (name: string, example: string) =>
  z.object({
    [name]: z
      .string()
      .min(1)
      .max(60)
      .openapi({ param: { name, in: 'path' }, example }),
  });
const partnerParams = pathId('partnerId', 'ptr_01jc8x0000abcdefghjkmnpqrs') as z.ZodObject<{
  partnerId: z.ZodString;
}>;
const viewParams = pathId('savedViewId', 'svw_01jc8x0000abcdefghjkmnpqrs') as z.ZodObject<{
  savedViewId: z.ZodString;
}>;
const exportQuery = directoryQuerySchema.omit({ limit: true, cursor: true });
const tags = ['Partners'];

const listRoute = defineRoute({
  method: 'get',
  path: '/api/v1/partners',
  tags,
  summary: 'Partner directory',
  description: 'One row per enrollment. Search, filters, sorting and cursor paging.',
  access: { permission: 'partners.read' },
  request: { query: directoryQuerySchema },
  responses: {
    200: json(
      z
        .object({ items: z.array(directoryRowSchema), nextCursor: z.string().nullable() })
        .openapi('PartnerDirectoryPage'),
      'A page of the directory',
    ),
  },
});

const csvRoute = defineRoute({
  method: 'get',
  path: '/api/v1/partners/export.csv',
  tags,
  summary: 'Export the directory as CSV',
  description: 'Same filters as the directory; streamed; personal secrets are never included.',
  access: { permission: 'partners.export' },
  request: { query: exportQuery },
  responses: {
    200: { description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: z.string() } } },
  },
});

const xlsxRoute = defineRoute({
  method: 'get',
  path: '/api/v1/partners/export.xlsx',
  tags,
  summary: 'Export the directory as an Excel workbook',
  description: 'Same filters as the directory; at most 100,000 rows (use CSV beyond).',
  access: { permission: 'partners.export' },
  request: { query: exportQuery },
  responses: { 200: { description: 'XLSX workbook', content: { [XLSX_TYPE]: { schema: z.string() } } } },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/api/v1/partners/{partnerId}',
  tags,
  summary: 'A partner page',
  description: 'Identity, profile (secrets masked), enrollments in this organisation with downline counts.',
  access: { permission: 'partners.read' },
  request: { params: partnerParams },
  responses: { 200: json(partnerPageSchema, 'The partner') },
});

const createRoute = defineRoute({
  method: 'post',
  path: '/api/v1/partners',
  tags,
  summary: 'Add a partner',
  description:
    'Finds the person by phone or email (identities are global) or creates them, then enrolls them in the program.',
  access: { permission: 'partners.manage' },
  request: { body: body(newPartnerSchema) },
  responses: {
    201: json(z.object({ partnerId: z.string(), enrollmentId: z.string() }), 'The partner and enrollment'),
  },
});

const viewsRoute = defineRoute({
  method: 'get',
  path: '/api/v1/saved-views',
  tags,
  summary: 'Saved directory views',
  description: 'The caller’s own views and those shared with the organisation.',
  access: { permission: 'partners.read' },
  responses: { 200: json(z.object({ items: z.array(savedViewSchema) }), 'Views') },
});

const createViewRoute = defineRoute({
  method: 'post',
  path: '/api/v1/saved-views',
  tags,
  summary: 'Save a directory view',
  access: { permission: 'partners.read' },
  request: { body: body(savedViewBodySchema) },
  responses: { 201: json(savedViewSchema, 'The view') },
});

const updateViewRoute = defineRoute({
  method: 'patch',
  path: '/api/v1/saved-views/{savedViewId}',
  tags,
  summary: 'Change a saved view (owner only)',
  access: { permission: 'partners.read' },
  request: { params: viewParams, body: body(savedViewPatchSchema) },
  responses: { 200: json(savedViewSchema, 'The view') },
});

const deleteViewRoute = defineRoute({
  method: 'delete',
  path: '/api/v1/saved-views/{savedViewId}',
  tags,
  summary: 'Delete a saved view (owner only)',
  access: { permission: 'partners.read' },
  request: { params: viewParams },
  responses: { 204: { description: 'Deleted' } },
});

/** The partner directory, partner pages, staff-added partners, exports and saved views. */
export const directoryRoutes = createRouter()
  .openapi(csvRoute, async (c) => {
    const query = c.req.valid('query');
    return exportResponse(
      c,
      'partners',
      'csv',
      await exportPartnersCsv(c.get('tenant')!, query, query.order),
    );
  })
  .openapi(xlsxRoute, async (c) => {
    const query = c.req.valid('query');
    return exportResponse(
      c,
      'partners',
      'xlsx',
      await exportPartnersXlsx(c.get('tenant')!, query, query.order),
    );
  })
  .openapi(listRoute, async (c) => c.json(await findPartners(c.get('tenant')!, c.req.valid('query')), 200))
  .openapi(getRoute, async (c) =>
    c.json(await getPartnerPage(c.get('tenant')!, c.req.valid('param').partnerId), 200),
  )
  .openapi(createRoute, async (c) => c.json(await addPartner(c.get('tenant')!, c.req.valid('json')), 201))
  .openapi(viewsRoute, async (c) => c.json(await findSavedViews(c.get('tenant')!), 200))
  .openapi(createViewRoute, async (c) =>
    c.json(await createSavedView(c.get('tenant')!, c.req.valid('json')), 201),
  )
  .openapi(updateViewRoute, async (c) =>
    c.json(
      await updateSavedView(c.get('tenant')!, c.req.valid('param').savedViewId, c.req.valid('json')),
      200,
    ),
  )
  .openapi(deleteViewRoute, async (c) => {
    await deleteSavedView(c.get('tenant')!, c.req.valid('param').savedViewId);
    return c.body(null, 204);
  });
