import { and, count, eq, sql } from 'drizzle-orm';
import { notFound } from '../../../platform/errors';
import type { TenantContext } from '../../../platform/services';
import { identities } from '../../auth';
import { partners } from '../schema';
import { enrollments, partnerNotes, partnerProfiles } from '../schema-enrollments';
import { selectDirectoryRows } from './find-partners';

/** "1234" → "••••1234": what the UI shows of a secret without opening it. */
export const maskLast4 = (last4: string | null) => (last4 ? `••••${last4}` : null);

/** Downline of each enrollment: direct recruits and the whole tree below (bounded at 50 levels). */
async function downlineCounts(ctx: TenantContext, enrollmentIds: string[]) {
  const counts = new Map<string, { direct: number; total: number }>();
  for (const id of enrollmentIds) {
    const result = await ctx.services.db.execute(sql`
      with recursive tree(id, depth) as (
        select e.id, 1 from enrollments e where e.org_id = ${ctx.orgId} and e.upline_enrollment_id = ${id}
        union all
        select e.id, t.depth + 1 from enrollments e join tree t
          on e.org_id = ${ctx.orgId} and e.upline_enrollment_id = t.id where t.depth < 50
      )
      select count(*) filter (where depth = 1)::int as direct, count(*)::int as total from tree`);
    const [row] = (result as unknown as { rows: { direct: number; total: number }[] }).rows;
    counts.set(id, { direct: Number(row?.direct ?? 0), total: Number(row?.total ?? 0) });
  }
  return counts;
}

/**
 * Everything the partner page shows: identity, profile (secrets masked), every enrollment in this
 * organisation with its downline, and the number of notes. Not found unless enrolled here.
 */
export async function getPartnerPage(ctx: TenantContext, partnerId: string) {
  const rows = await selectDirectoryRows(ctx, {
    filters: { sort: 'joinedAt' },
    limit: 100,
    order: 'asc',
    extra: eq(enrollments.partnerId, partnerId),
  });
  if (rows.length === 0) throw notFound('Partner');
  const db = ctx.services.db;
  const [person] = await db
    .select({ partner: partners, identity: identities })
    .from(partners)
    .innerJoin(identities, eq(identities.id, partners.identityId))
    .where(eq(partners.id, partnerId));
  if (!person) throw notFound('Partner');
  const [profile] = await db
    .select()
    .from(partnerProfiles)
    .where(and(eq(partnerProfiles.orgId, ctx.orgId), eq(partnerProfiles.partnerId, partnerId)));
  const [notes] = await db
    .select({ count: count() })
    .from(partnerNotes)
    .where(and(eq(partnerNotes.orgId, ctx.orgId), eq(partnerNotes.partnerId, partnerId)));
  const downline = await downlineCounts(
    ctx,
    rows.map((item) => item.row.enrollmentId),
  );
  return {
    id: person.partner.id,
    identityId: person.identity.id,
    fullName: person.identity.fullName,
    phone: person.identity.phone,
    email: person.identity.email,
    hasPassword: Boolean(person.identity.passwordHash),
    anonymised: Boolean(profile?.anonymisedAt),
    profile: {
      province: profile?.province ?? null,
      socialLinks: profile?.socialLinks ?? [],
      citizenIdMasked: maskLast4(profile?.citizenIdLast4 ?? null),
      bankBin: profile?.bankBin ?? null,
      bankAccountMasked: maskLast4(profile?.bankAccountLast4 ?? null),
      bankVerifiedAt: profile?.bankVerifiedAt?.toISOString() ?? null,
    },
    enrollments: rows.map(({ row }) => {
      const { fullName: _name, phone: _phone, email: _email, partnerId: _partner, ...enrollment } = row;
      return { ...enrollment, downline: downline.get(row.enrollmentId) ?? { direct: 0, total: 0 } };
    }),
    notesCount: Number(notes?.count ?? 0),
  };
}
