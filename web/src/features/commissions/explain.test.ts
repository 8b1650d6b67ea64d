import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import th from '../../i18n/th.json';
import vi from '../../i18n/vi.json';
import { explainSentences } from './explain';
import { formatPercent, formatShare, percentTextToPpm, ppmToPercentText, reducedFraction } from './rates';
import type { Explanation } from './types';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { vi: { translation: vi }, en: { translation: en }, th: { translation: th } },
    lng: 'vi',
    interpolation: { escapeValue: false },
  });
});

// Intl puts no-break spaces before currency symbols; the assertions read plain spaces.
const explain = (
  explanation: Explanation,
  amountMinor: string,
  locale = 'vi',
  currency = 'VND',
  audience: 'staff' | 'partner' = 'staff',
) =>
  explainSentences({ explanation, amountMinor, currency }, i18n.getFixedT(locale), locale, audience).map(
    (s) => s.replace(/[\u00a0\u202f]/g, ' '),
  );

const basic: Explanation = {
  rule: { id: 'r1', name: 'Mặc định', kind: 'basic' },
  scope: { kind: 'all' },
  base: {
    of: 'line_net',
    amountMinor: '300000',
    quantity: 3,
    unitPriceMinor: '100000',
    lineDiscountMinor: '0',
    orderDiscountShareMinor: '0',
  },
  calc: { type: 'percent', ratePpm: '100000' },
  exact: '30000000000/1000000',
  rounding: 'half_up',
};

describe('explainSentences', () => {
  it('writes the basic formula with its numbers and rounding, in vi, en and th', () => {
    expect(explain(basic, '30000')).toEqual([
      'Quy tắc “Mặc định” (CK cơ bản), áp dụng cho mọi sản phẩm.',
      '10% × 300.000 ₫ (3 × 100.000 ₫) = 30.000 ₫, làm tròn nửa lên',
    ]);
    expect(explain(basic, '30000', 'en')[1]).toBe('10% × ₫300,000 (3 × ₫100,000) = ₫30,000, rounded half up');
    expect(explain({ ...basic, rounding: 'half_even' }, '30000', 'th')[1]).toBe(
      '10% × ₫300,000 (3 × ₫100,000) = ₫30,000 (ปัดเศษครึ่งไปเลขคู่)',
    );
  });

  it('names discounts, the tier reached with its threshold, and a cap with amounts before and after', () => {
    const tier: Explanation = {
      rule: { id: 't', name: 'Tháng', kind: 'tier' },
      scope: { kind: 'category', categoryId: 'cat_1' },
      base: {
        of: 'line_net',
        amountMinor: '270000',
        quantity: 3,
        unitPriceMinor: '100000',
        lineDiscountMinor: '20000',
        orderDiscountShareMinor: '10000',
      },
      calc: { type: 'percent', ratePpm: '125000' },
      tier: {
        measure: 'amount',
        mode: 'retroactive',
        before: '49900000',
        after: '50170000',
        tierIndexBefore: -1,
        tierIndexAfter: 0,
        thresholdMinor: '50000000',
      },
      exact: '33750000000/1000000',
      rounding: 'half_up',
      cap: {
        kind: 'profitability',
        capMinor: '20000',
        totalBeforeMinor: '40000',
        amountBeforeMinor: '33750',
      },
    };
    expect(explain(tier, '16875')).toEqual([
      'Quy tắc “Tháng” (CK nâng cao (bậc)), áp dụng cho danh mục cat_1.',
      'Đạt bậc 1 (ngưỡng 50.000.000 ₫): khối lượng trong kỳ 49.900.000 ₫ → 50.170.000 ₫.',
      'Tính hồi tố: cả kỳ hưởng mức của bậc đạt được.',
      '12,5% × 270.000 ₫ (3 × 100.000 ₫ − 20.000 ₫ giảm giá dòng − 10.000 ₫ giảm giá đơn được phân bổ) = 33.750 ₫, làm tròn nửa lên',
      'Bảo vệ lợi nhuận: tổng hoa hồng của đơn 40.000 ₫ vượt mức cho phép 20.000 ₫ (theo lãi gộp), dòng này giảm theo tỷ lệ từ 33.750 ₫ xuống 16.875 ₫.',
    ]);
  });

  it('explains overrides by level, reversals as a reduced share, corrections and incidental lines', () => {
    expect(
      explain(
        {
          rule: { id: 'o', name: '', kind: 'override' },
          base: { of: 'order_net', amountMinor: '500000' },
          calc: { type: 'percent', ratePpm: '20000' },
          level: 1,
          exact: '10000000000/1000000',
          rounding: 'half_up',
        },
        '10000',
      ),
    ).toEqual([
      'Quy tắc CK mã ID REF.',
      'Hoa hồng tuyến trên cấp 1.',
      '2% × 500.000 ₫ (doanh số thuần của đơn) = 10.000 ₫, làm tròn nửa lên',
    ]);
    expect(
      explain(
        { reversal: { ofLineId: 'cml_1', returnedShare: { returned: '100000', of: '300000' } } },
        '-10000',
      ),
    ).toEqual(['Hoàn lại 1/3 hoa hồng của dòng gốc do khách trả hàng: -10.000 ₫.']);
    expect(
      explain(
        {
          correction: { ofLineId: 'cml_1', previousMinor: '30000', newMinor: '0' },
          reason: 'no_longer_earned',
        },
        '-30000',
      ),
    ).toEqual([
      'Tính lại: 30.000 ₫ → 0 ₫, chênh lệch -30.000 ₫.',
      'Đơn không còn đủ điều kiện hưởng hoa hồng này.',
    ]);
    expect(explain({ incidental: { reason: 'Giao hàng trễ', enteredBy: 'Lan' } }, '-50000')).toEqual([
      'Phạt phát sinh -50.000 ₫: Giao hàng trễ.',
      'Người nhập: Lan.',
    ]);
    // the partner reads the bonus or penalty and its reason, not who on the staff entered it
    expect(
      explain(
        { incidental: { reason: 'Giao hàng trễ', enteredBy: 'Lan' } },
        '-50000',
        'vi',
        'VND',
        'partner',
      ),
    ).toEqual(['Phạt phát sinh -50.000 ₫: Giao hàng trễ.']);
  });

  it('calls a rule left without a name by its kind, not by its id', () => {
    const unnamed: Explanation = {
      ...basic,
      rule: { id: 'addon_125hphf4', name: '', kind: 'addon' },
      scope: undefined,
    };
    expect(explain(unnamed, '30000')[0]).toBe('Quy tắc Add-on (mua kèm).');
    expect(explain({ ...basic, rule: { id: 'basic_x1', name: '', kind: 'basic' } }, '30000', 'th')[0]).toBe(
      'กฎคอมมิชชันพื้นฐาน ใช้กับสินค้าทุกรายการ',
    );
    expect(explain(unnamed, '30000', 'en')[0]).toBe('Rule: Add-on bonus.');
  });

  it('shows fixed amounts per unit in baht with satang', () => {
    expect(
      explain(
        {
          rule: { id: 'b', name: 'Per unit', kind: 'basic' },
          base: { of: 'line_net', amountMinor: '0' },
          calc: { type: 'fixed_per_unit', amountMinor: '2550', quantity: 4 },
          exact: '10200/1',
          rounding: 'half_up',
        },
        '10200',
        'en',
        'THB',
      ),
    ).toEqual(['Rule “Per unit” (Basic (CK cơ bản)).', 'THB 25.50 × 4 = THB 102.00']);
  });
});

describe('rates', () => {
  it('converts between percent text and millionths without floats', () => {
    expect(ppmToPercentText('125000')).toBe('12.5');
    expect(ppmToPercentText('1')).toBe('0.0001');
    expect(formatPercent('125000', 'vi')).toBe('12,5%');
    expect(percentTextToPpm('12,5')).toBe('125000');
    expect(percentTextToPpm('0.0001')).toBe('1');
    expect(percentTextToPpm('100')).toBe('1000000');
    expect(percentTextToPpm('100.01')).toBeNull();
    expect(percentTextToPpm('1.23456')).toBeNull();
    expect(reducedFraction('2', '6')).toBe('1/3');
  });

  it('shows a measured share to the hundredth of a percent, half-up, where a rate keeps every digit', () => {
    expect(formatShare('580015', 'vi')).toBe('58%');
    expect(formatPercent('580015', 'vi')).toBe('58,0015%');
    expect(formatShare('22950', 'vi')).toBe('2,3%');
    expect(formatShare('22949', 'vi')).toBe('2,29%');
    expect(formatShare('127920', 'en')).toBe('12.79%');
    expect(formatShare('-22950', 'th')).toBe('-2.3%');
    expect(formatShare('1000000', 'vi')).toBe('100%');
  });
});
