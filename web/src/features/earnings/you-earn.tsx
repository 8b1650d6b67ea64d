import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format';
import type { ProductCommission } from './api';

/** "Bạn nhận 45.000 ₫" on a product card; nothing when no plan pays on it. */
export function YouEarn({ commission }: { commission: ProductCommission | undefined }) {
  const { t } = useTranslation();
  const { money } = useFormat();
  if (!commission?.amountMinor || commission.amountMinor === '0') return null;
  return (
    <Text size="xs" fw={600} c="green.8" data-testid="product-commission">
      {t('earnings.youEarn', { amount: money(commission.amountMinor, commission.currency) })}
    </Text>
  );
}
