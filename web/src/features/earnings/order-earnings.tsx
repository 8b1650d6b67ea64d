import { Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { commissionTotal } from '../../lib/commission-total';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { PageLoader } from '../../ui/page';
import { fetchMyCommissions } from './api';
import { LineCard } from './line-card';

/**
 * What one of the partner's orders earns them, on the order's page: their lines for it (a return's
 * reversal included), each explained, and the total. Hidden when the order is credited to another
 * partner's enrollment (the API answers 404, which the shared query client does not retry).
 */
export function MyOrderEarnings({
  enrollmentId,
  orderId,
  currency,
}: {
  enrollmentId: string;
  orderId: string;
  currency: string;
}) {
  const { t } = useTranslation();
  const { money } = useFormat();
  const lines = useQuery({
    queryKey: ['my-commissions', enrollmentId, 'order', orderId],
    queryFn: () => fetchMyCommissions({ enrollmentId, orderId }, 100),
  });
  if (lines.error instanceof ApiError && lines.error.status === 404) return null;
  const items = lines.data?.items ?? [];
  const total = commissionTotal(items);
  return (
    <section aria-labelledby="order-earnings-heading" data-testid="my-order-earnings">
      <Group justify="space-between" mb="sm" wrap="nowrap" align="baseline">
        <Title order={2} size="h5" id="order-earnings-heading">
          {t('sales.partner.myCommission')}
        </Title>
        {items.length > 0 ? (
          <Text fw={700} data-testid="my-order-earnings-total" style={{ whiteSpace: 'nowrap' }}>
            {money(total.toString(), currency)}
          </Text>
        ) : null}
      </Group>
      <ErrorAlert error={lines.error} />
      {lines.isLoading ? <PageLoader /> : null}
      {lines.isSuccess && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('sales.partner.noCommission')}
        </Text>
      ) : null}
      <Stack gap="xs">
        {items.map((line) => (
          <LineCard key={line.id} line={line} />
        ))}
      </Stack>
    </section>
  );
}
