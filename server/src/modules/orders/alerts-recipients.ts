import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import type { TenantContext } from '../../platform/services';
import { identities } from '../auth';
import { type NotificationKind, notifyIdentity } from '../notifications';
import { orgMembers } from '../orgs';
import { enrollments, partners } from '../partners';

/** Roles told about an alert when a partner has no care staff member (or theirs left). */
const FALLBACK_ROLES = ['owner', 'admin', 'manager'] as const;

/**
 * The people an order alert goes to: the partners (CTV) of the given enrollments (read in the
 * partner app), and their care staff; when none of them has an active care staff member, the
 * organisation's managers (read in the staff app).
 */
export async function alertRecipients(ctx: TenantContext, executor: Executor, enrollmentIds: string[]) {
  const rows =
    enrollmentIds.length === 0
      ? []
      : await executor
          .select({
            identityId: partners.identityId,
            careMemberId: enrollments.careMemberId,
            name: identities.fullName,
            referralCode: enrollments.referralCode,
          })
          .from(enrollments)
          .innerJoin(partners, eq(partners.id, enrollments.partnerId))
          .innerJoin(identities, eq(identities.id, partners.identityId))
          .where(and(eq(enrollments.orgId, ctx.orgId), inArray(enrollments.id, enrollmentIds)));
  const careIds = rows.flatMap((row) => (row.careMemberId ? [row.careMemberId] : []));
  let staff =
    careIds.length === 0
      ? []
      : await executor
          .select({ identityId: orgMembers.identityId })
          .from(orgMembers)
          .where(
            and(
              eq(orgMembers.orgId, ctx.orgId),
              inArray(orgMembers.id, careIds),
              eq(orgMembers.status, 'active'),
            ),
          );
  if (staff.length === 0) {
    staff = await executor
      .select({ identityId: orgMembers.identityId })
      .from(orgMembers)
      .where(
        and(
          eq(orgMembers.orgId, ctx.orgId),
          inArray(orgMembers.role, [...FALLBACK_ROLES]),
          eq(orgMembers.status, 'active'),
        ),
      );
  }
  return {
    partners: [...new Set(rows.map((row) => row.identityId))],
    /** The partners as staff read them: "Trần Thị Mai (MAI2026)". */
    partnerLabels: rows.map((row) => `${row.name} (${row.referralCode})`),
    staff: [...new Set(staff.map((row) => row.identityId))],
  };
}

/** `alertRecipients` of an order: the CTV who entered it and the partner it is credited to. */
export function orderAlertRecipients(
  ctx: TenantContext,
  executor: Executor,
  order: { enteredByEnrollmentId: string | null; enrollmentId: string | null },
) {
  const enrollmentIds = [order.enteredByEnrollmentId, order.enrollmentId].filter(
    (id): id is string => id !== null,
  );
  return alertRecipients(ctx, executor, [...new Set(enrollmentIds)]);
}

/** Tells the partner of an enrollment, in the caller's transaction. */
export async function notifyEnrollmentPartner(
  ctx: TenantContext,
  executor: Executor,
  input: { enrollmentId: string; kind: NotificationKind; params: Record<string, string> },
) {
  const [row] = await executor
    .select({ identityId: partners.identityId })
    .from(enrollments)
    .innerJoin(partners, eq(partners.id, enrollments.partnerId))
    .where(and(eq(enrollments.orgId, ctx.orgId), eq(enrollments.id, input.enrollmentId)));
  if (row)
    await notifyIdentity(ctx, executor, {
      identityId: row.identityId,
      kind: input.kind,
      params: input.params,
    });
}
