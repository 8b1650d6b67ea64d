import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGS } from '../../i18n/catalogs';
import { explainSentences } from './explain';
import type { Explanation } from './types';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: {
      vi: { translation: CATALOGS.vi },
      en: { translation: CATALOGS.en },
      th: { translation: CATALOGS.th },
    },
    lng: 'vi',
    interpolation: { escapeValue: false },
  });
});

const explain = (explanation: Explanation, amountMinor: string, locale = 'vi') =>
  explainSentences({ explanation, amountMinor, currency: 'VND' }, i18n.getFixedT(locale), locale).map((s) =>
    s.replace(/[\u00a0\u202f]/g, ' '),
  );

const lead: Explanation = {
  rule: { id: 'cpl', name: 'Khách tiềm năng', kind: 'action' },
  action: {
    event: 'lead',
    name: 'lead',
    conversionId: 'cnv_1',
    occurredAt: '2026-10-31T03:00:00.000Z',
  },
  calc: { type: 'fixed_per_action', amountMinor: '25000' },
  exact: '25000/1',
  rounding: 'half_up',
};

const clicks: Explanation = {
  rule: { id: 'cpc', name: 'Mỗi lượt nhấp', kind: 'action' },
  action: { event: 'click', day: '2026-10-30', timeZone: 'Asia/Ho_Chi_Minh', uniqueClicks: 1234 },
  calc: { type: 'per_click', amountMinor: '500', quantity: 1234 },
  exact: '617000/1',
  rounding: 'half_up',
};

const impressions: Explanation = {
  rule: { id: 'cpm', name: 'Mỗi nghìn lượt hiển thị', kind: 'action' },
  action: { event: 'impression', day: '2026-11-01', timeZone: 'Asia/Ho_Chi_Minh', impressions: '19' },
  calc: { type: 'per_mille', amountMinor: '25500', quantity: '19' },
  exact: '484500/1000',
  rounding: 'half_up',
};

describe('explaining action lines', () => {
  it('a conversion: the rule, the event and when, the fixed amount', () => {
    expect(explain(lead, '25000', 'en')).toEqual([
      'Rule “Khách tiềm năng” (Per action).',
      'A lead recorded on 31 Oct 2026, 10:00.',
      '₫25,000 fixed per lead',
    ]);
    expect(explain(lead, '25000')[2]).toBe('25.000 ₫ cố định cho mỗi khách tiềm năng (lead)');
    const custom: Explanation = {
      ...lead,
      action: {
        event: 'custom',
        name: 'trial_started',
        conversionId: 'cnv_2',
        occurredAt: '2026-10-31T03:00:00.000Z',
      },
    };
    expect(explain(custom, '25000', 'en')[1]).toBe(
      'Conversion “trial_started” recorded on 31 Oct 2026, 10:00.',
    );
    expect(explain(custom, '25000', 'en')[2]).toBe('₫25,000 fixed per conversion');
  });

  it('a day of clicks: the day, the unique clicks, the rate per click, in vi, en and th', () => {
    expect(explain(clicks, '617000', 'en')).toEqual([
      'Rule “Mỗi lượt nhấp” (Per action).',
      '1,234 unique clicks on 30 Oct 2026 (a day in Asia/Ho_Chi_Minh time).',
      '1,234 × ₫500 per unique click = ₫617,000',
    ]);
    expect(explain(clicks, '617000')[2]).toBe('1.234 × 500 ₫ mỗi lượt nhấp duy nhất = 617.000 ₫');
    expect(explain(clicks, '617000', 'th')[2]).toBe('1,234 × ₫500 ต่อคลิกที่ไม่ซ้ำ = ₫617,000');
  });

  it('a day of impressions: the count, the rate per 1,000, the rounding, and a later top-up', () => {
    expect(explain(impressions, '485', 'en')).toEqual([
      'Rule “Mỗi nghìn lượt hiển thị” (Per action).',
      '19 impressions on 1 Nov 2026 (a day in Asia/Ho_Chi_Minh time), bots left out.',
      '19 × ₫25,500 per 1,000 impressions = ₫485, rounded half up',
    ]);
    expect(explain(impressions, '485')[2]).toBe(
      '19 × 25.500 ₫ mỗi 1.000 lượt hiển thị = 485 ₫, làm tròn nửa lên',
    );
    const later: Explanation = {
      ...impressions,
      action: {
        event: 'impression',
        day: '2026-11-01',
        timeZone: 'Asia/Ho_Chi_Minh',
        impressions: '40',
        paidBefore: { impressions: '19', amountMinor: '485' },
      },
      calc: { type: 'per_mille', amountMinor: '25500', quantity: '40' },
      exact: '1020000/1000',
    };
    expect(explain(later, '535', 'en')[2]).toBe(
      '40 × ₫25,500 per 1,000 impressions = ₫1,020 for the day, rounded half up; ₫485 was paid before for 19, this line ₫535',
    );
    expect(explain(later, '535', 'th')[1]).toBe(
      'การแสดงผล 40 ครั้งในวันที่ 1 พ.ย. 2569 (ตามเวลา Asia/Ho_Chi_Minh) ไม่นับบอท',
    );
  });

  it('every import message exists in the three languages', () => {
    const keys = (catalog: unknown, prefix = ''): string[] =>
      Object.entries(catalog as Record<string, unknown>).flatMap(([key, value]) =>
        typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
      );
    const vi = keys(CATALOGS.vi.commissionsImport);
    expect(vi.length).toBeGreaterThan(20);
    expect(keys(CATALOGS.en.commissionsImport)).toEqual(vi);
    expect(keys(CATALOGS.th.commissionsImport)).toEqual(vi);
  });
});
