import { Anchor, Badge, Grid, Group, Paper, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { PageHeader, PageLoader } from '../../ui/page';
import { useCan } from '../auth/session';
import { OrderCommission } from '../commissions/order-commission';
import { FlagMarker, OrderStatusBadge, PaymentStatusBadge } from './badges';
import { AttributionEvidenceText } from './evidence';
import { OrderActions } from './order-actions';
import { reasonText } from './reason-text';
import { ORDERS_KEY, type OrderDetail, type OrderEvent } from './types';

/** One order: items with returns, totals, attribution evidence, timeline and staff actions. */
export function OrderPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const { orderId } = useParams({ strict: false }) as { orderId: string };
  const query = useQuery({
    queryKey: [ORDERS_KEY, 'detail', orderId],
    queryFn: () => api.get<OrderDetail>(`/api/v1/orders/${orderId}`),
  });
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const order = query.data;
  const money = (minor: string) => format.money(minor, order.currency);
  return (
    <>
      <PageHeader
        title={t('orders.detail.title', { number: order.number })}
        description={t('orders.detail.placed', {
          date: format.date(order.placedAt),
          source: t(`orders.source.${order.source}`, { defaultValue: order.source }),
        })}
        actions={can('orders.manage') ? <OrderActions order={order} /> : undefined}
      />
      <Group mb="md" gap="xs">
        <OrderStatusBadge status={order.status} />
        <PaymentStatusBadge status={order.paymentStatus} />
        {order.flags.length ? (
          <Badge color="red" variant="light" leftSection={<FlagMarker flags={order.flags} />}>
            {t('orders.flags.title')}
          </Badge>
        ) : null}
        {order.statusReason ? (
          <Text size="sm" c="dimmed">
            {t('orders.detail.reason', { reason: reasonText(t, order.statusReason) })}
          </Text>
        ) : null}
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder radius="md" p="md" mb="md">
            <Title order={2} size="h4" mb="sm">
              {t('orders.detail.items')}
            </Title>
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('orders.fields.item')}</Table.Th>
                    <Table.Th ta="right">{t('orders.fields.quantity')}</Table.Th>
                    <Table.Th ta="right">{t('orders.fields.unitPrice')}</Table.Th>
                    <Table.Th ta="right">{t('orders.fields.lineDiscount')}</Table.Th>
                    <Table.Th ta="right">{t('orders.fields.lineTotal')}</Table.Th>
                    <Table.Th ta="right">{t('orders.fields.returned')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {order.items.map((item) => (
                    <Table.Tr key={item.lineNo}>
                      <Table.Td>
                        <Text size="sm">{item.name}</Text>
                        <Text size="xs" c="dimmed">
                          {item.sku}
                          {item.productId ? '' : ` · ${t('orders.detail.notInCatalog')}`}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">{item.quantity}</Table.Td>
                      <Table.Td ta="right">{money(item.unitPriceMinor)}</Table.Td>
                      <Table.Td ta="right">
                        {item.discountMinor === '0' ? '—' : money(item.discountMinor)}
                      </Table.Td>
                      <Table.Td ta="right">{money(item.lineTotalMinor)}</Table.Td>
                      <Table.Td ta="right">
                        {item.returnedQuantity > 0 ? (
                          <Text size="sm" c="orange">
                            {item.returnedQuantity} · {money(item.returnedMinor)}
                          </Text>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Stack gap={4} mt="md" align="flex-end">
              <Total label={t('orders.fields.subtotal')} value={money(order.subtotalMinor)} />
              {order.discountMinor !== '0' ? (
                <Total label={t('orders.fields.discount')} value={`− ${money(order.discountMinor)}`} />
              ) : null}
              {order.shippingMinor !== '0' ? (
                <Total label={t('orders.fields.shipping')} value={money(order.shippingMinor)} />
              ) : null}
              {order.taxMinor !== '0' ? (
                <Total label={t('orders.fields.tax')} value={money(order.taxMinor)} />
              ) : null}
              <Total label={t('orders.fields.total')} value={money(order.totalMinor)} strong />
              {order.returnedMinor !== '0' ? (
                <Total label={t('orders.fields.returnedValue')} value={`− ${money(order.returnedMinor)}`} />
              ) : null}
            </Stack>
          </Paper>
          {can('commissions.read') ? <OrderCommission orderId={order.id} currency={order.currency} /> : null}
          <Paper withBorder radius="md" p="md">
            <Title order={2} size="h4" mb="sm">
              {t('orders.detail.timeline')}
            </Title>
            <Timeline active={order.timeline.length} bulletSize={14} lineWidth={2}>
              {order.timeline.map((event) => (
                <Timeline.Item key={event.id} title={<EventTitle event={event} order={order} />}>
                  <Text size="xs" c="dimmed">
                    {format.date(event.occurredAt)} ·{' '}
                    {event.actor.label ??
                      t(`orders.actor.${event.actor.type}`, { defaultValue: event.actor.type })}
                    {event.effective ? '' : ` · ${t('orders.detail.noEffect')}`}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder radius="md" p="md" mb="md">
            <Title order={2} size="h4" mb="sm">
              {t('orders.detail.attribution')}
            </Title>
            <AttributionEvidenceText order={order} />
          </Paper>
          <Paper withBorder radius="md" p="md">
            <Title order={2} size="h4" mb="sm">
              {t('orders.detail.customer')}
            </Title>
            <Stack gap={2}>
              <Text>{order.customer.name || '—'}</Text>
              {order.customer.phone ? <Text size="sm">{order.customer.phone}</Text> : null}
              {order.customer.email ? <Text size="sm">{order.customer.email}</Text> : null}
              {order.shippingAddress ? (
                <Text size="sm" c="dimmed">
                  {order.shippingAddress}
                </Text>
              ) : null}
              {order.note ? (
                <Text size="sm" c="dimmed">
                  {t('orders.detail.note', { note: order.note })}
                </Text>
              ) : null}
              {order.customer.id ? (
                <Anchor component={Link} to={`/customers?customerId=${order.customer.id}`} size="sm">
                  {t('orders.detail.customerOrders')}
                </Anchor>
              ) : null}
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
    </>
  );
}

function Total({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Group gap="lg" justify="flex-end">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={strong ? 700 : 400} miw={120} ta="right">
        {value}
      </Text>
    </Group>
  );
}

/** Whether a return was recorded at or after this event (staff answered a reported refund). */
function returnedSince(order: OrderDetail, event: OrderEvent): boolean {
  const at = Date.parse(event.occurredAt);
  return order.timeline.some((other) => other.type === 'returned' && Date.parse(other.occurredAt) >= at);
}

function EventTitle({ event, order }: { event: OrderEvent; order: OrderDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  switch (event.type) {
    case 'payment':
      return <>{t('orders.timeline.payment', { status: t(`orders.payment.${event.data.paymentStatus}`) })}</>;
    case 'cancelled':
      return (
        <>
          {t('orders.timeline.cancelled', {
            reason: event.data.reason ? reasonText(t, event.data.reason) : '—',
          })}
        </>
      );
    case 'note':
      return (
        <>{t('orders.timeline.note', { note: event.data.reason ? reasonText(t, event.data.reason) : '' })}</>
      );
    case 'refund_reported':
      return (
        <>
          {t('orders.timeline.refundReported', {
            amount: format.money(event.data.amountMinor ?? '0', event.data.currency ?? order.currency),
          })}
          {event.data.reason ? (
            <Text size="sm" fw={400} mt={2}>
              {t('orders.timeline.refundReason', { reason: event.data.reason })}
            </Text>
          ) : null}
          {returnedSince(order, event) ? (
            <Text size="xs" fw={400} c="teal.8" mt={2}>
              {t('orders.timeline.refundAnswered')}
            </Text>
          ) : (
            <Text size="xs" fw={400} c="orange.8" mt={2}>
              {t('orders.timeline.refundReportedHint')}
            </Text>
          )}
        </>
      );
    case 'returned':
    case 'items_added': {
      const lines = (event.data.items ?? [])
        .map(
          (item) =>
            `${item.quantity} × ${order.items.find((line) => line.lineNo === item.lineNo)?.name ?? `#${item.lineNo}`}`,
        )
        .join(', ');
      return (
        <>
          {t(event.type === 'returned' ? 'orders.timeline.returned' : 'orders.timeline.itemsAdded', {
            lines,
          })}
        </>
      );
    }
    default:
      return <>{t(`orders.timeline.${event.type}`, { defaultValue: event.type })}</>;
  }
}
