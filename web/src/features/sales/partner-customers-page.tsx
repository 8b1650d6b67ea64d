import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUsers } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import { SignedInPartnerPage } from '../../partner/signed-in';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { EmptyCard, PageLoader } from '../../ui/page';
import { type MyCustomer, SALES_KEYS } from './api';
import { PartnerSalesTabs } from './partner-sales-tabs';

/** Customers the partner brought first: their repeat purchases are credited to the partner. */
export function PartnerCustomersPage() {
  const { t } = useTranslation();
  return (
    <SignedInPartnerPage>
      {() => (
        <>
          <Title order={1} size="h2">
            {t('sales.partner.ordersTitle')}
          </Title>
          <PartnerSalesTabs current="customers" />
          <Text size="sm" c="dimmed">
            {t('sales.partner.customersText')}
          </Text>
          <CustomerList />
        </>
      )}
    </SignedInPartnerPage>
  );
}

function CustomerList() {
  const { t } = useTranslation();
  const format = useFormat();
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q.trim(), 300);
  const list = useInfiniteQuery({
    queryKey: [...SALES_KEYS.myCustomers, search],
    queryFn: ({ pageParam }) =>
      api.get<Page<MyCustomer>>('/api/me/customers', {
        q: search || undefined,
        cursor: pageParam,
        limit: 20,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="sm">
      <TextInput
        aria-label={t('common.search')}
        placeholder={t('sales.partner.customersSearch')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(event) => setQ(event.currentTarget.value)}
        inputMode="search"
        data-testid="my-customers-search"
      />
      <ErrorAlert error={list.error} />
      {list.isLoading ? <PageLoader /> : null}
      {list.isSuccess && items.length === 0 ? (
        search ? (
          <EmptyCard icon={<IconUsers size={26} />} title={t('sales.partner.customersNoMatch')} />
        ) : (
          <EmptyCard
            icon={<IconUsers size={26} />}
            title={t('sales.partner.customersEmpty')}
            description={t('sales.partner.customersEmptyText')}
          />
        )
      ) : null}
      {items.map((customer) => (
        <Paper key={customer.id} withBorder radius="md" p="sm" data-testid="my-customer">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Text fw={600} truncate data-testid="my-customer-name">
                {customer.name || t('sales.partner.noCustomerName')}
              </Text>
              {customer.phone ? (
                <Text size="xs" c="dimmed">
                  {customer.phone}
                </Text>
              ) : null}
            </div>
            <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {t('sales.partner.orderCount', { count: customer.orderCount })}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            {t('sales.partner.customerSince', { date: format.day(customer.since) })}
            {customer.lastOrderAt
              ? ` · ${t('sales.partner.lastOrder', { date: format.day(customer.lastOrderAt) })}`
              : ''}
          </Text>
        </Paper>
      ))}
      {list.hasNextPage ? (
        <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('sales.loadMore')}
        </Button>
      ) : null}
    </Stack>
  );
}
