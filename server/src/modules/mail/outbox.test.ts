import { describe, expect, it } from 'vitest';
import { uniqueEmail } from '../../../../test/factories';
import { createTestEnv, testConfig } from '../../../../test/harness';
import { buildApp, createServices } from '../../app';
import type { Config } from '../../platform/config';
import { createLogger } from '../../platform/logger';
import { sendMail } from './send-mail';

const env = await createTestEnv();

type Item = {
  id: string;
  to: string;
  subject: string;
  text: string;
  template: string;
  status: string;
  createdAt: string;
};

async function outbox(query = '') {
  const response = await env.app.request(`/api/dev/outbox${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: Item[] }).items;
}

const mailTo = (to: string, name: string) =>
  sendMail(env.services, env.services.db, {
    to,
    template: 'email_verification',
    locale: 'en',
    vars: { name, link: `http://kenh.test/verify-email?token=${name}` },
  });

describe('development outbox', () => {
  it('lists kept mail newest first, for one recipient, up to the limit', async () => {
    const alice = uniqueEmail('alice');
    const bob = uniqueEmail('bob');
    await mailTo(alice, 'first');
    env.clock.advance(1000);
    await mailTo(bob, 'other');
    env.clock.advance(1000);
    const newestId = await mailTo(alice, 'second');

    const items = await outbox(`?to=${encodeURIComponent(alice.toUpperCase())}`);
    expect(items.map((item) => item.text.match(/token=(\w+)/)?.[1])).toEqual(['second', 'first']);
    expect(items[0]).toMatchObject({
      id: newestId,
      to: alice,
      subject: 'Verify your email on Kênh',
      template: 'email_verification',
      status: 'queued',
      createdAt: env.clock.now().toISOString(),
    });
    expect(await outbox('?limit=1')).toHaveLength(1);
    expect((await env.app.request('/api/dev/outbox?limit=101')).status).toBe(400);

    await env.services.jobs.drain();
    expect((await outbox(`?to=${encodeURIComponent(alice)}`)).map((item) => item.status)).toEqual([
      'kept',
      'kept',
    ]);
  });
});

/** The same database served with another configuration. */
const appWith = (config: Partial<Config>) =>
  buildApp(
    createServices({
      config: { ...testConfig, ...config },
      database: env.database,
      clock: env.clock,
      log: createLogger('silent'),
    }),
    { serveWeb: false },
  );

describe('with SMTP configured or behind https', () => {
  it('answers 404: mail goes out and is not shown', async () => {
    await mailTo(uniqueEmail('carol'), 'hidden');
    const response = await appWith({ smtpUrl: 'smtp://127.0.0.1:2525' }).request('/api/dev/outbox');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
    const https = appWith({ appUrl: 'https://kenh.example.vn', secureCookies: true });
    expect((await https.request('/api/dev/outbox')).status).toBe(404);
  });
});
