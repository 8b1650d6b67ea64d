import { Anchor, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconReceipt, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import { CursorPager, useCursorPaging } from '../../ui/cursor-pager';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { EmptyCard, PageHeader, PageLoader } from '../../ui/page';
import { FlagMarker, OrderStatusBadge, PaymentStatusBadge } from './badges';
import {
  ATTRIBUTION_METHODS,
  ORDER_SOURCES,
  ORDER_STATUSES,
  ORDERS_KEY,
  type Order,
  PAYMENT_STATUSES,
} from './types';

/** Staff list of orders: search, filters, status badges, flagged marker, cursor paging. */
export function OrdersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const paging = useCursorPaging();
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q.trim(), 300);
  const [status, setStatus] = useState<string | null>(null);
  const [paymentStatus, setPaymentStatus] = useState<string | null>(null);
  const [attributionMethod, setAttributionMethod] = useState<string | null>(null);
  const [source, setSource] = useState<string | null>(null);
  const [flagged, setFlagged] = useState<string | null>(null);
  const [range, setRange] = useState<[string | null, string | null]>([null, null]);
  const [order, setOrder] = useState<'desc' | 'asc'>('desc');
  const refilter =
    <T,>(setter: (value: T) => void) =>
    (value: T) => {
      setter(value);
      paging.reset();
    };
  const filters = {
    q: search,
    status,
    paymentStatus,
    attributionMethod,
    source,
    flagged,
    placedFrom: range[0] ? new Date(`${range[0]}T00:00:00`).toISOString() : undefined,
    placedTo: range[1]
      ? new Date(new Date(`${range[1]}T00:00:00`).getTime() + 86_400_000).toISOString()
      : undefined,
    order,
  };
  const list = useQuery({
    queryKey: [ORDERS_KEY, filters, paging.cursor],
    queryFn: () => api.get<Page<Order>>('/api/v1/orders', { ...filters, limit: 25, cursor: paging.cursor }),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.items ?? [];
  const filtered = Boolean(
    search || status || paymentStatus || attributionMethod || source || flagged || range[0],
  );
  return (
    <>
      <PageHeader title={t('orders.list.title')} description={t('orders.list.text')} />
      <Group mb="md" gap="sm" align="flex-end">
        <TextInput
          aria-label={t('common.search')}
          placeholder={t('orders.list.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(event) => refilter(setQ)(event.currentTarget.value)}
          w={{ base: '100%', sm: 240 }}
        />
        <Select
          aria-label={t('orders.fields.status')}
          placeholder={t('orders.list.allStatuses')}
          clearable
          data={ORDER_STATUSES.map((value) => ({ value, label: t(`orders.status.${value}`) }))}
          value={status}
          onChange={refilter(setStatus)}
          w={160}
        />
        <Select
          aria-label={t('orders.fields.payment')}
          placeholder={t('orders.list.allPayments')}
          clearable
          data={PAYMENT_STATUSES.map((value) => ({ value, label: t(`orders.payment.${value}`) }))}
          value={paymentStatus}
          onChange={refilter(setPaymentStatus)}
          w={180}
        />
        <Select
          aria-label={t('orders.fields.attribution')}
          placeholder={t('orders.list.allMethods')}
          clearable
          data={ATTRIBUTION_METHODS.map((value) => ({ value, label: t(`orders.method.${value}`) }))}
          value={attributionMethod}
          onChange={refilter(setAttributionMethod)}
          w={200}
        />
        <Select
          aria-label={t('orders.fields.source')}
          placeholder={t('orders.list.allSources')}
          clearable
          data={ORDER_SOURCES.map((value) => ({ value, label: t(`orders.source.${value}`) }))}
          value={source}
          onChange={refilter(setSource)}
          w={160}
        />
        <Select
          aria-label={t('orders.fields.flags')}
          placeholder={t('orders.list.anyFlag')}
          clearable
          data={[
            { value: 'true', label: t('orders.list.flaggedOnly') },
            { value: 'false', label: t('orders.list.unflaggedOnly') },
          ]}
          value={flagged}
          onChange={refilter(setFlagged)}
          w={180}
        />
        <TextInput
          type="date"
          label={t('orders.list.placedFrom')}
          value={range[0] ?? ''}
          onChange={(event) => refilter(setRange)([event.currentTarget.value || null, range[1]])}
          w={160}
        />
        <TextInput
          type="date"
          label={t('orders.list.placedTo')}
          value={range[1] ?? ''}
          onChange={(event) => refilter(setRange)([range[0], event.currentTarget.value || null])}
          w={160}
        />
        <Select
          aria-label={t('orders.list.sort')}
          data={[
            { value: 'desc', label: t('orders.list.newest') },
            { value: 'asc', label: t('orders.list.oldest') },
          ]}
          value={order}
          onChange={(value) => refilter(setOrder)((value as 'asc' | 'desc') ?? 'desc')}
          allowDeselect={false}
          w={150}
        />
      </Group>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <EmptyCard
          icon={<IconReceipt size={26} />}
          title={filtered ? t('orders.list.noMatch') : t('orders.list.empty')}
          description={filtered ? undefined : t('orders.list.emptyText')}
        />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('orders.fields.number')}</Table.Th>
                  <Table.Th>{t('orders.fields.placedAt')}</Table.Th>
                  <Table.Th>{t('orders.fields.customer')}</Table.Th>
                  <Table.Th>{t('orders.fields.partner')}</Table.Th>
                  <Table.Th ta="right">{t('orders.fields.total')}</Table.Th>
                  <Table.Th>{t('orders.fields.status')}</Table.Th>
                  <Table.Th>{t('orders.fields.payment')}</Table.Th>
                  <Table.Th aria-label={t('orders.fields.flags')} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((row) => (
                  <Table.Tr key={row.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/orders/${row.id}`} fw={500}>
                        {row.number}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t(`orders.source.${row.source}`, { defaultValue: row.source })}
                      </Text>
                    </Table.Td>
                    <Table.Td>{format.date(row.placedAt)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{row.customer.name || '—'}</Text>
                      <Text size="xs" c="dimmed">
                        {row.customer.phone ?? row.customer.email ?? ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {row.partner ? (
                        <>
                          <Text size="sm">{row.partner.name}</Text>
                          <Text size="xs" c="dimmed">
                            {t(`orders.method.${row.attributionMethod}`)} · {row.partner.referralCode}
                          </Text>
                        </>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('orders.method.none')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{format.money(row.totalMinor, row.currency)}</Table.Td>
                    <Table.Td>
                      <OrderStatusBadge status={row.status} />
                    </Table.Td>
                    <Table.Td>
                      <PaymentStatusBadge status={row.paymentStatus} />
                    </Table.Td>
                    <Table.Td>
                      <FlagMarker flags={row.flags} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <CursorPager paging={paging} nextCursor={list.data?.nextCursor} />
    </>
  );
}
