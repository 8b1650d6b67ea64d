import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { notifySuccess } from '../../ui/notify';
import { useFormErrors } from '../../ui/use-form-errors';
import { minorToMajorText, parseMajorToMinor } from '../programs/money';
import { CATEGORIES_KEY, PRODUCTS_KEY } from './api';
import { CategorySelect } from './category-select';
import { PRODUCT_STATUSES, type Product, type ProductStatus } from './types';

type Values = {
  sku: string;
  name: string;
  categoryId: string | null;
  price: string;
  cost: string;
  ctvPrice: string;
  status: ProductStatus;
  imageUrl: string;
  url: string;
  description: string;
};

function initialValues(product: Product | null, currency: string): Values {
  const major = (minor: string | null) => (minor === null ? '' : minorToMajorText(minor, currency));
  return {
    sku: product?.sku ?? '',
    name: product?.name ?? '',
    categoryId: product?.categoryId ?? null,
    price: product ? major(product.priceMinor) : '',
    cost: major(product?.costMinor ?? null),
    ctvPrice: major(product?.ctvPriceMinor ?? null),
    status: product?.status ?? 'active',
    imageUrl: product?.imageUrl ?? '',
    url: product?.url ?? '',
    description: product?.description ?? '',
  };
}

const isHttpUrl = (text: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
};

/** Checks what the person typed; answers field → message key, and the body for the API. */
function check(values: Values, currency: string) {
  const problems: Partial<Record<keyof Values, string>> = {};
  const amount = (field: 'price' | 'cost' | 'ctvPrice', required: boolean) => {
    const text = values[field].trim();
    if (text === '') {
      if (required) problems[field] = 'catalog.form.required';
      return null;
    }
    const minor = parseMajorToMinor(text, currency);
    if (minor === null) problems[field] = 'catalog.form.amountInvalid';
    return minor;
  };
  if (!values.sku.trim()) problems.sku = 'catalog.form.required';
  else if (!/^[\p{L}\p{N}._\-/#+]+$/u.test(values.sku.trim())) problems.sku = 'catalog.form.skuInvalid';
  if (!values.name.trim()) problems.name = 'catalog.form.required';
  const priceMinor = amount('price', true);
  const costMinor = amount('cost', false);
  const ctvPriceMinor = amount('ctvPrice', false);
  if (priceMinor !== null && ctvPriceMinor !== null && BigInt(ctvPriceMinor) > BigInt(priceMinor)) {
    problems.ctvPrice = 'catalog.form.ctvAbovePrice';
  }
  for (const field of ['imageUrl', 'url'] as const) {
    if (values[field].trim() && !isHttpUrl(values[field].trim())) problems[field] = 'catalog.form.urlInvalid';
  }
  return {
    problems,
    body: {
      sku: values.sku.trim(),
      name: values.name.trim(),
      categoryId: values.categoryId,
      priceMinor: priceMinor ?? '0',
      costMinor,
      ctvPriceMinor,
      status: values.status,
      imageUrl: values.imageUrl.trim() || null,
      url: values.url.trim() || null,
      description: values.description.trim(),
    },
  };
}

/** Create or edit a product; amounts are typed in major units and sent as minor units. */
export function ProductFormModal({
  product,
  currency,
  onClose,
}: {
  product: Product | null;
  currency: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const productCurrency = product?.currency ?? currency;
  const [values, setValues] = useState(() => initialValues(product, productCurrency));
  const [problems, setProblems] = useState<Partial<Record<keyof Values, string>>>({});
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof check>['body']) =>
      product
        ? api.patch<Product>(`/api/v1/products/${product.id}`, body)
        : api.post<Product>('/api/v1/products', body),
    onSuccess: () => {
      notifySuccess(t(product ? 'catalog.form.updated' : 'catalog.form.created'));
      void queryClient.invalidateQueries({ queryKey: [PRODUCTS_KEY] });
      void queryClient.invalidateQueries({ queryKey: CATEGORIES_KEY });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'conflict')
        setProblems({ sku: 'catalog.form.skuTaken' });
      errors.set(error);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    const result = check(values, productCurrency);
    setProblems(result.problems);
    if (Object.keys(result.problems).length === 0) save.mutate(result.body);
  };
  const hint = (field: keyof Values) => (problems[field] ? t(problems[field]!) : errors.field(field));
  const moneyProps = { rightSection: productCurrency, rightSectionWidth: 48, inputMode: 'decimal' as const };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(product ? 'catalog.form.editTitle' : 'catalog.form.createTitle')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={errors.general} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('catalog.fields.sku')}
              required
              value={values.sku}
              onChange={(event) => set('sku', event.currentTarget.value)}
              error={hint('sku')}
              data-autofocus
            />
            <Select
              label={t('catalog.fields.status')}
              data={PRODUCT_STATUSES.map((status) => ({
                value: status,
                label: t(`catalog.status.${status}`),
              }))}
              value={values.status}
              onChange={(value) => set('status', (value as ProductStatus) ?? 'active')}
              allowDeselect={false}
            />
          </SimpleGrid>
          <TextInput
            label={t('catalog.fields.name')}
            required
            value={values.name}
            onChange={(event) => set('name', event.currentTarget.value)}
            error={hint('name')}
          />
          <CategorySelect
            label={t('catalog.fields.category')}
            placeholder={t('catalog.form.noCategory')}
            value={values.categoryId}
            onChange={(value) => set('categoryId', value)}
            error={hint('categoryId')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('catalog.fields.price')}
              required
              value={values.price}
              onChange={(event) => set('price', event.currentTarget.value)}
              error={hint('price')}
              {...moneyProps}
            />
            <TextInput
              label={t('catalog.fields.cost')}
              description={t('catalog.form.costHint')}
              value={values.cost}
              onChange={(event) => set('cost', event.currentTarget.value)}
              error={hint('cost')}
              {...moneyProps}
            />
            <TextInput
              label={t('catalog.fields.ctvPrice')}
              description={t('catalog.form.ctvPriceHint')}
              value={values.ctvPrice}
              onChange={(event) => set('ctvPrice', event.currentTarget.value)}
              error={hint('ctvPrice')}
              {...moneyProps}
            />
          </SimpleGrid>
          <TextInput
            label={t('catalog.fields.url')}
            description={t('catalog.form.urlHint')}
            placeholder="https://"
            value={values.url}
            onChange={(event) => set('url', event.currentTarget.value)}
            error={hint('url')}
          />
          <TextInput
            label={t('catalog.fields.imageUrl')}
            placeholder="https://"
            value={values.imageUrl}
            onChange={(event) => set('imageUrl', event.currentTarget.value)}
            error={hint('imageUrl')}
          />
          <Textarea
            label={t('catalog.fields.description')}
            autosize
            minRows={2}
            maxRows={6}
            value={values.description}
            onChange={(event) => set('description', event.currentTarget.value)}
            error={hint('description')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
