import {
  Button,
  Card,
  Chip,
  Group,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPackage, IconSearch, IconShare } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { formatMoney } from '../../lib/format';
import type { Page } from '../../lib/types';
import { SignedInPartnerPage } from '../../partner/signed-in';
import { ErrorAlert } from '../../ui/error-alert';
import { EmptyCard, PageLoader } from '../../ui/page';
import { useProductCommissions } from '../earnings/api';
import { YouEarn } from '../earnings/you-earn';
import type { MyEnrollment } from '../partners/partner-enrollment-card';
import { ProductThumb } from './product-thumb';
import { ShareProductModal } from './share-product-modal';
import type { CatalogProduct } from './types';

type CatalogCategory = {
  id: string;
  parentId: string | null;
  name: string;
  path: string;
  depth: number;
  productCount: number;
};

/** The partner app's catalog: products of a program's shop, each with a "share" that makes a link. */
export function PartnerCatalogPage() {
  return <SignedInPartnerPage>{() => <CatalogContent />}</SignedInPartnerPage>;
}

function CatalogContent() {
  const { t } = useTranslation();
  const enrollments = useQuery({
    queryKey: ['my-enrollments'],
    queryFn: () => api.get<{ items: MyEnrollment[] }>('/api/me/enrollments'),
  });
  const approved = (enrollments.data?.items ?? []).filter((item) => item.status === 'approved');
  const [chosen, setChosen] = useState<string | null>(null);
  const enrollment = approved.find((item) => item.id === chosen) ?? approved[0];
  if (enrollments.isLoading) return <PageLoader />;
  return (
    <>
      <Title order={1} size="h2">
        {t('catalog.partner.title')}
      </Title>
      <ErrorAlert error={enrollments.error} />
      {enrollments.isSuccess && !enrollment ? (
        <EmptyCard
          icon={<IconPackage size={26} />}
          title={t('catalog.partner.noProgram')}
          description={t('catalog.partner.noProgramText')}
        />
      ) : null}
      {approved.length > 1 ? (
        <Select
          label={t('catalog.partner.program')}
          data={approved.map((item) => ({
            value: item.id,
            label: `${item.organisation.name} · ${item.program.name}`,
          }))}
          value={enrollment?.id ?? null}
          onChange={setChosen}
          allowDeselect={false}
          data-testid="catalog-program"
        />
      ) : null}
      {enrollment ? <ProgramCatalog key={enrollment.id} enrollmentId={enrollment.id} /> : null}
    </>
  );
}

function ProgramCatalog({ enrollmentId }: { enrollmentId: string }) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q.trim(), 300);
  const [categoryId, setCategoryId] = useState('');
  const [sharing, setSharing] = useState<CatalogProduct | null>(null);
  const categories = useQuery({
    queryKey: ['my-catalog-categories', enrollmentId],
    queryFn: () => api.get<{ items: CatalogCategory[] }>('/api/me/catalog/categories', { enrollmentId }),
  });
  const products = useInfiniteQuery({
    queryKey: ['my-catalog', enrollmentId, search, categoryId],
    queryFn: ({ pageParam }) =>
      api.get<Page<CatalogProduct>>('/api/me/catalog', {
        enrollmentId,
        q: search,
        categoryId,
        limit: 20,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = products.data?.pages.flatMap((page) => page.items) ?? [];
  const commissions = useProductCommissions(
    enrollmentId,
    items.map((product) => product.id),
  );
  const chips = (categories.data?.items ?? []).filter((item) => item.depth <= 1);
  const money = (minor: string, currency: string) => formatMoney(minor, currency, i18n.language);
  return (
    <Stack gap="sm">
      <TextInput
        aria-label={t('common.search')}
        placeholder={t('catalog.partner.search')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(event) => setQ(event.currentTarget.value)}
        type="search"
      />
      {chips.length > 0 ? (
        <ScrollArea type="never" offsetScrollbars={false}>
          <Chip.Group value={categoryId} onChange={(value) => setCategoryId(value as string)}>
            <Group gap={6} wrap="nowrap" pb={2}>
              <Chip value="" size="sm">
                {t('common.all')}
              </Chip>
              {chips.map((category) => (
                <Chip key={category.id} value={category.id} size="sm">
                  {category.name}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </ScrollArea>
      ) : null}
      <ErrorAlert error={products.error ?? categories.error} />
      {products.isLoading ? <PageLoader /> : null}
      {products.isSuccess && items.length === 0 ? (
        <EmptyCard
          icon={<IconPackage size={26} />}
          title={t(search || categoryId ? 'catalog.partner.noMatch' : 'catalog.partner.empty')}
          description={search || categoryId ? undefined : t('catalog.partner.emptyText')}
        />
      ) : null}
      <SimpleGrid cols={2} spacing="sm">
        {items.map((product) => (
          <Card key={product.id} withBorder radius="md" padding="xs" data-testid="catalog-product">
            <Card.Section>
              {product.imageUrl ? (
                <img
                  src={product.imageUrl}
                  alt={product.name}
                  loading="lazy"
                  style={{ width: '100%', aspectRatio: '1', objectFit: 'cover', display: 'block' }}
                />
              ) : (
                <Group justify="center" style={{ aspectRatio: '1' }} bg="var(--mantine-color-gray-1)">
                  <ProductThumb url={null} name={product.name} size={56} />
                </Group>
              )}
            </Card.Section>
            <Stack gap={2} mt="xs" style={{ flex: 1 }}>
              <Text size="sm" fw={500} lineClamp={2}>
                {product.name}
              </Text>
              <Text size="sm" fw={700} c="var(--mantine-primary-color-filled)">
                {money(product.priceMinor, product.currency)}
              </Text>
              {product.ctvPriceMinor !== null ? (
                <Text size="xs" c="dimmed">
                  {t('catalog.partner.ctvPrice', { price: money(product.ctvPriceMinor, product.currency) })}
                </Text>
              ) : null}
              <YouEarn commission={commissions.get(product.id)} />
            </Stack>
            {product.url ? (
              <Button
                mt="xs"
                size="xs"
                variant="light"
                fullWidth
                leftSection={<IconShare size={14} aria-hidden />}
                onClick={() => setSharing(product)}
                aria-label={t('catalog.partner.shareNamed', { name: product.name })}
              >
                {t('catalog.partner.share')}
              </Button>
            ) : (
              <Text size="xs" c="dimmed" mt="xs" ta="center">
                {t('catalog.partner.noPage')}
              </Text>
            )}
          </Card>
        ))}
      </SimpleGrid>
      {products.hasNextPage ? (
        <Button
          variant="default"
          onClick={() => products.fetchNextPage()}
          loading={products.isFetchingNextPage}
        >
          {t('catalog.partner.more')}
        </Button>
      ) : null}
      {sharing ? (
        <ShareProductModal enrollmentId={enrollmentId} product={sharing} onClose={() => setSharing(null)} />
      ) : null}
    </Stack>
  );
}
