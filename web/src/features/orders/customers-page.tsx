import { Anchor, Drawer, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUsers } from '@tabler/icons-react';
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
import { OrderStatusBadge } from './badges';
import { CUSTOMERS_KEY, type Customer, type CustomerDetail } from './types';

const CUSTOMER_SORTS = ['createdAt:desc', 'createdAt:asc', 'name:asc', 'name:desc'] as const;
type CustomerSort = (typeof CUSTOMER_SORTS)[number];

/** Customers of the organisation with the partner who owns them and since when. */
export function CustomersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const paging = useCursorPaging();
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q.trim(), 300);
  const [owned, setOwned] = useState<string | null>(null);
  const [sort, setSort] = useState<CustomerSort>('createdAt:desc');
  const [openId, setOpenId] = useState<string | null>(() =>
    new URLSearchParams(window.location.search).get('customerId'),
  );
  const filters = { q: search, owned };
  const [sortBy, order] = sort.split(':') as ['createdAt' | 'name', 'asc' | 'desc'];
  const list = useQuery({
    queryKey: [CUSTOMERS_KEY, filters, sort, paging.cursor],
    queryFn: () =>
      api.get<Page<Customer>>('/api/v1/customers', {
        ...filters,
        sort: sortBy,
        order,
        limit: 25,
        cursor: paging.cursor,
      }),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.items ?? [];
  const filtered = Boolean(search || owned);
  return (
    <>
      <PageHeader title={t('orders.customers.title')} description={t('orders.customers.text')} />
      <Group mb="md" gap="sm">
        <TextInput
          aria-label={t('common.search')}
          placeholder={t('orders.customers.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            paging.reset();
          }}
          w={{ base: '100%', sm: 280 }}
        />
        <Select
          aria-label={t('orders.customers.owner')}
          placeholder={t('orders.customers.anyOwner')}
          clearable
          data={[
            { value: 'true', label: t('orders.customers.withOwner') },
            { value: 'false', label: t('orders.customers.withoutOwner') },
          ]}
          value={owned}
          onChange={(value) => {
            setOwned(value);
            paging.reset();
          }}
          w={200}
        />
        <Select
          aria-label={t('orders.customers.sort')}
          data-testid="customers-sort"
          allowDeselect={false}
          data={CUSTOMER_SORTS.map((choice) => ({
            value: choice,
            label: t(`orders.customers.sorts.${choice.replace(':', '_')}`),
          }))}
          value={sort}
          onChange={(value) => {
            if (!value) return;
            setSort(value as CustomerSort);
            paging.reset();
          }}
          w={180}
        />
      </Group>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <EmptyCard
          icon={<IconUsers size={26} />}
          title={filtered ? t('orders.customers.noMatch') : t('orders.customers.empty')}
          description={filtered ? undefined : t('orders.customers.emptyText')}
        />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('orders.customers.name')}</Table.Th>
                  <Table.Th>{t('orders.customers.contact')}</Table.Th>
                  <Table.Th>{t('orders.customers.owner')}</Table.Th>
                  <Table.Th>{t('orders.customers.firstOrder')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((customer) => (
                  <Table.Tr key={customer.id}>
                    <Table.Td>
                      <Anchor component="button" type="button" onClick={() => setOpenId(customer.id)}>
                        {customer.name || t('orders.customers.unnamed')}
                      </Anchor>
                      {customer.partnerId ? (
                        <Text size="xs" c="orange">
                          {t('orders.customers.isPartner')}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{customer.phone ?? ''}</Text>
                      <Text size="xs" c="dimmed">
                        {customer.email ?? ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <OwnerText customer={customer} />
                    </Table.Td>
                    <Table.Td>{customer.firstOrderAt ? format.day(customer.firstOrderAt) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <CursorPager paging={paging} nextCursor={list.data?.nextCursor} />
      <CustomerDrawer customerId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}

function OwnerText({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!customer.owner) {
    return (
      <Text size="sm" c="dimmed">
        {t('orders.customers.noOwner')}
      </Text>
    );
  }
  return (
    <>
      <Text size="sm">
        {customer.owner.name} ({customer.owner.referralCode})
      </Text>
      <Text size="xs" c="dimmed">
        {customer.ownedUntil
          ? t('orders.customers.ownedUntil', {
              since: format.day(customer.ownedSince),
              until: format.day(customer.ownedUntil),
            })
          : t('orders.customers.ownedForLife', { since: format.day(customer.ownedSince) })}
      </Text>
    </>
  );
}

function CustomerDrawer({ customerId, onClose }: { customerId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const detail = useQuery({
    queryKey: [CUSTOMERS_KEY, 'detail', customerId],
    queryFn: () => api.get<CustomerDetail>(`/api/v1/customers/${customerId}`),
    enabled: Boolean(customerId),
  });
  return (
    <Drawer
      opened={Boolean(customerId)}
      onClose={onClose}
      position="right"
      size="lg"
      title={detail.data?.name || t('orders.customers.customer')}
    >
      {detail.isPending ? (
        <PageLoader />
      ) : detail.isError ? (
        <ErrorAlert error={detail.error} />
      ) : (
        <Stack>
          <Stack gap={2}>
            {detail.data.phone ? <Text size="sm">{detail.data.phone}</Text> : null}
            {detail.data.email ? <Text size="sm">{detail.data.email}</Text> : null}
            <OwnerText customer={detail.data} />
          </Stack>
          <Text fw={600}>{t('orders.customers.orders', { count: detail.data.orderCount })}</Text>
          <Table verticalSpacing="xs">
            <Table.Tbody>
              {detail.data.orders.map((order) => (
                <Table.Tr key={order.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/orders/${order.id}`}>
                      {order.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{format.day(order.placedAt)}</Table.Td>
                  <Table.Td ta="right">{format.money(order.totalMinor, order.currency)}</Table.Td>
                  <Table.Td>
                    <OrderStatusBadge status={order.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Drawer>
  );
}
