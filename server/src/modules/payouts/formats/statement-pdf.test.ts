import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors';
import { formatStatementMoney } from './statement-money';
import { type PartnerStatement, renderStatementPdf } from './statement-pdf';

const KINDS = ['earning', 'reversal', 'tax', 'payout', 'store_credit', 'adjustment', 'other'] as const;

const NOVEMBER: PartnerStatement = {
  orgName: 'Công ty TNHH Mỹ phẩm Hương Sen',
  partnerName: 'Nguyễn Thị Hồng Nhung',
  referralCode: 'NHUNG2026',
  programName: 'Cộng tác viên bán lẻ',
  period: { from: '2026-11-01', to: '2026-11-30' },
  currency: 'VND',
  openingMinor: 1_000_000n,
  entries: Array.from({ length: 40 }, (_, index) => ({
    date: `2026-11-${String((index % 30) + 1).padStart(2, '0')}`,
    kind: KINDS[index % KINDS.length]!,
    description: `Hoa hồng đơn hàng ORD-${1000 + index}`,
    amountMinor: BigInt((index % 2 ? -1 : 1) * (index + 1) * 12_500),
  })),
  totals: {
    earnings: 2_450_000n,
    reversals: -150_000n,
    taxWithheld: -245_000n,
    payouts: -1_800_000n,
    storeCredit: -55_000n,
    adjustments: 20_000n,
  },
  closingMinor: 1_220_000n,
  generatedAt: new Date('2026-12-01T02:30:00Z'),
};

/** The text of each page, one string per line as a reader lays it out. */
async function pageLines(pdf: Buffer): Promise<string[][]> {
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: false });
  return text.map((page) => page.split('\n').map((line) => line.trim()));
}

describe('partner statement PDF', () => {
  it('renders a Vietnamese statement whose text and numbers read back', async () => {
    const pdf = await renderStatementPdf(NOVEMBER, 'vi');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = await pageLines(pdf);
    expect(pages).toHaveLength(2);
    const first = pages[0]!;
    expect(first.slice(0, 8)).toEqual([
      'Công ty TNHH Mỹ phẩm Hương Sen',
      'Sao kê hoa hồng đối tác',
      'Lập lúc: 01/12/2026 09:30',
      'Đối tác Nguyễn Thị Hồng Nhung',
      'Mã giới thiệu NHUNG2026',
      'Chương trình Cộng tác viên bán lẻ',
      'Kỳ sao kê 01/11/2026 – 30/11/2026',
      'Đơn vị tiền tệ VND',
    ]);
    expect(first.slice(8, 17)).toEqual([
      'Tổng hợp',
      'Số dư đầu kỳ 1.000.000 ₫',
      'Hoa hồng phát sinh 2.450.000 ₫',
      'Hoa hồng bị thu hồi -150.000 ₫',
      'Thuế đã khấu trừ -245.000 ₫',
      'Đã thanh toán -1.800.000 ₫',
      'Chuyển thành tín dụng mua hàng -55.000 ₫',
      'Điều chỉnh 20.000 ₫',
      'Số dư cuối kỳ 1.220.000 ₫',
    ]);
    expect(first).toContain('Ngày Loại Diễn giải Số tiền');
    expect(first).toContain('01/11/2026 Hoa hồng Hoa hồng đơn hàng ORD-1000 12.500 ₫');
    expect(first).toContain('02/11/2026 Thu hồi Hoa hồng đơn hàng ORD-1001 -25.000 ₫');
    expect(first).toContain('Nguyễn Thị Hồng Nhung · NHUNG2026 Trang 1/2');
    const second = pages[1]!;
    expect(second[0]).toBe('Ngày Loại Diễn giải Số tiền');
    expect(second).toContain('10/11/2026 Tín dụng mua hàng Hoa hồng đơn hàng ORD-1039 -500.000 ₫');
    expect(second.at(-1)).toBe('Nguyễn Thị Hồng Nhung · NHUNG2026 Trang 2/2');
    const entryLines = pages.flat().filter((line) => /^\d{2}\/11\/2026 /.test(line));
    expect(entryLines).toHaveLength(40);
  });

  it('renders Thai labels, names and baht', async () => {
    const pdf = await renderStatementPdf(
      {
        ...NOVEMBER,
        orgName: 'บริษัท สยามบิวตี้ จำกัด',
        partnerName: 'สมชาย ใจดี',
        referralCode: 'SOMCHAI',
        programName: 'ตัวแทนขายปลีก',
        currency: 'THB',
        openingMinor: 123_450n,
        entries: [
          {
            date: '2026-11-03',
            kind: 'earning',
            description: 'ค่าคอมมิชชันคำสั่งซื้อ ORD-1001 ลูกค้าคุณสมหญิง รักษ์ดี สินค้าครีมบำรุงผิวหน้าสำหรับกลางคืน',
            amountMinor: 245_000n,
          },
          { date: '2026-11-20', kind: 'payout', description: 'โอนเงินงวดพฤศจิกายน', amountMinor: -200_000n },
        ],
        totals: { ...NOVEMBER.totals, earnings: 245_000n, payouts: -200_000n },
        closingMinor: 168_450n,
      },
      'th',
    );
    const [page] = await pageLines(pdf);
    expect(page!.slice(0, 4)).toEqual([
      'บริษัท สยามบิวตี้ จำกัด',
      'ใบแจ้งยอดค่าคอมมิชชันของพันธมิตร',
      'จัดทำเมื่อ: 01/12/2026 09:30',
      'พันธมิตร สมชาย ใจดี',
    ]);
    expect(page).toContain('ยอดยกมา ฿1,234.50');
    expect(page).toContain('ค่าคอมมิชชันที่ได้รับ ฿2,450.00');
    expect(page).toContain('ยอดที่จ่ายแล้ว -฿2,000.00');
    expect(page).toContain('ยอดคงเหลือยกไป ฿1,684.50');
    expect(page).toContain('วันที่ ประเภท รายละเอียด จำนวนเงิน');
    expect(page).toContain('20/11/2026 จ่ายเงิน โอนเงินงวดพฤศจิกายน -฿2,000.00');
    expect(page!.join('')).toContain('ลูกค้าคุณสมหญิง รักษ์ดี');
    expect(page!.at(-1)).toBe('สมชาย ใจดี · SOMCHAI หน้า 1/1');
  });

  it('renders an English statement without entries', async () => {
    const pdf = await renderStatementPdf(
      { ...NOVEMBER, currency: 'USD', entries: [], generatedAt: new Date('2026-12-01T16:59:00Z') },
      'en',
    );
    const [page] = await pageLines(pdf);
    expect(page).toContain('Generated: 2026-12-01 23:59');
    expect(page).toContain('Period 2026-11-01 – 2026-11-30');
    expect(page).toContain('Opening balance USD 10,000.00');
    expect(page).toContain('Payouts USD -18,000.00');
    expect(page).toContain('No transactions in this period.');
    expect(page!.at(-1)).toBe('Nguyễn Thị Hồng Nhung · NHUNG2026 Page 1 of 1');
  });

  it('formats money per currency', () => {
    expect(formatStatementMoney(2_450_000n, 'VND')).toBe('2.450.000 ₫');
    expect(formatStatementMoney(-1_234_567_890n, 'VND')).toBe('-1.234.567.890 ₫');
    expect(formatStatementMoney(0n, 'VND')).toBe('0 ₫');
    expect(formatStatementMoney(123_450n, 'THB')).toBe('฿1,234.50');
    expect(formatStatementMoney(-5n, 'THB')).toBe('-฿0.05');
    expect(formatStatementMoney(123_456_789n, 'USD')).toBe('USD 1,234,567.89');
    expect(formatStatementMoney(1_234n, 'JPY')).toBe('JPY 1,234');
  });

  it('refuses a statement it cannot render', async () => {
    const error = await renderStatementPdf(
      { ...NOVEMBER, currency: 'XYZ', period: { from: '2026-11-01', to: '30/11/2026' } },
      'fr' as 'vi',
    ).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details).toEqual([
      { path: 'locale', message: 'The locale is vi, en or th' },
      { path: 'currency', message: 'Unsupported currency XYZ' },
      { path: 'period.to', message: 'A date as YYYY-MM-DD' },
    ]);
  });
});
