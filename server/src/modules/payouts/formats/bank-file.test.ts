import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors';
import {
  type BankFileRow,
  bankFileCsv,
  bankFileXlsx,
  parseBankFileTemplate,
  VN_STANDARD_TEMPLATE,
} from './bank-file';

const ROWS: BankFileRow[] = [
  {
    payoutReference: 'PO-2026-0001',
    partnerName: 'Nguyễn Thị Hồng Nhung',
    accountName: 'Nguyễn Thị Hồng Nhung',
    accountNumber: '0071000123456',
    bankBin: '970436',
    grossMinor: 2_722_222n,
    taxMinor: 272_222n,
    netMinor: 2_450_000n,
    memo: 'Thanh toán hoa hồng PO-2026-0001',
    currency: 'VND',
    email: 'nhung@example.vn',
    phone: '+84901234567',
  },
  {
    payoutReference: 'PO-2026-0002',
    partnerName: 'Trần Văn "Tí", Jr',
    accountName: 'Trần Văn "Tí", Jr',
    accountNumber: '19033804311013',
    bankBin: '970407',
    grossMinor: 1_000_000n,
    taxMinor: 0n,
    netMinor: 1_000_000n,
    memo: 'Hoa hồng tháng 11/2026 — PO-2026-0002',
    currency: 'VND',
    email: null,
    phone: null,
  },
];

const DETAILED = parseBankFileTemplate({
  name: 'Detailed',
  sheetName: 'Payouts',
  columns: [
    { header: 'No', field: 'index' },
    { header: 'Reference', field: 'payoutReference' },
    { header: 'Partner', field: 'partnerName' },
    { header: 'Bank', field: 'bankName', format: 'ascii' },
    { header: 'Gross', field: 'grossAmount' },
    { header: 'Tax', field: 'taxAmount' },
    { header: 'Net', field: 'netAmount' },
    { header: 'Currency', field: 'currency' },
    { header: 'Email', field: 'email' },
    { header: 'Phone', field: 'phone' },
  ],
});

describe('bank batch files', () => {
  it('writes the Vietnamese standard layout as CSV, byte for byte', () => {
    const csv = bankFileCsv(VN_STANDARD_TEMPLATE, ROWS);
    const expected =
      '\uFEFFSTT,Số tài khoản,Tên người thụ hưởng,Mã ngân hàng (BIN),Ngân hàng,Số tiền,Nội dung\r\n' +
      '1,0071000123456,NGUYEN THI HONG NHUNG,970436,Vietcombank,2450000,Thanh toan hoa hong PO-2026-0001\r\n' +
      '2,19033804311013,"TRAN VAN ""TI"", JR",970407,Techcombank,1000000,Hoa hong thang 11 2026 PO-2026-0002\r\n';
    expect(csv.equals(Buffer.from(expected, 'utf8'))).toBe(true);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('writes other fields, and major units with two decimals for other currencies', () => {
    const thai: BankFileRow = {
      ...ROWS[0]!,
      partnerName: '=HYPERLINK("x")',
      bankBin: '999999',
      bankName: 'ธนาคารกสิกรไทย',
      grossMinor: 123_450n,
      taxMinor: 3_704n,
      netMinor: 119_746n,
      currency: 'THB',
      phone: '+66812345678',
    };
    expect(bankFileCsv(DETAILED, [ROWS[0]!, thai]).toString('utf8')).toBe(
      '\uFEFFNo,Reference,Partner,Bank,Gross,Tax,Net,Currency,Email,Phone\r\n' +
        '1,PO-2026-0001,Nguyễn Thị Hồng Nhung,Ngan hang TMCP Ngoai thuong Viet Nam,2722222,272222,2450000,VND,nhung@example.vn,+84901234567\r\n' +
        `2,PO-2026-0001,"'=HYPERLINK(""x"")",ธนาคารกสิกรไทย,1234.50,37.04,1197.46,THB,nhung@example.vn,+66812345678\r\n`,
    );
  });

  it('writes an XLSX that reads back with the same cells, amounts as numbers', async () => {
    const xlsx = await bankFileXlsx(VN_STANDARD_TEMPLATE, ROWS);
    expect(await readSheet(xlsx)).toEqual([
      [
        'STT',
        'Số tài khoản',
        'Tên người thụ hưởng',
        'Mã ngân hàng (BIN)',
        'Ngân hàng',
        'Số tiền',
        'Nội dung',
      ],
      [
        1,
        '0071000123456',
        'NGUYEN THI HONG NHUNG',
        '970436',
        'Vietcombank',
        2450000,
        'Thanh toan hoa hong PO-2026-0001',
      ],
      [
        2,
        '19033804311013',
        'TRAN VAN "TI", JR',
        '970407',
        'Techcombank',
        1000000,
        'Hoa hong thang 11 2026 PO-2026-0002',
      ],
    ]);
    const detailed = await bankFileXlsx(DETAILED, [
      { ...ROWS[1]!, currency: 'THB', grossMinor: 123_450n, taxMinor: 5n, netMinor: 123_445n },
    ]);
    expect((await readSheet(detailed))[1]).toEqual([
      1,
      'PO-2026-0002',
      'Trần Văn "Tí", Jr',
      'Ngan hang TMCP Ky thuong Viet Nam',
      1234.5,
      0.05,
      1234.45,
      'THB',
      null,
      null,
    ]);
  });

  it('refuses templates with clear errors', () => {
    const attempt = (input: unknown) => {
      try {
        parseBankFileTemplate(input);
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        return (error as AppError).details;
      }
      throw new Error('expected a validation error');
    };
    expect(
      attempt({
        name: 'Mine',
        sheetName: 'Payouts/2026',
        columns: [
          { header: 'Amount', field: 'netAmount', format: 'ascii' },
          { header: 'amount', field: 'iban' },
          { header: ' ', field: 'memo' },
        ],
      }),
    ).toEqual([
      { path: 'template.sheetName', message: 'A sheet name cannot contain \\ / ? * [ ] :' },
      {
        path: 'template.columns.1.field',
        message:
          'The field is one of index, payoutReference, partnerName, accountName, accountNumber, bankBin, bankShortName, bankName, grossAmount, taxAmount, netAmount, memo, currency, email, phone',
      },
      { path: 'template.columns.2.header', message: 'A column needs a header' },
    ]);
    expect(
      attempt({
        name: 'Mine',
        columns: [
          { header: 'Amount', field: 'netAmount', format: 'upper' },
          { header: 'AMOUNT', field: 'memo' },
        ],
      }),
    ).toEqual([
      { path: 'template.columns.0.format', message: 'netAmount is a number and takes no text format' },
      { path: 'template.columns.1.header', message: 'Headers must differ' },
    ]);
    expect(attempt({ name: '', columns: [] })).toEqual([
      { path: 'template.name', message: 'A template needs a name' },
      { path: 'template.columns', message: 'A template needs at least one column' },
    ]);
    expect(parseBankFileTemplate({ name: 'Mine', columns: [{ header: 'A', field: 'memo' }] }).sheetName).toBe(
      'Sheet1',
    );
    expect(parseBankFileTemplate(VN_STANDARD_TEMPLATE)).toEqual(VN_STANDARD_TEMPLATE);
  });

  it('refuses rows in a currency it cannot write', () => {
    expect(() => bankFileCsv(VN_STANDARD_TEMPLATE, [{ ...ROWS[0]!, currency: 'XYZ' }])).toThrow(
      'Unsupported currency XYZ',
    );
  });
});
