import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestEnrollment, createTestProgram } from '../../../../../test/enrollment-fixtures';
import { apiCall, createTestApiKey, createTestOrg } from '../../../../../test/factories';
import { createTestEnv } from '../../../../../test/harness';
import { parseHumanAmount } from '../../../platform/human-amount';
import { commissionLines, ledgerEntries } from '../schema';

const parseSignedAmount = (text: string, currency: string) =>
  parseHumanAmount(text, currency, { signed: true });

const env = await createTestEnv();
const { org } = await createTestOrg(env, { name: 'Nông sản Tây Nguyên' });
const { secret } = await createTestApiKey(env, org.id, 'owner', 'Khóa kế toán');
const call = apiCall(env, secret);
const program = await createTestProgram(env, org.id, { name: 'CTV cà phê' });
const hoa = await createTestEnrollment(env, org.id, { programId: program.id, status: 'approved' });
const minh = await createTestEnrollment(env, org.id, { programId: program.id, status: 'approved' });
const hoaCode = hoa.enrollment.referralCode;
const minhCode = minh.enrollment.referralCode;

const csv = [
  'Mã giới thiệu,Số tiền,Lý do,Chương trình',
  `${hoaCode},150.000,Thưởng vượt chỉ tiêu tháng 11,`,
  `${minhCode.toLowerCase()},-50.000,Phạt giao hàng trễ,CTV cà phê`,
  'KHONGCO99,20.000,Thưởng,',
  `${hoaCode},15.5,Thưởng lẻ,`,
  `${minhCode},10.000,,`,
  `${hoaCode},150.000,Thưởng vượt chỉ tiêu tháng 11,`,
].join('\n');

async function upload(text: string, fileName = 'ck-phat-sinh-thang-11.csv', batchKey?: string) {
  const form = new FormData();
  form.append('file', new File([text], fileName, { type: 'text/csv' }));
  if (batchKey) form.append('batchKey', batchKey);
  return env.app.request('/api/v1/commissions/incidental/import', {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}` },
    body: form,
  });
}

async function counts() {
  const [lines] = await env.services.db
    .select({ count: sql<number>`count(*)::int` })
    .from(commissionLines)
    .where(eq(commissionLines.orgId, org.id));
  const [entries] = await env.services.db
    .select({ count: sql<number>`count(*)::int` })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.orgId, org.id));
  return { lines: lines!.count, entries: entries!.count };
}

describe('signed amounts in major units', () => {
  it('reads thousands separators and signs exactly', () => {
    expect(parseSignedAmount('150.000', 'VND')).toBe(150_000n);
    expect(parseSignedAmount('-50.000', 'VND')).toBe(-50_000n);
    expect(parseSignedAmount('1.250.000 ₫', 'VND')).toBe(1_250_000n);
    expect(parseSignedAmount('-1,234.50', 'THB')).toBe(-123_450n);
    expect(parseSignedAmount('99.5', 'THB')).toBe(9_950n);
    expect(() => parseSignedAmount('15.5', 'VND')).toThrow('VND amounts have no decimals: "15.5"');
    expect(() => parseSignedAmount('mười nghìn', 'VND')).toThrow('Not an amount');
  });
});

describe('POST /api/v1/commissions/incidental/import', () => {
  it('creates good rows in review and reports bad rows with the field and reason', async () => {
    const response = await upload(csv);
    expect(response.status).toBe(200);
    const report = await response.json();
    expect(report.totals).toEqual({ rows: 6, created: 3, alreadyImported: 0, errors: 3 });
    expect(report.columns).toEqual({
      partnerCode: 'Mã giới thiệu',
      amount: 'Số tiền',
      reason: 'Lý do',
      program: 'Chương trình',
    });
    const byRow = (rowNumber: number) =>
      report.rows.find((row: { rowNumber: number }) => row.rowNumber === rowNumber);
    expect(byRow(2)).toMatchObject({
      outcome: 'created',
      enrollmentId: hoa.enrollment.id,
      amountMinor: '150000',
      currency: 'VND',
      errors: [],
    });
    expect(byRow(3)).toMatchObject({
      outcome: 'created',
      enrollmentId: minh.enrollment.id,
      amountMinor: '-50000',
    });
    expect(byRow(4)).toMatchObject({
      outcome: 'error',
      errors: [{ field: 'partnerCode', message: 'No partner with referral code KHONGCO99' }],
    });
    expect(byRow(5)).toMatchObject({
      outcome: 'error',
      errors: [{ field: 'amount', message: 'VND amounts have no decimals: "15.5"' }],
    });
    expect(byRow(6)).toMatchObject({
      outcome: 'error',
      errors: [{ field: 'reason', message: 'Required: why the bonus or penalty is given' }],
    });
    // the same row twice in one file is two bonuses
    expect(byRow(7)).toMatchObject({ outcome: 'created', amountMinor: '150000' });
    expect(byRow(7).commissionLineId).not.toBe(byRow(2).commissionLineId);

    const lines = await env.services.db
      .select()
      .from(commissionLines)
      .where(and(eq(commissionLines.orgId, org.id), eq(commissionLines.kind, 'incidental')))
      .orderBy(commissionLines.amountMinor);
    expect(lines.map((line) => [line.enrollmentId, line.amountMinor, line.status])).toEqual([
      [minh.enrollment.id, -50_000n, 'review'],
      [hoa.enrollment.id, 150_000n, 'review'],
      [hoa.enrollment.id, 150_000n, 'review'],
    ]);
    expect(lines[0]!.explanation).toEqual({
      incidental: { reason: 'Phạt giao hàng trễ', enteredBy: expect.any(String) },
    });
  });

  it('uploading the same file again adds nothing', async () => {
    const before = await counts();
    const report = await (await upload(csv)).json();
    expect(report.totals).toEqual({ rows: 6, created: 0, alreadyImported: 3, errors: 3 });
    expect(await counts()).toEqual(before);
  });

  it('a batch key makes a renamed file import once too; JSON with base64 works the same', async () => {
    const text = `Referral code;Amount;Reason\n${minhCode};25.000;Thưởng tuần\n`;
    const first = await call('POST', '/api/v1/commissions/incidental/import', {
      fileName: 'tuan-1.csv',
      contentBase64: Buffer.from(text).toString('base64'),
      batchKey: 'tuan-48',
    });
    expect((await first.json()).totals).toMatchObject({ created: 1 });
    const before = await counts();
    const renamed = await upload(text, 'tuan-1-ban-sua.csv', 'tuan-48');
    expect((await renamed.json()).totals).toMatchObject({ created: 0, alreadyImported: 1 });
    expect(await counts()).toEqual(before);
  });

  it('refuses a file without the required columns, naming them', async () => {
    const response = await upload('Họ tên,Ghi chú khác\nAn,x\n', 'sai.csv');
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.message).toBe(
      'The file lacks the column(s): partner referral code (Mã giới thiệu), amount (Số tiền), reason (Lý do)',
    );
  });

  it('serves the template, which imports as it is read', async () => {
    const response = await call('GET', '/api/v1/commissions/incidental/template.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await response.text();
    expect(text).toContain('Mã giới thiệu,Số tiền,Lý do,Chương trình');
    const report = await (await upload(text, 'mau.csv')).json();
    expect(report.rows.map((row: { errors: { field: string }[] }) => row.errors.map((e) => e.field))).toEqual(
      [['partnerCode'], ['partnerCode']],
    );
  });
});
