import { desc, sql } from 'drizzle-orm';
import type { Services } from '../../platform/services';
import { mailOutbox } from './schema';

export type OutboxItem = {
  id: string;
  to: string;
  subject: string;
  text: string;
  template: string;
  status: 'queued' | 'sent' | 'kept' | 'failed';
  createdAt: string;
};

/**
 * Whether this server shows its mail in the development outbox: only without SMTP_URL (mail stays
 * here instead of going out) and not behind https (a public server must never show reset links).
 */
export function isOutboxAvailable(services: Services): boolean {
  return !services.config.smtpUrl && !services.config.secureCookies;
}

/**
 * The newest mails of the development outbox, optionally to one address. Unscoped by design: it
 * is the mail catcher of a development server, answered only when isOutboxAvailable.
 */
export async function unsafeFindOutboxMail(
  services: Services,
  query: { to?: string; limit: number },
): Promise<OutboxItem[]> {
  const rows = await services.db
    .select()
    .from(mailOutbox)
    .where(query.to ? sql`lower(${mailOutbox.toAddress}) = ${query.to.trim().toLowerCase()}` : undefined)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(query.limit);
  return rows.map((row) => ({
    id: row.id,
    to: row.toAddress,
    subject: row.subject,
    text: row.textBody,
    template: row.template,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
  }));
}
