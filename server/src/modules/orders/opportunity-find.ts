import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { afterCursor, decodeCursor, type PageQuery, toPage } from '../../platform/http/paging';
import type { Services, TenantContext } from '../../platform/services';
import { programs } from '../programs';
import { type OpportunityRow, toOpportunityView } from './opportunity-view';
import { enrollmentLabels, myEnrollmentScope } from './partner-orders-access';
import { type OpportunityStatus, opportunities } from './schema';

type Filters = { status?: OpportunityStatus; enrollmentId?: string };

/** The partner's opportunities, newest first. */
export async function findMyOpportunities(
  services: Services,
  identityId: string,
  query: Pick<PageQuery, 'limit' | 'cursor'> & Filters,
) {
  const scope = await myEnrollmentScope(services, identityId, query.enrollmentId);
  if (scope.ids.length === 0) return { items: [], nextCursor: null };
  const cursor = decodeCursor(query.cursor);
  const rows = await services.db
    .select()
    .from(opportunities)
    .where(
      and(
        inArray(opportunities.orgId, scope.orgIds),
        inArray(opportunities.enrollmentId, scope.ids),
        query.status ? eq(opportunities.status, query.status) : undefined,
        afterCursor({
          sortColumn: opportunities.createdAt,
          idColumn: opportunities.id,
          cursor,
          order: 'desc',
          cast: 'timestamptz',
        }),
      ),
    )
    .orderBy(desc(opportunities.createdAt), desc(opportunities.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    toOpportunityView,
  );
}

/** The organisation's opportunities with their partner, filtered for the pipeline board or a list. */
export async function findOpportunities(
  ctx: TenantContext,
  query: PageQuery & Filters & { programId?: string },
) {
  const { db } = ctx.services;
  const cursor = decodeCursor(query.cursor);
  const rows = await db
    .select({ opportunity: opportunities, programName: programs.name })
    .from(opportunities)
    .innerJoin(
      programs,
      and(eq(programs.orgId, opportunities.orgId), eq(programs.id, opportunities.programId)),
    )
    .where(
      and(
        eq(opportunities.orgId, ctx.orgId),
        query.status ? eq(opportunities.status, query.status) : undefined,
        query.programId ? eq(opportunities.programId, query.programId) : undefined,
        query.enrollmentId ? eq(opportunities.enrollmentId, query.enrollmentId) : undefined,
        afterCursor({
          sortColumn: opportunities.createdAt,
          idColumn: opportunities.id,
          cursor,
          order: query.order,
          cast: 'timestamptz',
        }),
      ),
    )
    .orderBy(
      query.order === 'asc' ? asc(opportunities.createdAt) : desc(opportunities.createdAt),
      query.order === 'asc' ? asc(opportunities.id) : desc(opportunities.id),
    )
    .limit(query.limit + 1);
  const labels = await enrollmentLabels(
    db,
    ctx.orgId,
    rows.map((row) => row.opportunity.enrollmentId),
  );
  return toPage(
    rows,
    query.limit,
    (row) => ({ value: row.opportunity.createdAt.toISOString(), id: row.opportunity.id }),
    (row) => toStaffOpportunityView(row.opportunity, row.programName, labels),
  );
}

/** One opportunity of the organisation; `forUpdate` locks it for a status change or conversion. */
export async function getOpportunityRow(
  ctx: TenantContext,
  executor: Executor,
  opportunityId: string,
  options: { forUpdate?: boolean } = {},
): Promise<OpportunityRow> {
  const query = executor
    .select()
    .from(opportunities)
    .where(and(eq(opportunities.orgId, ctx.orgId), eq(opportunities.id, opportunityId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Opportunity');
  return row;
}

/** The staff view of an opportunity: its partner and program by name. */
export async function toStaffOpportunity(ctx: TenantContext, executor: Executor, row: OpportunityRow) {
  const [program] = await executor
    .select({ name: programs.name })
    .from(programs)
    .where(and(eq(programs.orgId, ctx.orgId), eq(programs.id, row.programId)));
  const labels = await enrollmentLabels(executor, ctx.orgId, [row.enrollmentId]);
  return toStaffOpportunityView(row, program?.name ?? '', labels);
}

function toStaffOpportunityView(
  row: OpportunityRow,
  programName: string,
  labels: Awaited<ReturnType<typeof enrollmentLabels>>,
) {
  const partner = labels.get(row.enrollmentId);
  return {
    ...toOpportunityView(row),
    programName,
    partner: partner
      ? { partnerId: partner.partnerId, name: partner.name, referralCode: partner.referralCode }
      : null,
  };
}
