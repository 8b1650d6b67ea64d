import { describe, expect, it } from 'vitest';
import { createTestEnv } from '../../../../test/harness';
import { sendVerificationCode } from './verification-codes';
import { useVerificationSender, type VerificationMessage } from './verification-sender';

const request = (destination: string, channel: 'sms' | 'email' = 'sms') => ({
  channel,
  destination,
  locale: 'vi',
  orgId: null,
  vars: { orgName: 'Shop', programName: 'CTV' },
  ip: '10.9.9.9',
});

describe('verification code senders', () => {
  it('a production server (SMTP, no SMS gateway) refuses SMS codes and stores none', async () => {
    const env = await createTestEnv({ config: { smtpUrl: 'smtp://127.0.0.1:2525' } });
    await expect(sendVerificationCode(env.services, request('+84912399001'))).rejects.toMatchObject({
      code: 'unavailable',
    });
    const [row] = await env.services.database.query<{ n: number }>(
      'select count(*)::int as n from verification_codes',
    );
    expect(row?.n).toBe(0);
  });

  it('a plugged-in sender receives the code, which is stored only as a hash', async () => {
    const env = await createTestEnv({ config: { smtpUrl: 'smtp://127.0.0.1:2525' } });
    const sent: VerificationMessage[] = [];
    useVerificationSender(env.services, { send: async (_executor, message) => void sent.push(message) });
    await sendVerificationCode(env.services, request('+84912399002'));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.code).toMatch(/^\d{6}$/);
    const rows = await env.services.database.query<{ code_hash: string }>(
      'select code_hash from verification_codes',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.code_hash).not.toContain(sent[0]!.code);
  });
});
