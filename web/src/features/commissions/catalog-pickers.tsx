import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import { PRODUCTS_KEY, useCategories } from '../catalog/api';
import { CategorySelect } from '../catalog/category-select';
import type { Product } from '../catalog/types';
import type { PartnerGroup } from '../partners/types';

type PickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'>;

const productLabel = (product: Product) => `${product.name} · ${product.sku}`;

/**
 * A product of the catalog, searched on the server by SKU or name. A rule may name a product that is
 * no longer in the first results (or no longer exists): it stays shown, by name when it is found.
 */
export function ProductSelect({
  value,
  onChange,
  ...props
}: PickerProps & { value: string; onChange: (productId: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: [PRODUCTS_KEY, 'picker', q],
    queryFn: () =>
      api.get<Page<Product>>('/api/v1/products', {
        q: q || undefined,
        limit: 20,
        sort: 'name',
        order: 'asc',
      }),
    placeholderData: keepPreviousData,
  });
  const items = found.data?.items ?? [];
  const listed = items.some((product) => product.id === value);
  const chosen = useQuery({
    queryKey: [PRODUCTS_KEY, value],
    queryFn: () => api.get<Product>(`/api/v1/products/${encodeURIComponent(value)}`),
    enabled: Boolean(value) && found.isSuccess && !listed,
    retry: false,
  });
  const data = items.map((product) => ({ value: product.id, label: productLabel(product) }));
  if (value && !listed)
    data.unshift({
      value,
      label: chosen.data
        ? productLabel(chosen.data)
        : chosen.isError
          ? t('commissionReports.pickers.missing', { id: value })
          : value,
    });
  return (
    <Select
      searchable
      clearable
      placeholder={t('commissionReports.pickers.productSearch')}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('commissionReports.pickers.noProducts')}
      data={data}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      searchValue={search}
      onSearchChange={setSearch}
      // the server has filtered already; the selected product's label must not hide the others
      filter={({ options }) => options}
      {...props}
    />
  );
}

/** A category by its path; an id no longer in the tree stays shown as such. */
export function CategoryPicker({
  value,
  onChange,
  ...props
}: PickerProps & { value: string; onChange: (categoryId: string) => void }) {
  const { t } = useTranslation();
  const categories = useCategories();
  const known = (categories.data ?? []).some((category) => category.id === value);
  return (
    <CategorySelect
      placeholder={t('commissionReports.pickers.categorySearch')}
      extra={
        value && categories.isSuccess && !known
          ? [{ value, label: t('commissionReports.pickers.missing', { id: value }) }]
          : []
      }
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      {...props}
    />
  );
}

/** A partner group, or none (the rule applies to every partner). */
export function PartnerGroupPicker({
  value,
  onChange,
  ...props
}: PickerProps & { value: string | null; onChange: (groupId: string | null) => void }) {
  const { t } = useTranslation();
  const groups = useQuery({
    queryKey: ['partner-groups'],
    queryFn: () => api.get<Page<PartnerGroup>>('/api/v1/partner-groups', { limit: 100 }),
    staleTime: 60_000,
  });
  const items = groups.data?.items ?? [];
  const data = items.map((group) => ({ value: group.id, label: group.name }));
  if (value && groups.isSuccess && !items.some((group) => group.id === value))
    data.unshift({ value, label: t('commissionReports.pickers.missing', { id: value }) });
  return (
    <Select
      searchable
      clearable
      placeholder={t('commissionReports.pickers.everyPartner')}
      nothingFoundMessage={t('common.nothingFound')}
      data={data}
      value={value}
      onChange={(next) => onChange(next || null)}
      {...props}
    />
  );
}
