import type { Executor } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { isOutboxAvailable, sendMail } from '../mail';

export type VerificationMessage = {
  channel: 'sms' | 'email';
  /** E.164 phone or lower-case email. */
  destination: string;
  code: string;
  locale: string;
  orgId: string | null;
  vars: { orgName: string; programName: string };
};

/**
 * Delivers one-time codes. Runs inside the transaction that stores the code, so a sender that
 * queues (outbox, job) commits together with it; an SMS/Zalo gateway plugs in here.
 */
export type VerificationSender = {
  send: (executor: Executor, message: VerificationMessage) => Promise<void>;
};

/**
 * The built-in sender: email through the mail outbox (SMTP when configured). SMS has no gateway
 * yet: a development server (dev outbox on) writes the text to the outbox as a mail addressed to
 * `sms:+84…`, shown on the dev outbox page; a production server refuses SMS until a sender is set.
 */
export function outboxVerificationSender(services: Services): VerificationSender {
  return {
    send: async (executor, message) => {
      if (message.channel === 'sms' && !isOutboxAvailable(services)) {
        throw new AppError('unavailable', 'Codes by SMS are not set up on this server; use your email');
      }
      await sendMail(services, executor, {
        to: message.channel === 'sms' ? `sms:${message.destination}` : message.destination,
        template: message.channel === 'sms' ? 'verification_code_sms' : 'verification_code',
        locale: message.locale,
        vars: { ...message.vars, code: message.code },
        orgId: message.orgId,
      });
    },
  };
}

const senders = new WeakMap<Services, VerificationSender>();

/** Plugs a sender (an SMS gateway, a test double) into a running server's services. */
export function useVerificationSender(services: Services, sender: VerificationSender): void {
  senders.set(services, sender);
}

export function verificationSenderOf(services: Services): VerificationSender {
  return senders.get(services) ?? outboxVerificationSender(services);
}
