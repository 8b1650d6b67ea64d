import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import th from '../../i18n/th.json';
import vi from '../../i18n/vi.json';
import { reasonText } from './reason-text';

const translator = async (lng: string) => {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { vi: { translation: vi }, en: { translation: en }, th: { translation: th } },
  });
  return i18n.t;
};

describe('reasonText', () => {
  it('shows the reasons Kênh writes itself in the reader’s language', async () => {
    const t = await translator('vi');
    expect(reasonText(t, 'Cancelled in WooCommerce')).toBe('Đã hủy trên WooCommerce');
    expect(reasonText(t, 'Cancelled in Shopify (inventory)')).toBe('Đã hủy trên Shopify (hết hàng)');
    expect(reasonText(await translator('th'), 'Refunded in full')).toBe('คืนเงินเต็มจำนวน');
    expect(reasonText(t, 'Shopify refund 777: Phí ship (money only, no items)')).toBe(
      'Shopify hoàn tiền (mã 777), chỉ hoàn tiền, không kèm hàng trả. Lý do: Phí ship',
    );
    expect(reasonText(await translator('en'), 'Shopify refund 778 (money only, no items)')).toBe(
      'Shopify refund 778: money only, no items.',
    );
  });

  it('shows what a person typed as typed, also an unknown Shopify reason', async () => {
    const t = await translator('vi');
    expect(reasonText(t, 'Khách đổi ý')).toBe('Khách đổi ý');
    expect(reasonText(t, 'Cancelled in Shopify (something-new)')).toBe(
      'Cancelled in Shopify (something-new)',
    );
  });
});
