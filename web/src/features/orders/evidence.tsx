import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format';
import type { Order } from './types';

/**
 * Why an order is credited, as sentences people read ("Mã giảm giá HOA10 của Nguyễn Thị Mai",
 * "Lượt nhấp ngày 12/10, trong cửa sổ 30 ngày"), then the evidence set aside and the flags.
 */
export function AttributionEvidenceText({
  order,
}: {
  order: Pick<Order, 'attributionMethod' | 'attributionEvidence' | 'partner' | 'flags'>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const evidence = order.attributionEvidence;
  const partner = order.partner ? `${order.partner.name} (${order.partner.referralCode})` : '—';
  const reason = (() => {
    switch (order.attributionMethod) {
      case 'partner_code':
        return t('orders.evidence.partnerCode', { code: evidence.partnerCode, partner });
      case 'coupon':
        return t('orders.evidence.coupon', { code: evidence.couponCode, partner });
      case 'click':
        return t(evidence.model === 'first_click' ? 'orders.evidence.firstClick' : 'orders.evidence.click', {
          date: format.day(evidence.clickedAt),
          days: evidence.windowDays,
          partner,
        });
      case 'customer':
        return evidence.ownedUntil
          ? t('orders.evidence.customerUntil', {
              partner,
              since: format.day(evidence.ownedSince),
              until: format.day(evidence.ownedUntil),
            })
          : t('orders.evidence.customerLifetime', { partner, since: format.day(evidence.ownedSince) });
      case 'entered_by':
        return t('orders.evidence.enteredBy', { partner });
      default:
        return t('orders.evidence.none');
    }
  })();
  return (
    <Stack gap="xs">
      <Text fw={500}>{reason}</Text>
      {order.flags.map((flag) => (
        <Text key={flag} c="red" size="sm">
          {t(`orders.flags.${flag}Explain`)}
        </Text>
      ))}
      {evidence.currencyMismatch ? (
        <Text c="orange" size="sm">
          {t('orders.evidence.currencyMismatch', evidence.currencyMismatch)}
        </Text>
      ) : null}
      {evidence.ignored?.length ? (
        <>
          <Text size="sm" c="dimmed">
            {t('orders.evidence.ignoredTitle')}
          </Text>
          <List size="sm" c="dimmed">
            {evidence.ignored.map((item) => (
              <List.Item key={`${item.kind}-${item.value}-${item.reason}`}>
                {t(`orders.evidence.kind.${item.kind}`, { defaultValue: item.kind })} {item.value}:{' '}
                {item.reason.startsWith('outranked_by_')
                  ? t('orders.evidence.reason.outranked', {
                      method: t(`orders.method.${item.reason.replace('outranked_by_', '')}`),
                    })
                  : t(`orders.evidence.reason.${item.reason}`, { defaultValue: item.reason })}
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
    </Stack>
  );
}
