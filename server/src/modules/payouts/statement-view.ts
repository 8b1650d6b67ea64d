import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import { identities } from '../auth/schema';
import { orgs } from '../orgs';
import { enrollments, partners } from '../partners';
import { programs } from '../programs/schema';
import { renderStatementPdf } from './formats';
import { monthlyStatement, type Statement } from './statement';

export type StatementQuery = {
  enrollmentId: string;
  month: string;
  currency?: string;
  format: 'json' | 'pdf';
  locale: 'vi' | 'en' | 'th';
};

const text = (statement: Statement) => ({
  enrollmentId: statement.enrollmentId,
  month: statement.month,
  period: statement.period,
  currency: statement.currency,
  openingMinor: statement.openingMinor.toString(),
  closingMinor: statement.closingMinor.toString(),
  totals: Object.fromEntries(
    Object.entries(statement.totals).map(([key, value]) => [key, value.toString()]),
  ) as Record<keyof Statement['totals'], string>,
  entries: statement.entries.map((entry) => ({
    at: entry.at.toISOString(),
    kind: entry.kind,
    memo: entry.memo,
    amountMinor: entry.amountMinor.toString(),
    taxMinor: entry.taxMinor.toString(),
  })),
});

/** A partner's monthly statement as JSON or as a PDF in the partner's language. */
export async function statementView(ctx: TenantContext, executor: Executor, query: StatementQuery) {
  const [row] = await executor
    .select({
      orgName: orgs.name,
      programName: programs.name,
      currency: programs.currency,
      referralCode: enrollments.referralCode,
      partnerName: identities.fullName,
    })
    .from(enrollments)
    .innerJoin(orgs, eq(orgs.id, enrollments.orgId))
    .innerJoin(programs, and(eq(programs.orgId, enrollments.orgId), eq(programs.id, enrollments.programId)))
    .innerJoin(partners, eq(partners.id, enrollments.partnerId))
    .innerJoin(identities, eq(identities.id, partners.identityId))
    .where(and(eq(enrollments.orgId, ctx.orgId), eq(enrollments.id, query.enrollmentId)));
  if (!row) throw notFound('Enrollment');
  const statement = await monthlyStatement(ctx, executor, {
    enrollmentId: query.enrollmentId,
    month: query.month,
    currency: query.currency ?? row.currency,
  });
  if (query.format === 'json') return { kind: 'json' as const, body: text(statement) };
  const bytes = await renderStatementPdf(
    {
      orgName: row.orgName,
      partnerName: row.partnerName,
      referralCode: row.referralCode,
      programName: row.programName,
      period: statement.period,
      currency: statement.currency,
      openingMinor: statement.openingMinor,
      entries: statement.entries.map((entry) => ({
        date: entry.at.toISOString().slice(0, 10),
        kind: entry.kind === 'payout' ? 'payout' : entry.kind,
        description: entry.memo,
        amountMinor: entry.amountMinor,
      })),
      totals: {
        earnings: statement.totals.earnings,
        reversals: statement.totals.reversals,
        taxWithheld: statement.totals.taxWithheld,
        payouts: statement.totals.payouts,
        storeCredit: statement.totals.storeCredit,
        adjustments: statement.totals.adjustments,
      },
      closingMinor: statement.closingMinor,
      generatedAt: ctx.services.clock.now(),
    },
    query.locale,
  );
  return {
    kind: 'pdf' as const,
    bytes,
    fileName: `kenh-statement-${row.referralCode}-${query.month}.pdf`,
  };
}
