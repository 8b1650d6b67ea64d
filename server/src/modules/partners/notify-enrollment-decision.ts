import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import type { TenantContext } from '../../platform/services';
import { identities } from '../auth';
import { sendMail } from '../mail';
import { notifyIdentity } from '../notifications';
import { orgs } from '../orgs';
import { programs } from '../programs';
import type { Enrollment } from './create-enrollment';
import { partners } from './schema';

/**
 * Tells the partner that their application was approved or rejected, in the caller's transaction:
 * an in-app notification, and a mail in their language. Partners without an email are not mailed.
 */
export async function notifyEnrollmentDecision(
  ctx: TenantContext,
  executor: Executor,
  enrollment: Enrollment,
) {
  if (enrollment.status !== 'approved' && enrollment.status !== 'rejected') return;
  const [row] = await executor
    .select({
      identityId: identities.id,
      email: identities.email,
      name: identities.fullName,
      locale: identities.locale,
      orgName: orgs.name,
      programName: programs.name,
    })
    .from(partners)
    .innerJoin(identities, eq(identities.id, partners.identityId))
    .innerJoin(orgs, eq(orgs.id, ctx.orgId))
    .innerJoin(programs, and(eq(programs.orgId, ctx.orgId), eq(programs.id, enrollment.programId)))
    .where(eq(partners.id, enrollment.partnerId));
  if (!row) return;
  await notifyIdentity(ctx, executor, {
    identityId: row.identityId,
    kind: enrollment.status === 'approved' ? 'enrollment_approved' : 'enrollment_rejected',
    params: {
      programName: row.programName,
      ...(enrollment.statusReason ? { reason: enrollment.statusReason } : {}),
    },
  });
  if (!row.email) return;
  await sendMail(ctx.services, executor, {
    to: row.email,
    template: enrollment.status === 'approved' ? 'partner_approved' : 'partner_rejected',
    locale: row.locale,
    orgId: ctx.orgId,
    vars: {
      name: row.name,
      orgName: row.orgName,
      programName: row.programName,
      referralCode: enrollment.referralCode,
      reason: enrollment.statusReason ?? '',
      link: `${ctx.services.config.appUrl}/p`,
    },
  });
}
