import {
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { notifySuccess } from '../../ui/notify';
import { useFormErrors } from '../../ui/use-form-errors';
import { SUB_ID_KEYS, type TrackedLink, UTM_KEYS } from './types';

const compact = (values: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(values)
      .filter(([, value]) => value.trim() !== '')
      .map(([key, value]) => [key, value.trim()]),
  );

/** A new link to a page of the shop or to a product, with sub-IDs and UTM tags under "advanced". */
export function NewLinkForm({ enrollmentId, onDone }: { enrollmentId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const [target, setTarget] = useState<'page' | 'product'>('page');
  const [destinationUrl, setDestinationUrl] = useState('');
  const [productId, setProductId] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q.trim(), 300);
  const [title, setTitle] = useState('');
  const [advanced, setAdvanced] = useState(false);
  const [subIds, setSubIds] = useState<Record<string, string>>({});
  const [utm, setUtm] = useState<Record<string, string>>({});
  const products = useQuery({
    queryKey: ['my-catalog', enrollmentId, 'link-picker', search],
    queryFn: () =>
      api.get<{ items: { id: string; name: string; sku: string }[] }>('/api/me/catalog', {
        enrollmentId,
        q: search,
        limit: 20,
      }),
    enabled: target === 'product',
  });
  const create = useMutation({
    mutationFn: () => {
      const tags = compact(subIds);
      const utmTags = compact(utm);
      return api.post<TrackedLink>('/api/me/links', {
        enrollmentId,
        ...(target === 'product' ? { productId } : { destinationUrl: destinationUrl.trim() }),
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(Object.keys(tags).length > 0 ? { subIds: tags } : {}),
        ...(Object.keys(utmTags).length > 0 ? { utm: utmTags } : {}),
      });
    },
    onSuccess: () => {
      notifySuccess(t('tracking.mine.created'));
      void queryClient.invalidateQueries({ queryKey: ['my-links', enrollmentId] });
      onDone();
    },
    onError: errors.set,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    create.mutate();
  };
  return (
    <Card withBorder radius="md" padding="sm">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={errors.general} />
          <SegmentedControl
            fullWidth
            value={target}
            onChange={(value) => setTarget(value as 'page' | 'product')}
            data={[
              { value: 'page', label: t('tracking.mine.toPage') },
              { value: 'product', label: t('tracking.mine.toProduct') },
            ]}
          />
          {target === 'page' ? (
            <TextInput
              label={t('tracking.mine.destination')}
              placeholder="https://"
              inputMode="url"
              required
              value={destinationUrl}
              onChange={(event) => setDestinationUrl(event.currentTarget.value)}
              error={errors.field('destinationUrl')}
            />
          ) : (
            <Select
              label={t('tracking.mine.product')}
              required
              searchable
              searchValue={q}
              onSearchChange={setQ}
              filter={({ options }) => options}
              data={(products.data?.items ?? []).map((product) => ({
                value: product.id,
                label: `${product.name} (${product.sku})`,
              }))}
              value={productId}
              onChange={setProductId}
              error={errors.field('productId')}
            />
          )}
          <TextInput
            label={t('tracking.mine.linkTitle')}
            description={t('tracking.mine.linkTitleHelp')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.field('title')}
          />
          <UnstyledButton onClick={() => setAdvanced(!advanced)} aria-expanded={advanced}>
            <Group gap={4}>
              {advanced ? (
                <IconChevronDown size={14} aria-hidden />
              ) : (
                <IconChevronRight size={14} aria-hidden />
              )}
              <Text size="sm" fw={500}>
                {t('tracking.mine.advanced')}
              </Text>
            </Group>
          </UnstyledButton>
          {advanced ? (
            <>
              <Text size="xs" c="dimmed">
                {t('tracking.mine.subIdsHelp')}
              </Text>
              <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="xs">
                {SUB_ID_KEYS.map((key) => (
                  <TextInput
                    key={key}
                    label={key}
                    maxLength={100}
                    value={subIds[key] ?? ''}
                    onChange={(event) => setSubIds({ ...subIds, [key]: event.currentTarget.value })}
                    error={errors.field(key)}
                  />
                ))}
              </SimpleGrid>
              <Text size="xs" c="dimmed">
                {t('tracking.mine.utmHelp')}
              </Text>
              <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="xs">
                {UTM_KEYS.map((key) => (
                  <TextInput
                    key={key}
                    label={`utm_${key}`}
                    maxLength={100}
                    value={utm[key] ?? ''}
                    onChange={(event) => setUtm({ ...utm, [key]: event.currentTarget.value })}
                  />
                ))}
              </SimpleGrid>
            </>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('tracking.mine.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
