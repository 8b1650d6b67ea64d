import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileImport, IconPlugConnected, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import { CursorPager, useCursorPaging } from '../../ui/cursor-pager';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { EmptyCard, PageHeader, PageLoader } from '../../ui/page';
import { CreateSourceModal } from './create-source-modal';
import type { WebhookSource } from './types';

/** Shops that send orders: kind, status, last delivery and failures of the last 24 hours. */
export function WebhookSourcesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const paging = useCursorPaging();
  const [opened, { open, close }] = useDisclosure(false);
  const sources = useQuery({
    queryKey: ['webhook-sources', paging.cursor],
    queryFn: () =>
      api.get<Page<WebhookSource>>('/api/v1/webhook-sources', { cursor: paging.cursor, limit: 25 }),
  });
  const items = sources.data?.items ?? [];
  const createButton = (
    <Button
      leftSection={<IconPlus size={16} aria-hidden />}
      onClick={open}
      data-testid="create-webhook-source"
    >
      {t('integrations.create')}
    </Button>
  );
  const importButton = (
    <Button
      component={Link}
      to="/orders/import"
      variant="default"
      leftSection={<IconFileImport size={16} aria-hidden />}
    >
      {t('integrations.importOrders')}
    </Button>
  );
  return (
    <>
      <PageHeader
        title={t('integrations.title')}
        description={t('integrations.text')}
        actions={
          <>
            {importButton}
            {createButton}
          </>
        }
      />
      <ErrorAlert error={sources.error} />
      {sources.isLoading ? <PageLoader /> : null}
      {sources.isSuccess && items.length === 0 ? (
        <EmptyCard
          icon={<IconPlugConnected size={26} />}
          title={t('integrations.emptyTitle')}
          description={t('integrations.emptyText')}
          action={createButton}
        />
      ) : null}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" aria-label={t('integrations.title')} bg="var(--mantine-color-body)">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('integrations.name')}</Table.Th>
                <Table.Th>{t('integrations.kind')}</Table.Th>
                <Table.Th>{t('integrations.status')}</Table.Th>
                <Table.Th>{t('integrations.lastDelivery')}</Table.Th>
                <Table.Th>{t('integrations.deliveries24h')}</Table.Th>
                <Table.Th>{t('integrations.failures24h')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((source) => (
                <Table.Tr key={source.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/integrations/${source.id}`} fw={500} size="sm">
                      {source.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`integrations.kinds.${source.kind}`)}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={source.status === 'active' ? 'teal' : 'gray'} variant="light">
                      {t(`integrations.sourceStatus.${source.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {source.lastDeliveryAt
                        ? format.date(source.lastDeliveryAt)
                        : t('integrations.noDeliveryYet')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{format.number(source.deliveriesLast24h)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text
                      size="sm"
                      c={source.failuresLast24h > 0 ? 'red' : undefined}
                      fw={source.failuresLast24h > 0 ? 600 : undefined}
                    >
                      {format.number(source.failuresLast24h)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <CursorPager paging={paging} nextCursor={sources.data?.nextCursor} />
      <CreateSourceModal opened={opened} onClose={close} />
    </>
  );
}
