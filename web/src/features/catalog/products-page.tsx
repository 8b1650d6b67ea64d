import { ActionIcon, Button, Group, Paper, Select, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconArchive,
  IconArrowBackUp,
  IconCategory,
  IconEdit,
  IconFileImport,
  IconPackage,
  IconPlus,
  IconSearch,
  IconSortAscending,
  IconSortDescending,
} from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { formatMoney } from '../../lib/format';
import type { Page } from '../../lib/types';
import { useConfirm } from '../../ui/confirm';
import { CursorPager, useCursorPaging } from '../../ui/cursor-pager';
import { ErrorAlert } from '../../ui/error-alert';
import { notifyError, notifySuccess } from '../../ui/notify';
import { EmptyCard, PageHeader, PageLoader } from '../../ui/page';
import { useCan, useSignedInMe } from '../auth/session';
import { marginPerMille, PRODUCTS_KEY } from './api';
import { CategorySelect } from './category-select';
import { ProductFormModal } from './product-form-modal';
import { ProductThumb } from './product-thumb';
import { ProductStatusBadge } from './status-badge';
import { PRODUCT_STATUSES, type Product, type ProductStatus } from './types';

type Sort = 'created' | 'name' | 'price';

/** The products of the organisation: search, filters, sorting, create, edit, archive. */
export function ProductsPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const me = useSignedInMe();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const paging = useCursorPaging();
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q.trim(), 300);
  const [status, setStatus] = useState<string | null>(null);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [sort, setSort] = useState<Sort>('created');
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const filters = { q: search, status, categoryId, sort, order };
  /** A new filter starts again from the first page. */
  const refilter =
    <T,>(setter: (value: T) => void) =>
    (value: T) => {
      setter(value);
      paging.reset();
    };
  const list = useQuery({
    queryKey: [PRODUCTS_KEY, filters, paging.cursor],
    queryFn: () =>
      api.get<Page<Product>>('/api/v1/products', { ...filters, limit: 25, cursor: paging.cursor }),
    placeholderData: keepPreviousData,
  });
  const setProductStatus = useMutation({
    mutationFn: ({ id, next }: { id: string; next: ProductStatus }) =>
      api.post<Product>(`/api/v1/products/${id}/status`, { status: next }),
    onSuccess: (product) => {
      notifySuccess(
        t(product.status === 'archived' ? 'catalog.products.archived' : 'catalog.products.restored'),
      );
      void queryClient.invalidateQueries({ queryKey: [PRODUCTS_KEY] });
    },
    onError: notifyError,
  });
  const manage = can('catalog.manage');
  const currency = me.currentOrg?.currency ?? 'VND';
  const money = (minor: string | null, productCurrency: string) =>
    minor === null ? '—' : formatMoney(minor, productCurrency, i18n.language);
  const archive = async (product: Product) => {
    if (
      await confirm({
        title: t('catalog.products.archiveTitle'),
        message: t('catalog.products.archiveConfirm', { name: product.name }),
        confirmLabel: t('catalog.products.archive'),
      })
    )
      setProductStatus.mutate({ id: product.id, next: 'archived' });
  };
  const items = list.data?.items ?? [];
  const filtered = Boolean(search || status || categoryId);
  return (
    <>
      <PageHeader
        title={t('catalog.products.title')}
        description={t('catalog.products.text')}
        actions={
          <>
            <Button
              component={Link}
              to="/products/categories"
              variant="default"
              leftSection={<IconCategory size={16} aria-hidden />}
            >
              {t('catalog.categories.title')}
            </Button>
            {manage ? (
              <>
                <Button
                  component={Link}
                  to="/products/import"
                  variant="default"
                  leftSection={<IconFileImport size={16} aria-hidden />}
                >
                  {t('catalog.import.title')}
                </Button>
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
                  {t('catalog.products.create')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Group mb="md" gap="sm" align="flex-end">
        <TextInput
          aria-label={t('common.search')}
          placeholder={t('catalog.products.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(event) => refilter(setQ)(event.currentTarget.value)}
          w={{ base: '100%', sm: 280 }}
        />
        <Select
          aria-label={t('catalog.fields.status')}
          placeholder={t('catalog.products.allStatuses')}
          clearable
          data={PRODUCT_STATUSES.map((value) => ({ value, label: t(`catalog.status.${value}`) }))}
          value={status}
          onChange={refilter(setStatus)}
          w={160}
        />
        <CategorySelect
          aria-label={t('catalog.fields.category')}
          placeholder={t('catalog.products.allCategories')}
          extra={[{ value: 'none', label: t('catalog.products.uncategorised') }]}
          value={categoryId}
          onChange={refilter(setCategoryId)}
          w={240}
        />
        <Group gap={4} wrap="nowrap">
          <Select
            aria-label={t('catalog.products.sortBy')}
            data={(['created', 'name', 'price'] as const).map((value) => ({
              value,
              label: t(`catalog.products.sort.${value}`),
            }))}
            value={sort}
            onChange={(value) => refilter(setSort)((value as Sort) ?? 'created')}
            allowDeselect={false}
            w={150}
          />
          <Tooltip label={t(order === 'asc' ? 'catalog.products.ascending' : 'catalog.products.descending')}>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t(order === 'asc' ? 'catalog.products.ascending' : 'catalog.products.descending')}
              onClick={() => refilter(setOrder)(order === 'asc' ? 'desc' : 'asc')}
            >
              {order === 'asc' ? <IconSortAscending size={18} /> : <IconSortDescending size={18} />}
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <ErrorAlert error={list.error} />
      {list.isLoading ? <PageLoader /> : null}
      {list.isSuccess && items.length === 0 ? (
        <EmptyCard
          icon={<IconPackage size={26} />}
          title={t(filtered ? 'catalog.products.noMatch' : 'catalog.products.empty')}
          description={filtered ? undefined : t('catalog.products.emptyText')}
          action={
            manage && !filtered ? (
              <Group gap="xs">
                <Button size="xs" onClick={() => setEditing('new')}>
                  {t('catalog.products.create')}
                </Button>
                <Button size="xs" variant="default" component={Link} to="/products/import">
                  {t('catalog.import.title')}
                </Button>
              </Group>
            ) : null
          }
        />
      ) : null}
      {items.length > 0 ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={960}>
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={56} />
                  <Table.Th>{t('catalog.fields.sku')}</Table.Th>
                  <Table.Th>{t('catalog.fields.name')}</Table.Th>
                  <Table.Th ta="right">{t('catalog.fields.price')}</Table.Th>
                  <Table.Th ta="right">{t('catalog.fields.cost')}</Table.Th>
                  <Table.Th ta="right">{t('catalog.fields.margin')}</Table.Th>
                  <Table.Th ta="right">{t('catalog.fields.ctvPrice')}</Table.Th>
                  <Table.Th>{t('catalog.fields.status')}</Table.Th>
                  {manage ? <Table.Th w={84}>{t('common.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((product) => {
                  const margin = marginPerMille(product.priceMinor, product.costMinor);
                  return (
                    <Table.Tr key={product.id} data-testid="product-row">
                      <Table.Td>
                        <ProductThumb url={product.imageUrl} name={product.name} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" ff="monospace">
                          {product.sku}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {product.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {product.categoryPath ?? t('catalog.products.uncategorised')}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">{money(product.priceMinor, product.currency)}</Table.Td>
                      <Table.Td ta="right">{money(product.costMinor, product.currency)}</Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm" c={margin !== null && margin < 0 ? 'red' : undefined}>
                          {margin === null
                            ? '—'
                            : `${(margin / 10).toLocaleString(i18n.language, { maximumFractionDigits: 1 })} %`}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">{money(product.ctvPriceMinor, product.currency)}</Table.Td>
                      <Table.Td>
                        <ProductStatusBadge status={product.status} />
                      </Table.Td>
                      {manage ? (
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={t('catalog.products.edit', { name: product.name })}
                              onClick={() => setEditing(product)}
                            >
                              <IconEdit size={16} />
                            </ActionIcon>
                            {product.status === 'archived' ? (
                              <ActionIcon
                                variant="subtle"
                                color="teal"
                                aria-label={t('catalog.products.restore', { name: product.name })}
                                onClick={() => setProductStatus.mutate({ id: product.id, next: 'active' })}
                              >
                                <IconArrowBackUp size={16} />
                              </ActionIcon>
                            ) : (
                              <ActionIcon
                                variant="subtle"
                                color="orange"
                                aria-label={t('catalog.products.archiveNamed', { name: product.name })}
                                onClick={() => archive(product)}
                              >
                                <IconArchive size={16} />
                              </ActionIcon>
                            )}
                          </Group>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      <CursorPager paging={paging} nextCursor={list.data?.nextCursor} />
      {editing ? (
        <ProductFormModal
          product={editing === 'new' ? null : editing}
          currency={currency}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
