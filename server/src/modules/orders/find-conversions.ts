import { and, asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { afterCursor, decodeCursor, type Page, toPage } from '../../platform/http/paging';
import type { TenantContext } from '../../platform/services';
import type { ConversionView } from './order-view';
import { loadCreditedPartners } from './order-views';
import { toConversionView } from './record-conversion';
import { conversions } from './schema';
import type { ConversionListQuery } from './schemas';

/** A page of conversions by time (newest first), filtered by kind, program, partner, source, method. */
export async function findConversions(
  ctx: TenantContext,
  query: ConversionListQuery,
  executor: Executor = ctx.services.db,
): Promise<Page<ConversionView>> {
  const direction = query.order === 'asc' ? asc : desc;
  const rows = await executor
    .select()
    .from(conversions)
    .where(
      and(
        eq(conversions.orgId, ctx.orgId),
        query.kind ? eq(conversions.kind, query.kind) : undefined,
        query.programId ? eq(conversions.programId, query.programId) : undefined,
        query.enrollmentId ? eq(conversions.enrollmentId, query.enrollmentId) : undefined,
        query.source ? eq(conversions.source, query.source) : undefined,
        query.attributionMethod ? eq(conversions.attributionMethod, query.attributionMethod) : undefined,
        afterCursor({
          sortColumn: conversions.occurredAt,
          idColumn: conversions.id,
          cursor: decodeCursor(query.cursor),
          order: query.order,
          cast: 'timestamptz',
        }),
      ),
    )
    .orderBy(direction(conversions.occurredAt), direction(conversions.id))
    .limit(query.limit + 1);
  const partners = await loadCreditedPartners(
    ctx,
    executor,
    rows.map((row) => row.enrollmentId),
  );
  return toPage(
    rows,
    query.limit,
    (row) => ({ value: row.occurredAt.toISOString(), id: row.id }),
    (row) => toConversionView(row, row.enrollmentId ? (partners.get(row.enrollmentId) ?? null) : null),
  );
}
