import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestEnrollment, createTestProgram } from '../../../../test/enrollment-fixtures';
import { apiCall, createTestApiKey, createTestOrg } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { auditLog } from '../audit/schema';
import { VN_BANKS } from './banks/vn-banks';

const env = await createTestEnv();

const KYC = {
  citizenId: '079203001234',
  dateOfBirth: '1998-04-30',
  address: '12 Nguyễn Huệ, Quận 1, TP. Hồ Chí Minh',
  bankBin: '970436',
  bankAccount: '0071000987654',
  bankHolder: 'Trần Thị Mai',
};

async function setUp() {
  const { org } = await createTestOrg(env);
  const program = await createTestProgram(env, org.id);
  const { partner } = await createTestEnrollment(env, org.id, { programId: program.id });
  const key = async (role: 'manager' | 'care_staff' | 'accountant') =>
    apiCall(env, (await createTestApiKey(env, org.id, role)).secret);
  return { org, partner, manager: await key('manager'), care: await key('care_staff') };
}

describe('know-your-partner data', () => {
  it('is stored encrypted: no clear citizen id, account, address or holder in the raw table', async () => {
    const { org, partner, manager } = await setUp();
    const saved = await manager('PUT', `/api/v1/partners/${partner.id}/kyc`, KYC);
    expect(saved.status).toBe(200);
    const rows = await env.services.database.query<Record<string, unknown>>(
      'select * from partner_profiles where org_id = $1 and partner_id = $2',
      [org.id, partner.id],
    );
    expect(rows).toHaveLength(1);
    const raw = Object.values(rows[0]!)
      .map((value) => (value instanceof Date ? value.toISOString() : JSON.stringify(value)))
      .join('|');
    for (const secret of ['079203001234', '0071000987654', '1998-04-30', 'Nguyễn Huệ', 'TRAN THI MAI']) {
      expect(raw).not.toContain(secret);
    }
    expect(rows[0]).toMatchObject({
      citizen_id_last4: '1234',
      bank_account_last4: '7654',
      bank_bin: '970436',
    });
  });

  it('is shown masked, and revealed only with the permission, audited by field names', async () => {
    const { org, partner, manager, care } = await setUp();
    await manager('PUT', `/api/v1/partners/${partner.id}/kyc`, KYC);
    const masked = await (await care('GET', `/api/v1/partners/${partner.id}/kyc`)).json();
    expect(masked).toMatchObject({
      citizenId: '••••••••1234',
      bankAccount: '••••••••7654',
      bankHolder: 'T••• T•• M••',
      dateOfBirth: '••••-••-••',
      bank: { bin: '970436', shortName: 'Vietcombank' },
    });
    expect(JSON.stringify(masked)).not.toContain('079203001234');

    expect(
      (await care('POST', `/api/v1/partners/${partner.id}/kyc/reveal`, { fields: ['citizenId'] })).status,
    ).toBe(403);
    const revealed = await manager('POST', `/api/v1/partners/${partner.id}/kyc/reveal`, {
      fields: ['citizenId', 'bankAccount', 'bankHolder'],
    });
    expect(await revealed.json()).toEqual({
      partnerId: partner.id,
      values: { citizenId: '079203001234', bankAccount: '0071000987654', bankHolder: 'TRAN THI MAI' },
    });
    const [entry] = await env.services.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, 'partner.kyc_revealed')));
    expect(entry).toMatchObject({
      entityId: partner.id,
      after: { fields: ['citizenId', 'bankAccount', 'bankHolder'] },
    });
    expect(JSON.stringify(entry)).not.toContain('079203001234');
  });

  it('validates each field with its path; omitted fields stay, null clears', async () => {
    const { partner, manager } = await setUp();
    const put = (body: unknown) => manager('PUT', `/api/v1/partners/${partner.id}/kyc`, body);
    const pathOf = async (body: unknown) => (await (await put(body)).json()).error.details[0].path;
    expect(await pathOf({ citizenId: '07920300123' })).toBe('body.citizenId');
    expect(await pathOf({ dateOfBirth: '1998-02-30' })).toBe('body.dateOfBirth');
    // the test clock is 2026-11-02: born 2010-11-03 is still 15
    expect(await pathOf({ dateOfBirth: '2010-11-03' })).toBe('body.dateOfBirth');
    expect((await put({ dateOfBirth: '2010-11-02' })).status).toBe(200);
    expect(await pathOf({ bankBin: '999999', bankAccount: '123456' })).toBe('body.bankBin');
    expect(await pathOf({ bankAccount: '12345' })).toBe('body.bankAccount');
    expect(await pathOf({ bankAccount: '123456789' })).toBe('body.bankBin');
    expect(await pathOf({ bankHolder: 'Mai 2' })).toBe('body.bankHolder');

    await put(KYC);
    await put({ address: null });
    const view = await (await manager('GET', `/api/v1/partners/${partner.id}/kyc`)).json();
    expect(view).toMatchObject({ address: null, citizenId: '••••••••1234' });
  });

  it('ships the Vietnamese bank list with NAPAS BINs', async () => {
    const response = await env.app.request('/api/v1/banks');
    expect(response.status).toBe(200);
    const { items } = await response.json();
    expect(items.length).toBeGreaterThanOrEqual(45);
    const byName = new Map(
      items.map((bank: { shortName: string; bin: string }) => [bank.shortName, bank.bin]),
    );
    expect(byName.get('Vietcombank')).toBe('970436');
    expect(byName.get('Techcombank')).toBe('970407');
    expect(byName.get('Cake')).toBe('546034');
    expect(new Set(VN_BANKS.map((bank) => bank.bin)).size).toBe(VN_BANKS.length);
  });
});
