import { and, eq, sql } from 'drizzle-orm';
import writeXlsxFile from 'write-excel-file/node';
import type { Executor } from '../../platform/db';
import type { TenantContext } from '../../platform/services';
import { identities } from '../auth/schema';
import { orgs } from '../orgs';
import { partners } from '../partners';
import { payouts } from './schema';

const HEADERS = [
  'Mã đối tác / Partner',
  'Họ tên / Name',
  'Tiền tệ / Currency',
  'Số lần chi trả / Payouts',
  'Thu nhập chịu thuế / Gross income',
  'Thuế TNCN đã khấu trừ / Tax withheld',
  'Thực nhận / Net paid',
];

/**
 * Income paid and tax withheld per partner in one calendar year (organisation time zone), from
 * payouts marked paid: what withholding certificates are issued from.
 */
export async function yearlyTaxReport(
  ctx: TenantContext,
  executor: Executor,
  year: number,
  format: 'json' | 'csv' | 'xlsx',
) {
  const [org] = await executor.select({ timeZone: orgs.timeZone }).from(orgs).where(eq(orgs.id, ctx.orgId));
  const zone = org?.timeZone ?? 'UTC';
  const rows = await executor
    .select({
      partnerId: payouts.partnerId,
      fullName: sql<string>`min(${identities.fullName})`,
      currency: payouts.currency,
      payouts: sql<number>`count(*)::int`,
      grossMinor: sql<string>`sum(${payouts.grossMinor})::text`,
      taxMinor: sql<string>`sum(${payouts.taxMinor})::text`,
      netMinor: sql<string>`sum(${payouts.netMinor})::text`,
    })
    .from(payouts)
    .innerJoin(partners, eq(partners.id, payouts.partnerId))
    .innerJoin(identities, eq(identities.id, partners.identityId))
    .where(
      and(
        eq(payouts.orgId, ctx.orgId),
        eq(payouts.status, 'paid'),
        sql`${payouts.paidAt} >= (${`${year}-01-01`}::date::timestamp at time zone ${zone})`,
        sql`${payouts.paidAt} < (${`${year + 1}-01-01`}::date::timestamp at time zone ${zone})`,
      ),
    )
    .groupBy(payouts.partnerId, payouts.currency)
    .orderBy(sql`min(${identities.fullName})`, payouts.partnerId);
  if (format === 'json') return { kind: 'json' as const, body: { year, rows } };
  const table = rows.map((row) => [
    row.partnerId,
    row.fullName,
    row.currency,
    String(row.payouts),
    row.grossMinor,
    row.taxMinor,
    row.netMinor,
  ]);
  const fileName = `kenh-tax-report-${year}.${format}`;
  if (format === 'csv') {
    const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
    const text = [HEADERS, ...table].map((line) => line.map(quote).join(',')).join('\r\n');
    return {
      kind: 'file' as const,
      bytes: Buffer.from(`\uFEFF${text}\r\n`, 'utf8'),
      contentType: 'text/csv; charset=utf-8',
      fileName,
    };
  }
  const bytes = await writeXlsxFile(
    [
      HEADERS.map((value) => ({ value, fontWeight: 'bold' as const })),
      ...rows.map((row) => [
        { value: row.partnerId },
        { value: row.fullName },
        { value: row.currency },
        { value: row.payouts, type: Number },
        { value: Number(row.grossMinor), type: Number },
        { value: Number(row.taxMinor), type: Number },
        { value: Number(row.netMinor), type: Number },
      ]),
    ],
    { sheet: String(year), stickyRowsCount: 1 },
  ).toBuffer();
  return {
    kind: 'file' as const,
    bytes,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName,
  };
}
