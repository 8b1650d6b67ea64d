import {
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { useFormErrors } from '../../ui/use-form-errors';
import { SALES_KEYS, type StaffOpportunity } from './api';

type Product = { id: string; sku: string; name: string; currency: string; priceMinor: string };
type Line = { product: Product; quantity: number };

/** Staff pick products from the catalog; the opportunity becomes an order and is marked won. */
export function ConvertOpportunityModal({
  opportunity,
  onClose,
}: {
  opportunity: StaffOpportunity;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [lines, setLines] = useState<Line[]>([]);
  const [paymentMethod, setPaymentMethod] = useState<'cod' | 'transfer'>('cod');
  const [address, setAddress] = useState('');
  const [note, setNote] = useState(opportunity.need);
  const products = useQuery({
    queryKey: ['products', 'convert', q],
    queryFn: () =>
      api.get<Page<Product>>('/api/v1/products', { status: 'active', q: q || undefined, limit: 20 }),
  });
  const total = lines.reduce(
    (sum, line) => sum + BigInt(line.product.priceMinor) * BigInt(line.quantity),
    0n,
  );
  const convert = useMutation({
    mutationFn: () =>
      api.post<{ order: { number: string } }>(`/api/v1/opportunities/${opportunity.id}/order`, {
        items: lines.map((line) => ({ productId: line.product.id, quantity: line.quantity })),
        paymentMethod,
        shippingAddress: address.trim() || undefined,
        note: note.trim() || undefined,
      }),
    onSuccess: (result) => {
      notifySuccess(t('sales.convert.done', { number: result.order.number }));
      void queryClient.invalidateQueries({ queryKey: SALES_KEYS.opportunities });
      void queryClient.invalidateQueries({ queryKey: SALES_KEYS.queue });
      onClose();
    },
    onError: errors.set,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (lines.length === 0 || convert.isPending) return;
    convert.mutate();
  };
  const add = (id: string | null) => {
    const product = products.data?.items.find((item) => item.id === id);
    if (!product || lines.some((line) => line.product.id === product.id)) return;
    setLines([...lines, { product, quantity: 1 }]);
    setSearch('');
  };
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('sales.convert.title', { name: opportunity.customerName })}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('sales.convert.addProduct')}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            value={null}
            onChange={add}
            filter={({ options }) => options}
            nothingFoundMessage={t('sales.form.noProductsFound')}
            data={(products.data?.items ?? []).map((product) => ({
              value: product.id,
              label: `${product.name} (${product.sku}) · ${format.money(product.priceMinor, product.currency)}`,
            }))}
          />
          {lines.map((line, index) => (
            <Group key={line.product.id} wrap="nowrap" justify="space-between">
              <Text size="sm" style={{ flex: 1 }}>
                {line.product.name}
              </Text>
              <NumberInput
                aria-label={t('sales.convert.quantity', { name: line.product.name })}
                w={90}
                min={1}
                max={9999}
                allowDecimal={false}
                value={line.quantity}
                onChange={(value) =>
                  setLines(
                    lines.map((item, i) =>
                      i === index ? { ...item, quantity: Math.max(1, Number(value) || 1) } : item,
                    ),
                  )
                }
              />
              <Text size="sm" w={110} ta="right">
                {format.money(BigInt(line.product.priceMinor) * BigInt(line.quantity), line.product.currency)}
              </Text>
              <Button
                variant="subtle"
                color="red"
                size="compact-sm"
                aria-label={t('sales.convert.remove', { name: line.product.name })}
                onClick={() => setLines(lines.filter((_, i) => i !== index))}
              >
                <IconTrash size={14} />
              </Button>
            </Group>
          ))}
          {lines.length > 0 ? (
            <Group justify="flex-end">
              <Text fw={700}>{format.money(total, opportunity.currency)}</Text>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('sales.convert.noLines')}
            </Text>
          )}
          <SegmentedControl
            value={paymentMethod}
            onChange={(value) => setPaymentMethod(value as 'cod' | 'transfer')}
            data={[
              { value: 'cod', label: t('sales.form.payCod') },
              { value: 'transfer', label: t('sales.paymentMethod.transfer') },
            ]}
          />
          <TextInput
            label={t('sales.form.address')}
            value={address}
            onChange={(event) => setAddress(event.currentTarget.value)}
            error={errors.field('shippingAddress')}
          />
          <Textarea
            label={t('sales.form.note')}
            autosize
            minRows={2}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          <ErrorAlert error={errors.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={lines.length === 0} loading={convert.isPending}>
              {t('sales.convert.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
