import { eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { z } from 'zod';
import type { Executor } from '../../platform/db';
import { newId } from '../../platform/ids';
import { defineJob } from '../../platform/jobs/queue';
import type { Services } from '../../platform/services';
import { mailOutbox } from './schema';
import en from './templates/en.json';
import th from './templates/th.json';
import vi from './templates/vi.json';

const CATALOGS = { vi, en, th } as const;
export type MailLocale = keyof typeof CATALOGS;
export type MailTemplate = keyof typeof vi;

export function renderMail(template: MailTemplate, locale: string, vars: Record<string, string>) {
  const catalog = CATALOGS[(locale in CATALOGS ? locale : 'vi') as MailLocale];
  const fill = (text: string) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => vars[name] ?? '');
  return { subject: fill(catalog[template].subject), text: fill(catalog[template].body) };
}

/**
 * Queues an email inside the caller's transaction: the outbox row and its delivery job commit with
 * the change that caused them, or not at all.
 */
export async function sendMail(
  services: Services,
  executor: Executor,
  mail: {
    to: string;
    template: MailTemplate;
    locale: string;
    vars: Record<string, string>;
    orgId?: string | null;
  },
): Promise<string> {
  const { subject, text } = renderMail(mail.template, mail.locale, mail.vars);
  const id = newId('mail');
  await executor.insert(mailOutbox).values({
    id,
    orgId: mail.orgId ?? null,
    toAddress: mail.to,
    subject,
    textBody: text,
    template: mail.template,
    createdAt: services.clock.now(),
  });
  await services.jobs.enqueue(
    executor,
    deliverMailJob(services),
    { mailId: id },
    { orgId: mail.orgId, dedupeKey: id },
  );
  return id;
}

let transport: { url: string; transporter: Transporter } | undefined;

/** Sends a queued mail by SMTP when SMTP_URL is set; otherwise keeps it in the outbox for the dev page. */
export function deliverMailJob(services: Services) {
  return defineJob({
    name: 'mail.deliver',
    version: 1,
    payload: z.object({ mailId: z.string() }),
    handle: async ({ mailId }) => {
      const [mail] = await services.db.select().from(mailOutbox).where(eq(mailOutbox.id, mailId));
      if (!mail || mail.status === 'sent' || mail.status === 'kept') return;
      const smtpUrl = services.config.smtpUrl;
      if (!smtpUrl) {
        await services.db.update(mailOutbox).set({ status: 'kept' }).where(eq(mailOutbox.id, mailId));
        return;
      }
      if (transport?.url !== smtpUrl)
        transport = { url: smtpUrl, transporter: nodemailer.createTransport(smtpUrl) };
      try {
        await transport.transporter.sendMail({
          from: services.config.mailFrom,
          to: mail.toAddress,
          subject: mail.subject,
          text: mail.textBody,
        });
      } catch (error) {
        await services.db
          .update(mailOutbox)
          .set({ error: error instanceof Error ? error.message : String(error) })
          .where(eq(mailOutbox.id, mailId));
        throw error;
      }
      await services.db
        .update(mailOutbox)
        .set({ status: 'sent', sentAt: services.clock.now(), error: null })
        .where(eq(mailOutbox.id, mailId));
    },
  });
}
