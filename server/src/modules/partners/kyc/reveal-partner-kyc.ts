import { and, eq } from 'drizzle-orm';
import { openWith } from '../../../platform/crypto';
import type { TenantContext } from '../../../platform/services';
import { recordAudit } from '../../audit';
import { getOrgDataKey } from '../../orgs';
import { assertPartnerEnrolled } from '../assert-partner-enrolled';
import { recordEnrollmentEvents } from '../create-enrollment';
import { partnerProfiles } from '../schema-enrollments';
import { SEALED_COLUMN } from './kyc-columns';
import type { KycField } from './schemas';

/**
 * Clear values of the asked know-your-partner fields. Recorded in the audit log ('partner.kyc_revealed')
 * and the partner's history with the field names — never the values.
 */
export async function revealPartnerKyc(ctx: TenantContext, partnerId: string, fields: KycField[]) {
  return ctx.services.db.transaction(async (tx) => {
    const enrolled = await assertPartnerEnrolled(ctx, tx, partnerId);
    const [profile] = await tx
      .select()
      .from(partnerProfiles)
      .where(and(eq(partnerProfiles.orgId, ctx.orgId), eq(partnerProfiles.partnerId, partnerId)));
    const key = await getOrgDataKey(ctx, tx);
    const values: Record<string, string | null> = {};
    for (const field of fields) {
      const sealed = profile?.[SEALED_COLUMN[field]];
      values[field] = sealed ? openWith(key, sealed) : null;
    }
    await recordAudit(ctx, tx, {
      action: 'partner.kyc_revealed',
      entityType: 'partner',
      entityId: partnerId,
      after: { fields },
    });
    await recordEnrollmentEvents(
      ctx,
      tx,
      enrolled.map((enrollment) => ({
        enrollmentId: enrollment.id,
        type: 'kyc_revealed' as const,
        toValue: fields.join(','),
      })),
    );
    return { partnerId, values };
  });
}
