import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { createTestEnrollment, createTestProgram } from '../../../../../test/enrollment-fixtures';
import { apiCall, createTestApiKey, createTestOrg } from '../../../../../test/factories';
import { createTestEnv } from '../../../../../test/harness';

const env = await createTestEnv();

const phone = () => `090${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;

async function setup() {
  const { org } = await createTestOrg(env);
  const call = apiCall(env, (await createTestApiKey(env, org.id)).secret);
  const program = await createTestProgram(env, org.id, { maxUplineDepth: 3 });
  return { org, call, program };
}

const csvOf = (rows: string[][]) =>
  rows.map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',')).join('\r\n');
const MAPPING = {
  fullName: 'Họ tên',
  phone: 'SĐT',
  email: 'Email',
  externalId: 'Mã CTV',
  province: 'Tỉnh',
  uplineReferralCode: 'Mã giới thiệu',
  groupName: 'Nhóm',
  tags: 'Thẻ',
};

async function importFile(
  call: ReturnType<typeof apiCall>,
  programId: string,
  file: { fileName: string; bytes: Buffer },
) {
  const upload = await call('POST', '/api/v1/partner-imports', {
    programId,
    fileName: file.fileName,
    contentBase64: file.bytes.toString('base64'),
  });
  if (upload.status !== 201) throw new Error(await upload.text());
  const uploaded = await upload.json();
  const preview = await (
    await call('PUT', `/api/v1/partner-imports/${uploaded.importId}/mapping`, { mapping: MAPPING })
  ).json();
  expect((await call('POST', `/api/v1/partner-imports/${uploaded.importId}/run`)).status).toBe(202);
  await env.services.jobs.drain();
  const done = await (await call('GET', `/api/v1/partner-imports/${uploaded.importId}`)).json();
  const report = await (await call('GET', `/api/v1/partner-imports/${uploaded.importId}/report.csv`)).text();
  const lines = report
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(','));
  return { uploaded, preview, done, report: lines };
}

async function snapshot(orgId: string) {
  const rows = await env.services.database.query<{ snap: string }>(
    `select md5(string_agg(x, '|' order by x)) as snap from (
       select e::text as x from enrollments e where org_id = $1
       union all select p::text from partner_profiles p where org_id = $1
       union all select t::text from enrollment_tags t where org_id = $1
       union all select i::text from identities i join partners pa on pa.identity_id = i.id
         join enrollments e on e.partner_id = pa.id and e.org_id = $1
       union all select pa::text from partners pa join enrollments e on e.partner_id = pa.id and e.org_id = $1
     ) s`,
    [orgId],
  );
  return rows[0]!.snap;
}

describe('partner import', () => {
  it('imports, reports per-row errors, and a second run of the same file changes nothing', async () => {
    const { org, call, program } = await setup();
    const known = await createTestEnrollment(env, org.id, { programId: program.id, referralCode: 'SEN2026' });
    const [a, b, c] = [phone(), phone(), phone()];
    const header = ['Họ tên', 'SĐT', 'Email', 'Mã CTV', 'Tỉnh', 'Mã giới thiệu', 'Nhóm', 'Thẻ'];
    const rows = [
      header,
      ['Nguyễn Văn An', a, '', 'K-001', 'Hà Nội', 'sen2026', 'Vàng', 'mới, hn'],
      ['Trần Thị Bình', b.slice(1), 'binh.import@example.vn', 'K-002', 'Huế', '', 'Bạc', ''],
      ['', c, '', 'K-003', '', '', '', ''],
      ['Lê Văn Cường', '12345', '', 'K-004', '', '', '', ''],
      ['Phạm Dũng', a, '', 'K-005', '', '', '', ''],
      ['Hồ Thị Em', c, '', 'K-006', '', 'NOPE99', '', ''],
    ];
    const file = { fileName: 'ctv.csv', bytes: Buffer.from(csvOf(rows)) };
    const first = await importFile(call, program.id, file);
    expect(first.uploaded.suggestedMapping).toMatchObject({
      fullName: 'Họ tên',
      phone: 'SĐT',
      email: 'Email',
    });
    expect(first.preview).toMatchObject({ totalRows: 6, valid: 2, invalid: 4 });
    expect(first.preview.errors).toEqual(
      expect.arrayContaining([
        { row: 4, field: 'fullName', message: 'The name is missing' },
        { row: 5, field: 'phone', message: '“12345” is not a valid phone number' },
        { row: 6, field: 'phone', message: 'The same phone as row 2' },
        { row: 7, field: 'uplineReferralCode', message: 'No partner has the referral code NOPE99' },
      ]),
    );
    expect(first.done).toMatchObject({ status: 'done', processedRows: 6, created: 2, errors: 4 });
    expect(first.report.map((line) => [line[0], line[1]])).toEqual([
      ['2', 'created'],
      ['3', 'created'],
      ['4', 'error'],
      ['5', 'error'],
      ['6', 'error'],
      ['7', 'error'],
    ]);
    const page = await (
      await call('GET', `/api/v1/partners?programId=${program.id}&sort=name&order=asc`)
    ).json();
    const an = page.items.find((row: { fullName: string }) => row.fullName === 'Nguyễn Văn An');
    expect(an).toMatchObject({
      phone: `+84${a.slice(1)}`,
      externalId: 'K-001',
      province: 'Hà Nội',
      uplineReferralCode: 'SEN2026',
      uplineEnrollmentId: known.enrollment.id,
      group: { name: 'Vàng' },
      source: 'import',
      status: 'approved',
    });
    expect(an.tags.map((tag: { name: string }) => tag.name)).toEqual(['hn', 'mới']);
    const binh = page.items.find((row: { fullName: string }) => row.fullName === 'Trần Thị Bình');
    expect(binh.phone).toBe(`+84${b.slice(1)}`); // the lost leading zero is put back

    const before = await snapshot(org.id);
    const second = await importFile(call, program.id, file);
    expect(second.done).toMatchObject({ created: 0, updated: 0, unchanged: 2, errors: 4 });
    expect(second.report.filter((line) => line[1] !== 'error').map((line) => line[1])).toEqual([
      'unchanged',
      'unchanged',
    ]);
    expect(await snapshot(org.id)).toBe(before);

    const changed = rows.map((row) => [...row]);
    changed[2]![6] = 'Vàng';
    changed[2]![4] = 'Đà Nẵng';
    const third = await importFile(call, program.id, {
      fileName: 'ctv.csv',
      bytes: Buffer.from(csvOf(changed)),
    });
    expect(third.report.slice(0, 2).map((line) => line[1])).toEqual(['unchanged', 'updated']);
    const again = await (await call('GET', `/api/v1/partners?q=${encodeURIComponent('Trần')}`)).json();
    expect(again.items[0]).toMatchObject({ province: 'Đà Nẵng', group: { name: 'Vàng' } });
  });

  it('reuses a known identity from another organisation and reads XLSX files', async () => {
    const other = await setup();
    const known = phone();
    await createTestEnrollment(env, other.org.id, {
      programId: other.program.id,
      phone: known,
      fullName: 'Vũ Thị Giang',
    });
    const { org, call, program } = await setup();
    const bytes = await writeXlsxFile([
      ['Họ tên', 'SĐT', 'Email', 'Mã CTV', 'Tỉnh', 'Mã giới thiệu', 'Nhóm', 'Thẻ'],
      ['Vũ Thị Giang', Number(known), null, 'X-1', 'Cần Thơ', null, null, null],
      ['Đỗ Hải', phone(), 'hai.xlsx@example.vn', 'X-2', null, null, null, 'vip'],
    ]).toBuffer();
    const result = await importFile(call, program.id, { fileName: 'ctv.xlsx', bytes });
    expect(result.done).toMatchObject({ created: 2, errors: 0 });
    const identities = await env.services.database.query<{ count: number }>(
      'select count(*)::int as count from identities where phone = $1',
      [`+84${known.slice(1)}`],
    );
    expect(identities[0]!.count).toBe(1);
    const rows = await env.services.database.query<{ count: number }>(
      `select count(distinct e.partner_id)::int as count from enrollments e join partners p on p.id = e.partner_id
        join identities i on i.id = p.identity_id where i.phone = $1`,
      [`+84${known.slice(1)}`],
    );
    expect(rows[0]!.count).toBe(1);
    expect((await (await call('GET', '/api/v1/partners?q=X-1')).json()).items).toHaveLength(1);
    expect(org.id).not.toBe(other.org.id);
  });

  it('refuses a mapping without names and an import of another organisation', async () => {
    const { call, program } = await setup();
    const upload = await (
      await call('POST', '/api/v1/partner-imports', {
        programId: program.id,
        fileName: 'a.csv',
        contentBase64: Buffer.from('Tên;Điện thoại\nAn;0901234999\n').toString('base64'),
      })
    ).json();
    expect(upload.columns).toEqual(['Tên', 'Điện thoại']);
    const bad = await call('PUT', `/api/v1/partner-imports/${upload.importId}/mapping`, {
      mapping: { phone: 'Nope' },
    });
    expect(bad.status).toBe(400);
    const details = (await bad.json()).error.details.map((detail: { path: string }) => detail.path);
    expect(details).toEqual(expect.arrayContaining(['body.mapping.phone', 'body.mapping.fullName']));
    expect((await call('POST', `/api/v1/partner-imports/${upload.importId}/run`)).status).toBe(409);
    const intruder = await setup();
    expect((await intruder.call('GET', `/api/v1/partner-imports/${upload.importId}`)).status).toBe(404);
  });
});
