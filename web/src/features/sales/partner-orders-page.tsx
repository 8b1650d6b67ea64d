import { Button, Chip, Group, Paper, ScrollArea, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconPlus, IconReceipt } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SignedInPartnerPage } from '../../partner/signed-in';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { EmptyCard, PageLoader } from '../../ui/page';
import { fetchMyOrders, ORDER_STATUSES, type PartnerOrder, SALES_KEYS } from './api';
import { OrderStatusBadge, PaymentBadge } from './badges';
import { PartnerSalesTabs } from './partner-sales-tabs';

/** The partner's orders: a big "new order" button, status chips, newest first. */
export function PartnerOrdersPage() {
  const { t } = useTranslation();
  return (
    <SignedInPartnerPage>
      {() => (
        <>
          <Title order={1} size="h2">
            {t('sales.partner.ordersTitle')}
          </Title>
          <PartnerSalesTabs current="orders" />
          <Button
            component={Link}
            to="/orders/new"
            size="lg"
            fullWidth
            leftSection={<IconPlus size={20} aria-hidden />}
            data-testid="new-order"
          >
            {t('sales.partner.newOrder')}
          </Button>
          <OrderList />
        </>
      )}
    </SignedInPartnerPage>
  );
}

function OrderList() {
  const { t } = useTranslation();
  const [status, setStatus] = useState('all');
  const orders = useInfiniteQuery({
    queryKey: [...SALES_KEYS.myOrders, status],
    queryFn: ({ pageParam }) =>
      fetchMyOrders({ status: status === 'all' ? undefined : status, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = orders.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="sm">
      <ScrollArea type="never">
        <Chip.Group value={status} onChange={(value) => setStatus(value as string)}>
          <Group gap={6} wrap="nowrap" role="radiogroup" aria-label={t('sales.partner.filterStatus')}>
            {['all', ...ORDER_STATUSES].map((value) => (
              <Chip key={value} value={value} size="sm" data-testid={`order-filter-${value}`}>
                {value === 'all' ? t('sales.partner.all') : t(`sales.orderStatus.${value}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </ScrollArea>
      <ErrorAlert error={orders.error} />
      {orders.isLoading ? <PageLoader /> : null}
      {orders.isSuccess && items.length === 0 ? (
        <EmptyCard
          icon={<IconReceipt size={26} />}
          title={status === 'all' ? t('sales.partner.ordersEmpty') : t('sales.partner.ordersEmptyFiltered')}
          description={status === 'all' ? t('sales.partner.ordersEmptyText') : undefined}
        />
      ) : null}
      {items.map((order) => (
        <OrderCard key={order.id} order={order} />
      ))}
      {orders.hasNextPage ? (
        <Button variant="default" onClick={() => orders.fetchNextPage()} loading={orders.isFetchingNextPage}>
          {t('sales.loadMore')}
        </Button>
      ) : null}
    </Stack>
  );
}

function OrderCard({ order }: { order: PartnerOrder }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <UnstyledButton
      component={Link}
      to={`/orders/${order.id}`}
      data-testid="my-order"
      data-order-id={order.id}
    >
      <Paper withBorder radius="md" p="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Text fw={600} truncate>
              {order.customer.name || t('sales.partner.noCustomerName')}
            </Text>
            <Text size="xs" c="dimmed">
              {order.number} · {format.date(order.placedAt)}
            </Text>
          </div>
          <OrderStatusBadge status={order.status} />
        </Group>
        <Group justify="space-between" mt={6} wrap="nowrap">
          <PaymentBadge status={order.paymentStatus} />
          <Text fw={700}>{format.money(order.totalMinor, order.currency)}</Text>
        </Group>
        {!order.enteredByMe ? (
          <Text size="xs" c="dimmed" mt={4}>
            {t('sales.partner.creditedToMe')}
          </Text>
        ) : null}
      </Paper>
    </UnstyledButton>
  );
}
