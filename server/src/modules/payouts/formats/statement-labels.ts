/** The words of a partner statement in the three languages Kênh speaks. */
export type StatementLocale = 'vi' | 'en' | 'th';

export type StatementEntryKind =
  | 'earning'
  | 'reversal'
  | 'tax'
  | 'payout'
  | 'store_credit'
  | 'adjustment'
  | 'other';

export type StatementLabels = {
  title: string;
  partner: string;
  referralCode: string;
  program: string;
  period: string;
  currency: string;
  generatedAt: string;
  summary: string;
  openingBalance: string;
  earnings: string;
  reversals: string;
  taxWithheld: string;
  payouts: string;
  storeCredit: string;
  adjustments: string;
  closingBalance: string;
  entries: string;
  date: string;
  type: string;
  description: string;
  amount: string;
  noEntries: string;
  page: (page: number, count: number) => string;
  kinds: Record<StatementEntryKind, string>;
};

export const STATEMENT_LABELS: Record<StatementLocale, StatementLabels> = {
  vi: {
    title: 'Sao kê hoa hồng đối tác',
    partner: 'Đối tác',
    referralCode: 'Mã giới thiệu',
    program: 'Chương trình',
    period: 'Kỳ sao kê',
    currency: 'Đơn vị tiền tệ',
    generatedAt: 'Lập lúc',
    summary: 'Tổng hợp',
    openingBalance: 'Số dư đầu kỳ',
    earnings: 'Hoa hồng phát sinh',
    reversals: 'Hoa hồng bị thu hồi',
    taxWithheld: 'Thuế đã khấu trừ',
    payouts: 'Đã thanh toán',
    storeCredit: 'Chuyển thành tín dụng mua hàng',
    adjustments: 'Điều chỉnh',
    closingBalance: 'Số dư cuối kỳ',
    entries: 'Chi tiết giao dịch',
    date: 'Ngày',
    type: 'Loại',
    description: 'Diễn giải',
    amount: 'Số tiền',
    noEntries: 'Không có giao dịch trong kỳ.',
    page: (page, count) => `Trang ${page}/${count}`,
    kinds: {
      earning: 'Hoa hồng',
      reversal: 'Thu hồi',
      tax: 'Thuế',
      payout: 'Thanh toán',
      store_credit: 'Tín dụng mua hàng',
      adjustment: 'Điều chỉnh',
      other: 'Khác',
    },
  },
  en: {
    title: 'Partner commission statement',
    partner: 'Partner',
    referralCode: 'Referral code',
    program: 'Program',
    period: 'Period',
    currency: 'Currency',
    generatedAt: 'Generated',
    summary: 'Summary',
    openingBalance: 'Opening balance',
    earnings: 'Earnings',
    reversals: 'Reversals',
    taxWithheld: 'Tax withheld',
    payouts: 'Payouts',
    storeCredit: 'Store credit',
    adjustments: 'Adjustments',
    closingBalance: 'Closing balance',
    entries: 'Transactions',
    date: 'Date',
    type: 'Type',
    description: 'Description',
    amount: 'Amount',
    noEntries: 'No transactions in this period.',
    page: (page, count) => `Page ${page} of ${count}`,
    kinds: {
      earning: 'Earning',
      reversal: 'Reversal',
      tax: 'Tax',
      payout: 'Payout',
      store_credit: 'Store credit',
      adjustment: 'Adjustment',
      other: 'Other',
    },
  },
  th: {
    title: 'ใบแจ้งยอดค่าคอมมิชชันของพันธมิตร',
    partner: 'พันธมิตร',
    referralCode: 'รหัสแนะนำ',
    program: 'โปรแกรม',
    period: 'งวด',
    currency: 'สกุลเงิน',
    generatedAt: 'จัดทำเมื่อ',
    summary: 'สรุปยอด',
    openingBalance: 'ยอดยกมา',
    earnings: 'ค่าคอมมิชชันที่ได้รับ',
    reversals: 'ค่าคอมมิชชันที่ถูกเรียกคืน',
    taxWithheld: 'ภาษีหัก ณ ที่จ่าย',
    payouts: 'ยอดที่จ่ายแล้ว',
    storeCredit: 'เครดิตร้านค้า',
    adjustments: 'รายการปรับปรุง',
    closingBalance: 'ยอดคงเหลือยกไป',
    entries: 'รายการเคลื่อนไหว',
    date: 'วันที่',
    type: 'ประเภท',
    description: 'รายละเอียด',
    amount: 'จำนวนเงิน',
    noEntries: 'ไม่มีรายการในงวดนี้',
    page: (page, count) => `หน้า ${page}/${count}`,
    kinds: {
      earning: 'ค่าคอมมิชชัน',
      reversal: 'เรียกคืน',
      tax: 'ภาษี',
      payout: 'จ่ายเงิน',
      store_credit: 'เครดิตร้านค้า',
      adjustment: 'ปรับปรุง',
      other: 'อื่น ๆ',
    },
  },
};
