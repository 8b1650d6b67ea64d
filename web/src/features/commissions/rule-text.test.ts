import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGS } from '../../i18n/catalogs';
import { explainSentences } from './explain';
import { describeRule, describeSettings } from './rule-text';
import { DEFAULT_SETTINGS, type Rule } from './types';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: {
      vi: { translation: CATALOGS.vi },
      en: { translation: CATALOGS.en },
      th: { translation: CATALOGS.th },
    },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
});

const describe_ = (rule: Rule, names = {}) =>
  describeRule(rule, 'VND', i18n.getFixedT('en'), 'en', names).replace(/[\u00a0\u202f]/g, ' ');

const category: Rule = {
  id: 'skin',
  name: '',
  kind: 'basic',
  scope: { kind: 'category', categoryId: 'cat_skin' },
  calc: { type: 'percent', ratePpm: '120000' },
  groupId: 'grp_gold',
  priority: 0,
} as Rule;

const addon: Rule = {
  id: 'mask',
  name: '',
  kind: 'addon',
  mainProductId: 'prd_serum',
  addonProductId: 'prd_mask',
  calc: { type: 'fixed_per_order', amountMinor: '20000' },
  groupId: null,
  priority: 0,
} as Rule;

const names = {
  category: (id: string) => (id === 'cat_skin' ? 'Mỹ phẩm › Chăm sóc da' : undefined),
  product: (id: string) => ({ prd_serum: 'Serum Vitamin C (SR-01)', prd_mask: 'Mặt nạ ngủ (MN-02)' })[id],
  group: (id: string) => (id === 'grp_gold' ? 'CTV Vàng' : undefined),
};

describe('rules in plain words', () => {
  it('names categories by their path, products by name and SKU, groups by name', () => {
    const text = describe_(category, names);
    expect(text).toContain('Mỹ phẩm › Chăm sóc da');
    expect(text).toContain('CTV Vàng');
    expect(text).not.toContain('cat_skin');
    expect(text).not.toContain('grp_gold');
    const pair = describe_(addon, names);
    expect(pair).toContain('Serum Vitamin C (SR-01)');
    expect(pair).toContain('Mặt nạ ngủ (MN-02)');
    expect(pair).not.toContain('prd_');
  });

  it('a line names its rule’s category when the API sends the name', () => {
    const sentences = explainSentences(
      {
        explanation: {
          rule: { id: 'skin', name: 'Chăm sóc da 12%', kind: 'basic' },
          scope: { kind: 'category', categoryId: 'cat_skin', name: 'Chăm sóc da' },
          calc: { type: 'percent', ratePpm: '120000' },
          rounding: 'half_up',
        },
        amountMinor: '12000',
        currency: 'VND',
      },
      i18n.getFixedT('en'),
      'en',
    );
    expect(sentences[0]).toContain('Chăm sóc da');
    expect(sentences[0]).not.toContain('cat_skin');
  });

  it('shows the id while a name is unknown', () => {
    expect(describe_(category)).toContain('cat_skin');
    expect(describe_(addon)).toContain('prd_serum');
  });

  it('says where the guard report warns when the plan sets its own limits', () => {
    const t = i18n.getFixedT('en');
    expect(describeSettings(DEFAULT_SETTINGS, t, 'en').join(' · ')).not.toContain('Multi-level warnings');
    const own = describeSettings(
      {
        ...DEFAULT_SETTINGS,
        guardLimits: { payoutLimitPpm: '350000', overrideLimitPpm: '100000', nonPartnerMinPpm: '600000' },
      },
      t,
      'en',
    );
    expect(own.at(-1)).toBe(
      'Multi-level warnings: payouts from 35%, overrides from 10%, non-partner revenue below 60%',
    );
  });
});
