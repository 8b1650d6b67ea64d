import { and, asc, desc, eq, ilike, type SQL } from 'drizzle-orm';
import { afterCursor, decodeCursor, type Page, toPage } from '../../platform/http/paging';
import type { TenantContext } from '../../platform/services';
import { type ProgramView, toProgramView } from './program-view';
import { programs } from './schema';
import type { ProgramQuery } from './schemas';

/** Programs of the organisation, filtered by status, join mode or name, newest first unless asked. */
export async function findPrograms(ctx: TenantContext, query: ProgramQuery): Promise<Page<ProgramView>> {
  const cursor = decodeCursor(query.cursor);
  const byName = query.sort === 'name';
  const sortColumn = byName ? programs.name : programs.createdAt;
  const conditions: (SQL | undefined)[] = [
    eq(programs.orgId, ctx.orgId),
    query.status ? eq(programs.status, query.status) : undefined,
    query.joinMode ? eq(programs.joinMode, query.joinMode) : undefined,
    query.q ? ilike(programs.name, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
    afterCursor({
      sortColumn,
      idColumn: programs.id,
      cursor,
      order: query.order,
      cast: byName ? 'text' : 'timestamptz',
    }),
  ];
  const direction = query.order === 'asc' ? asc : desc;
  const rows = await ctx.services.db
    .select()
    .from(programs)
    .where(and(...conditions))
    .orderBy(direction(sortColumn), direction(programs.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => ({ value: byName ? row.name : row.createdAt.toISOString(), id: row.id }),
    (row) => toProgramView(row, ctx.services.config.appUrl),
  );
}
