import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestOrg } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { requestJson } from '../../../../test/sessions';
import { mailOutbox } from './schema';

type Received = { from: string; to: string[]; data: string };
const received: Received[] = [];

const server = new SMTPServer({
  disabledCommands: ['STARTTLS'],
  authOptional: true,
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        data: Buffer.concat(chunks).toString('utf8'),
      });
      callback();
    });
  },
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.server.address() as AddressInfo).port;
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const env = await createTestEnv({ config: { smtpUrl: `smtp://127.0.0.1:${port}` } });

describe('SMTP delivery', () => {
  it('sends a password reset mail through SMTP_URL and marks the outbox row sent', async () => {
    const { ownerEmail } = await createTestOrg(env);
    const response = await requestJson(env, 'POST', '/api/auth/password-reset/request', {
      body: { email: ownerEmail },
    });
    expect(response.status).toBe(202);
    expect(await env.services.jobs.drain()).toBeGreaterThan(0);

    const message = received.find((mail) => mail.to.includes(ownerEmail));
    expect(message?.from).toBe('no-reply@kenh.test');
    expect(message?.data).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(message?.data.replace(/=\r?\n/g, '')).toContain('http://kenh.test/reset-password?token=');
    const [row] = await env.services.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, ownerEmail));
    expect(row).toMatchObject({ status: 'sent', error: null, template: 'password_reset' });
    expect(row!.sentAt?.toISOString()).toBe(env.clock.now().toISOString());
  });
});
