import { ActionIcon, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconMinus, IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import type { MyProduct } from './api';

export type PickedLine = { product: MyProduct; quantity: number };

const MAX_QUANTITY = 999;

/** + and − around a quantity, thumb-sized. */
export function QuantityStepper({
  name,
  quantity,
  onChange,
}: {
  name: string;
  quantity: number;
  onChange: (quantity: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
      <ActionIcon
        variant="default"
        size="lg"
        radius="xl"
        onClick={() => onChange(quantity - 1)}
        aria-label={t('sales.form.decrease', { name })}
        data-testid="qty-minus"
      >
        <IconMinus size={16} />
      </ActionIcon>
      <Text w={32} ta="center" fw={600} aria-live="polite" data-testid="qty">
        {quantity}
      </Text>
      <ActionIcon
        variant="filled"
        size="lg"
        radius="xl"
        disabled={quantity >= MAX_QUANTITY}
        onClick={() => onChange(quantity + 1)}
        aria-label={t('sales.form.increase', { name })}
        data-testid="qty-plus"
      >
        <IconPlus size={16} />
      </ActionIcon>
    </Group>
  );
}

/**
 * Products of the partner's catalog, searchable, each with a stepper; picked lines stay picked
 * while the search changes.
 */
export function ProductPicker({
  enrollmentId,
  lines,
  onChange,
  error,
}: {
  enrollmentId: string;
  lines: PickedLine[];
  onChange: (lines: PickedLine[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const catalog = useQuery({
    queryKey: ['my-catalog', enrollmentId, q],
    queryFn: () =>
      api.get<Page<MyProduct>>('/api/me/catalog', {
        enrollmentId,
        q: q || undefined,
        limit: 20,
        sort: 'name',
      }),
    placeholderData: keepPreviousData,
  });
  const quantityOf = (id: string) => lines.find((line) => line.product.id === id)?.quantity ?? 0;
  const setQuantity = (product: MyProduct, quantity: number) => {
    const rest = lines.filter((line) => line.product.id !== product.id);
    if (quantity <= 0) onChange(rest);
    else if (quantityOf(product.id) === 0) onChange([...lines, { product, quantity }]);
    else onChange(lines.map((line) => (line.product.id === product.id ? { product, quantity } : line)));
  };
  const unpicked = (catalog.data?.items ?? []).filter((product) => quantityOf(product.id) === 0);
  return (
    <Stack gap="xs">
      {lines.map((line) => (
        <Paper key={line.product.id} withBorder radius="md" p="sm" data-testid="picked-line">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} lineClamp={2}>
                {line.product.name}
              </Text>
              <Text size="xs" c="dimmed">
                {format.money(line.product.priceMinor, line.product.currency)}
              </Text>
            </div>
            <QuantityStepper
              name={line.product.name}
              quantity={line.quantity}
              onChange={(quantity) => setQuantity(line.product, quantity)}
            />
          </Group>
        </Paper>
      ))}
      {error ? (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      ) : null}
      <TextInput
        leftSection={<IconSearch size={16} aria-hidden />}
        placeholder={t('sales.form.searchProducts')}
        aria-label={t('sales.form.searchProducts')}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        data-testid="product-search"
      />
      <ErrorAlert error={catalog.error} />
      {catalog.isSuccess && catalog.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {q ? t('sales.form.noProductsFound') : t('sales.form.noProducts')}
        </Text>
      ) : null}
      {unpicked.map((product) => (
        <Group key={product.id} justify="space-between" wrap="nowrap" gap="xs" data-testid="catalog-product">
          <div style={{ minWidth: 0 }}>
            <Text size="sm" lineClamp={2}>
              {product.name}
            </Text>
            <Text size="xs" c="dimmed">
              {format.money(product.priceMinor, product.currency)}
            </Text>
          </div>
          <Button
            variant="light"
            size="compact-md"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setQuantity(product, 1)}
            aria-label={t('sales.form.addProduct', { name: product.name })}
            data-testid="add-product"
            style={{ flexShrink: 0 }}
          >
            {t('sales.form.add')}
          </Button>
        </Group>
      ))}
    </Stack>
  );
}
