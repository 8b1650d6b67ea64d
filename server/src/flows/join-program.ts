import {
  assertWithinLimit,
  checkVerificationCode,
  consumeVerificationCode,
  findIdentityByLogin,
  markContactVerified,
  normaliseEmail,
  normalisePhone,
  verifyPassword,
} from '../modules/auth';
import type { JoinBody } from '../modules/joining/schemas';
import { sendMail } from '../modules/mail';
import { createEnrollment, createPartnerAccount, findEnrollmentByReferralCode } from '../modules/partners';
import {
  findUsableInvitation,
  markInvitationAccepted,
  type Program,
  unsafeGetActiveProgramByPageCode,
} from '../modules/programs';
import { AppError, badRequest, conflict } from '../platform/errors';
import type { Services, TenantContext } from '../platform/services';
import { checkJoinAnswers, initialJoinStatus } from './join-form';
import { saveJoinProfile } from './join-profile';

/** Sign-up attempts (right or wrong) per hour: room for typos, not for guessing codes. */
export const SIGNUPS_PER_IP_PER_HOUR = 20;
export const SIGNUPS_PER_CONTACT_PER_HOUR = 10;
const HOUR_MS = 60 * 60_000;

export type JoinOutcome = {
  status: 'pending' | 'approved' | 'rejected' | 'suspended' | 'banned' | 'left';
  referralCode: string;
  identityId: string;
  /** A new account, or an existing one whose password was given (and has no second factor). */
  mayOpenSession: boolean;
};

/** The organisation's context for a sign-up made on its public join page. */
export function joinContext(services: Services, orgId: string): TenantContext {
  return { orgId, services, actor: { type: 'system', label: 'Self sign-up' } };
}

function contactOf(body: Pick<JoinBody, 'phone' | 'email'>) {
  const phone = body.phone ? normalisePhone(body.phone) : undefined;
  if (body.phone && !phone) {
    throw new AppError('validation_failed', 'The phone number is not valid', {
      details: [{ path: 'body.phone', message: 'Use a Vietnamese or Thai phone number' }],
    });
  }
  return { phone, email: body.email ? normaliseEmail(body.email) : undefined };
}

async function invitationFor(ctx: TenantContext, program: Program, token: string | undefined) {
  const invitation = token ? await findUsableInvitation(ctx, ctx.services.db, program.id, token) : undefined;
  if (token && !invitation) {
    throw new AppError('validation_failed', 'This invitation link is not valid or has expired', {
      details: [{ path: 'body.invite', message: 'Ask for a new invitation' }],
    });
  }
  if (program.joinMode === 'invite' && !invitation) {
    throw new AppError('forbidden', 'This program takes partners by invitation only');
  }
  return invitation;
}

/**
 * A person joins a program from its public page: honeypot and rate limits, the join form's answers,
 * the one-time code, then in one transaction their global account (never a duplicate identity),
 * the enrollment (open → approved; approval → pending unless auto-approved; invite → needs a valid
 * invitation), the profile, and the approval mail. An existing account must prove itself: by the
 * code (it was sent to that account's phone or email) or by its password; otherwise 401.
 */
export async function joinProgram(
  services: Services,
  input: { pageCode: string; body: JoinBody; ip: string },
) {
  const { body } = input;
  if (body.website) throw badRequest('The form could not be accepted');
  const { program, org } = await unsafeGetActiveProgramByPageCode(services.db, input.pageCode);
  const contact = contactOf(body);
  await assertWithinLimit(services, {
    key: 'signup:ip',
    personal: input.ip,
    max: SIGNUPS_PER_IP_PER_HOUR,
    windowMs: HOUR_MS,
  });
  const contactKey = contact.phone ?? contact.email;
  if (contactKey)
    await assertWithinLimit(services, {
      key: 'signup:contact',
      personal: contactKey,
      max: SIGNUPS_PER_CONTACT_PER_HOUR,
      windowMs: HOUR_MS,
    });

  const ctx = joinContext(services, program.orgId);
  const fields = checkJoinAnswers(program.joinForm, { ...body, ...contact }, services.clock.now());
  const invitation = await invitationFor(ctx, program, body.invite);
  const verified = await checkVerificationCode(services, {
    destinations: [contact.phone, contact.email].filter((value): value is string => Boolean(value)),
    code: body.code,
  });

  const existing = await findIdentityByLogin(services.db, { phone: contact.phone, email: contact.email });
  let passwordOk = false;
  if (existing) {
    passwordOk = Boolean(
      body.password && existing.passwordHash && (await verifyPassword(existing.passwordHash, body.password)),
    );
    const provedByCode =
      verified.destination === existing.phone || verified.destination === existing.email?.toLowerCase();
    if (!provedByCode && !passwordOk) {
      throw new AppError(
        'unauthenticated',
        'An account with this phone or email exists: give its password to join',
        {
          details: [{ path: 'body.password', message: 'The password of your existing account' }],
        },
      );
    }
  } else if (!body.password) {
    throw new AppError('validation_failed', 'Choose a password for your account', {
      details: [{ path: 'body.password', message: 'Required' }],
    });
  }

  return services.db.transaction(async (tx): Promise<JoinOutcome> => {
    await consumeVerificationCode(services, tx, verified.id);
    const { partner, identity } = await createPartnerAccount(services, tx, {
      fullName: fields.fullName,
      phone: contact.phone,
      email: contact.email,
      password: existing ? undefined : body.password,
      locale: org.locale,
    });
    if (verified.destination === identity.phone || verified.destination === identity.email?.toLowerCase())
      await markContactVerified(services, tx, identity.id, verified.channel);
    const referrer = body.ref ? await findEnrollmentByReferralCode(ctx, tx, body.ref) : undefined;
    const upline = referrer?.status === 'approved' ? referrer : undefined;
    const status = initialJoinStatus(program, {
      invited: Boolean(invitation),
      contactVerified: true,
      hasReferrer: Boolean(upline),
      province: fields.province,
    });
    const enrollment = await createEnrollment(ctx, tx, {
      programId: program.id,
      partnerId: partner.id,
      fullName: identity.fullName,
      source: invitation ? 'invite' : 'self',
      status,
      statusReason: status === 'approved' && program.joinMode === 'approval' ? 'Auto-approved' : null,
      uplineReferralCode: upline?.referralCode,
    });
    if (invitation && !(await markInvitationAccepted(ctx, tx, invitation, enrollment.id)))
      throw conflict('This invitation was already used');
    await saveJoinProfile(ctx, tx, partner.id, fields);
    if (status === 'approved' && identity.email) {
      await sendMail(services, tx, {
        to: identity.email,
        template: 'partner_approved',
        locale: identity.locale,
        vars: {
          name: identity.fullName,
          orgName: org.name,
          programName: program.name,
          referralCode: enrollment.referralCode,
          link: `${services.config.appUrl}/p/`,
        },
        orgId: program.orgId,
      });
    }
    return {
      status: enrollment.status,
      referralCode: enrollment.referralCode,
      identityId: identity.id,
      mayOpenSession: !existing || (passwordOk && !existing.totpEnabledAt),
    };
  });
}
