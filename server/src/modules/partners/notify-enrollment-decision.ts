import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import type { TenantContext } from '../../platform/services';
import { identities } from '../auth';
import { sendMail } from '../mail';
import { orgs } from '../orgs';
import { programs } from '../programs';
import type { Enrollment } from './create-enrollment';
import { partners } from './schema';

/**
 * Mails the partner that their application was approved or rejected (in their language), in the
 * caller's transaction. Partners without an email are not mailed (the app shows the status).
 */
export async function notifyEnrollmentDecision(
  ctx: TenantContext,
  executor: Executor,
  enrollment: Enrollment,
) {
  if (enrollment.status !== 'approved' && enrollment.status !== 'rejected') return;
  const [row] = await executor
    .select({
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
  if (!row?.email) return;
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
