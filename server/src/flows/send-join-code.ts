import { normaliseEmail, normalisePhone, sendVerificationCode } from '../modules/auth';
import { unsafeGetActiveProgramByPageCode } from '../modules/programs';
import { AppError } from '../platform/errors';
import type { Services } from '../platform/services';

/** Sends the one-time code that proves the phone or email a person joins with (see sendVerificationCode). */
export async function sendJoinCode(
  services: Services,
  input: { pageCode: string; phone?: string; email?: string; ip: string; locale?: string },
) {
  const { program, org } = await unsafeGetActiveProgramByPageCode(services.db, input.pageCode);
  const phone = input.phone ? normalisePhone(input.phone) : undefined;
  if (input.phone && !phone) {
    throw new AppError('validation_failed', 'The phone number is not valid', {
      details: [{ path: 'body.phone', message: 'Use a Vietnamese or Thai phone number' }],
    });
  }
  const sent = await sendVerificationCode(services, {
    channel: phone ? 'sms' : 'email',
    destination: phone ?? normaliseEmail(input.email ?? ''),
    locale: input.locale ?? org.locale,
    orgId: program.orgId,
    vars: { orgName: org.name, programName: program.name },
    ip: input.ip,
  });
  return {
    channel: sent.channel,
    expiresAt: sent.expiresAt.toISOString(),
    resendAfter: sent.resendAfter.toISOString(),
  };
}
