import { AppError, type ErrorDetail } from '../../../platform/errors';
import type { TenantContext } from '../../../platform/services';
import { addImpressionStats, hourOf, type ImpressionCount } from './impression-writer';

/** How far back a report may go: the days the daily CPM run looks at again. */
export const IMPRESSION_REPORT_DAYS = 7;
/** A report may name an hour up to this far ahead (clocks differ a little). */
const CLOCK_SKEW_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

export type ImpressionReportInput = {
  externalId: string;
  /** The link's short code, or the partner's referral code for their default link. */
  linkCode?: string | undefined;
  referralCode?: string | undefined;
  /** Any moment of the hour the impressions happened in. */
  hour: Date;
  impressions: number;
};

export type ImpressionReportResult = {
  recorded: number;
  duplicates: number;
  reports: { externalId: string; status: 'recorded' | 'duplicate'; linkCode: string }[];
};

type LinkRow = {
  id: string;
  code: string;
  program_id: string;
  enrollment_id: string;
  referral_code: string | null;
};

const FIND_LINKS = `
  select l.id, l.code, l.program_id, l.enrollment_id, case when l.is_default then e.referral_code end as referral_code
    from links l
    left join enrollments e on e.org_id = l.org_id and e.id = l.enrollment_id
   where l.org_id = $1
     and (upper(l.code) = any($2::text[]) or (l.is_default and upper(e.referral_code) = any($3::text[])))`;

const INSERT_REPORTS = `
  insert into impression_reports (org_id, external_id, link_id, program_id, enrollment_id, hour, impressions, created_at)
  select $1, * from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::int[]), now()
  on conflict (org_id, external_id) do nothing
  returning external_id`;

/**
 * Impression counts reported by the shop's or an ad server's systems (for CPM), each stored once per
 * external id: the same report sent again adds nothing and answers "duplicate". Every report names a
 * link of the organisation (by its code, or a partner's referral code for their default link) and an
 * hour of the last seven days; one bad report refuses the whole request, with where and why.
 */
export async function recordImpressionReports(
  ctx: TenantContext,
  reports: ImpressionReportInput[],
): Promise<ImpressionReportResult> {
  const { services } = ctx;
  const now = services.clock.now().getTime();
  const upper = (codes: (string | undefined)[]) => [
    ...new Set(codes.filter((code): code is string => !!code).map((code) => code.toUpperCase())),
  ];
  const links = await services.database.query<LinkRow>(FIND_LINKS, [
    ctx.orgId,
    upper(reports.map((report) => report.linkCode)),
    upper(reports.map((report) => report.referralCode)),
  ]);
  const byCode = new Map(links.map((link) => [link.code.toUpperCase(), link]));
  const byReferral = new Map(
    links.filter((link) => link.referral_code).map((link) => [link.referral_code!.toUpperCase(), link]),
  );

  const details: ErrorDetail[] = [];
  const resolved = reports.map((report, index) => {
    const path = `reports.${index}`;
    const link = report.linkCode
      ? byCode.get(report.linkCode.toUpperCase())
      : byReferral.get((report.referralCode ?? '').toUpperCase());
    if (!report.linkCode && !report.referralCode)
      details.push({ path, message: 'Name the link (linkCode) or the partner (referralCode)' });
    else if (!link)
      details.push({
        path: report.linkCode ? `${path}.linkCode` : `${path}.referralCode`,
        message: report.linkCode
          ? 'No link of this organisation has this code'
          : 'No partner has this referral code',
      });
    const hour = hourOf(report.hour);
    if (report.hour.getTime() > now + CLOCK_SKEW_MS)
      details.push({ path: `${path}.hour`, message: 'The hour is in the future' });
    else if (hour.getTime() < now - IMPRESSION_REPORT_DAYS * DAY_MS)
      details.push({
        path: `${path}.hour`,
        message: `Impressions older than ${IMPRESSION_REPORT_DAYS} days are no longer accepted`,
      });
    return { report, link, hour };
  });
  if (details.length > 0)
    throw new AppError('unprocessable', 'Some impression reports cannot be recorded; nothing was recorded', {
      details,
    });

  // the first report of an external id in the request counts; later ones are duplicates
  const seen = new Set<string>();
  const first = resolved.filter(({ report }) => !seen.has(report.externalId) && seen.add(report.externalId));
  const stored = await services.database.transaction(async (session) => {
    const inserted = await session.query<{ external_id: string }>(INSERT_REPORTS, [
      ctx.orgId,
      first.map(({ report }) => report.externalId),
      first.map(({ link }) => link!.id),
      first.map(({ link }) => link!.program_id),
      first.map(({ link }) => link!.enrollment_id),
      first.map(({ hour }) => hour.toISOString()),
      first.map(({ report }) => report.impressions),
    ]);
    const fresh = new Set(inserted.map((row) => row.external_id));
    const counts = new Map<string, ImpressionCount>();
    for (const { report, link, hour } of first) {
      if (!fresh.has(report.externalId)) continue;
      const key = `${link!.id}\n${hour.getTime()}`;
      const count = counts.get(key) ?? {
        orgId: ctx.orgId,
        linkId: link!.id,
        programId: link!.program_id,
        enrollmentId: link!.enrollment_id,
        hour,
        impressions: 0,
        botImpressions: 0,
      };
      count.impressions += report.impressions;
      counts.set(key, count);
    }
    await addImpressionStats(session, [...counts.values()]);
    return fresh;
  });
  const answered = new Set<string>();
  const results = resolved.map(({ report, link }) => {
    const recorded = stored.has(report.externalId) && !answered.has(report.externalId);
    answered.add(report.externalId);
    return {
      externalId: report.externalId,
      status: recorded ? ('recorded' as const) : ('duplicate' as const),
      linkCode: link!.code,
    };
  });
  const recorded = results.filter((result) => result.status === 'recorded').length;
  return { recorded, duplicates: results.length - recorded, reports: results };
}
