import { Badge, Code, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { PageLoader } from '../../ui/page';
import { DELIVERY_COLORS, type Delivery } from './types';

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** One delivery as received: headers kept and the raw body (pretty-printed when it is JSON). */
export function DeliveryModal({ deliveryId, onClose }: { deliveryId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const delivery = useQuery({
    queryKey: ['webhook-delivery', deliveryId],
    queryFn: () => api.get<Delivery>(`/api/v1/webhook-deliveries/${deliveryId}`),
    enabled: Boolean(deliveryId),
  });
  const data = delivery.data;
  return (
    <Modal opened={Boolean(deliveryId)} onClose={onClose} size="xl" title={t('integrations.deliveryTitle')}>
      <ErrorAlert error={delivery.error} />
      {delivery.isLoading ? <PageLoader /> : null}
      {data ? (
        <Stack>
          <Group gap="xs">
            <Badge color={DELIVERY_COLORS[data.status]}>
              {t(`integrations.deliveryStatus.${data.status}`)}
            </Badge>
            <Text size="sm">{data.topic || '—'}</Text>
            <Text size="sm" c="dimmed">
              {format.date(data.receivedAt)}
            </Text>
          </Group>
          {data.error ? (
            <Text size="sm" c={data.status === 'processed' ? 'dimmed' : 'red'}>
              {data.error}
            </Text>
          ) : null}
          <Text size="sm" fw={600}>
            {t('integrations.headers')}
          </Text>
          <Table withTableBorder fz="xs">
            <Table.Tbody>
              {Object.entries(data.headers).map(([name, value]) => (
                <Table.Tr key={name}>
                  <Table.Td>
                    <Code>{name}</Code>
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" fw={600}>
            {t('integrations.payload')}
          </Text>
          <ScrollArea.Autosize mah={420}>
            <Code block data-testid="delivery-body">
              {pretty(data.body)}
            </Code>
          </ScrollArea.Autosize>
        </Stack>
      ) : null}
    </Modal>
  );
}
