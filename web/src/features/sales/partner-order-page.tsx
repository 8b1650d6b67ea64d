import { Anchor, Divider, Group, Paper, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import {
  IconCheck,
  IconChevronLeft,
  IconCoin,
  IconPackage,
  IconPencil,
  IconPlus,
  IconRotate,
  IconX,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { SignedInPartnerPage } from '../../partner/signed-in';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { PageLoader } from '../../ui/page';
import { MyOrderEarnings } from '../earnings/order-earnings';
import { reasonText } from '../orders/reason-text';
import { type PartnerOrderDetail, SALES_KEYS } from './api';
import { OrderStatusBadge, PaymentBadge } from './badges';

const ICONS = {
  created: IconPencil,
  confirmed: IconCheck,
  completed: IconPackage,
  cancelled: IconX,
  returned: IconRotate,
  payment: IconCoin,
  items_added: IconPlus,
};

/** One of the partner's orders: status, customer, lines and the timeline of what happened. */
export function PartnerOrderPage() {
  const { t } = useTranslation();
  return (
    <SignedInPartnerPage>
      {() => (
        <>
          <Anchor component={Link} to="/orders" size="sm">
            <Group gap={2} component="span">
              <IconChevronLeft size={16} aria-hidden />
              {t('sales.partner.ordersTitle')}
            </Group>
          </Anchor>
          <OrderDetail />
        </>
      )}
    </SignedInPartnerPage>
  );
}

function OrderDetail() {
  const { t } = useTranslation();
  const format = useFormat();
  const { orderId } = useParams({ strict: false }) as { orderId: string };
  const order = useQuery({
    queryKey: [...SALES_KEYS.myOrders, 'detail', orderId],
    queryFn: () => api.get<PartnerOrderDetail>(`/api/me/orders/${orderId}`),
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? 30_000 : false),
  });
  if (order.isLoading) return <PageLoader />;
  if (!order.data) return <ErrorAlert error={order.error} />;
  const data = order.data;
  const color = (type: string) => (type === 'cancelled' ? 'red' : type === 'completed' ? 'teal' : 'blue');
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h3">
          {t('sales.partner.orderTitle', { number: data.number })}
        </Title>
        <Group gap="xs" mt={4}>
          <span data-testid="order-detail-status" data-status={data.status}>
            <OrderStatusBadge status={data.status} />
          </span>
          <Text size="sm" c="dimmed">
            {format.date(data.placedAt)}
          </Text>
        </Group>
      </div>
      {data.status === 'cancelled' && data.statusReason ? (
        <Text size="sm" c="red">
          {t('sales.partner.cancelReason', { reason: reasonText(t, data.statusReason) })}
        </Text>
      ) : null}
      <Paper withBorder radius="md" p="md">
        <Text fw={600}>{data.customer.name}</Text>
        {data.customer.phone ? <Text size="sm">{data.customer.phone}</Text> : null}
        {data.shippingAddress ? (
          <Text size="sm" c="dimmed">
            {data.shippingAddress}
          </Text>
        ) : null}
        {data.note ? (
          <Text size="sm" mt="xs" fs="italic">
            {data.note}
          </Text>
        ) : null}
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Table verticalSpacing={6} horizontalSpacing={0}>
          <Table.Tbody>
            {data.items.map((item) => (
              <Table.Tr key={`${item.sku}-${item.name}`}>
                <Table.Td>
                  <Text size="sm">{item.name}</Text>
                  <Text size="xs" c="dimmed">
                    {item.quantity} × {format.money(item.unitPriceMinor, data.currency)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {format.money(item.lineTotalMinor, data.currency)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Divider my="xs" />
        <Group justify="space-between">
          <PaymentBadge status={data.paymentStatus} />
          <Text fw={700}>{format.money(data.totalMinor, data.currency)}</Text>
        </Group>
        {data.paymentMethod ? (
          <Text size="xs" c="dimmed" mt={4}>
            {t(`sales.paymentMethod.${data.paymentMethod}`, { defaultValue: data.paymentMethod })}
          </Text>
        ) : null}
      </Paper>
      {data.enrollmentId ? (
        <MyOrderEarnings enrollmentId={data.enrollmentId} orderId={data.id} currency={data.currency} />
      ) : null}
      <section aria-labelledby="timeline-heading">
        <Title order={2} size="h5" mb="sm" id="timeline-heading">
          {t('sales.partner.timeline')}
        </Title>
        <Timeline active={data.timeline.length - 1} bulletSize={26} lineWidth={2}>
          {data.timeline.map((entry) => {
            const Icon = ICONS[entry.type];
            return (
              <Timeline.Item
                key={`${entry.type}-${entry.at}`}
                bullet={<Icon size={14} />}
                color={color(entry.type)}
                title={
                  entry.type === 'payment' && entry.paymentStatus
                    ? t('sales.timeline.paymentTo', {
                        status: t(`sales.paymentStatus.${entry.paymentStatus}`),
                      })
                    : t(`sales.timeline.${entry.type}`)
                }
                data-testid={`timeline-${entry.type}`}
              >
                <Text size="xs" c="dimmed">
                  {format.date(entry.at)}
                </Text>
                {entry.reason ? <Text size="sm">{reasonText(t, entry.reason)}</Text> : null}
              </Timeline.Item>
            );
          })}
        </Timeline>
      </section>
    </Stack>
  );
}
