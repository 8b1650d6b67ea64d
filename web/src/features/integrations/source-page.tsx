import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconEye, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import { useConfirm } from '../../ui/confirm';
import { CursorPager, useCursorPaging } from '../../ui/cursor-pager';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { EmptyCard, PageHeader, PageLoader } from '../../ui/page';
import { DeliveryModal } from './delivery-modal';
import { CopyField, SetupSteps } from './setup-steps';
import {
  DELIVERY_COLORS,
  DELIVERY_STATUSES,
  type DeliverySummary,
  type SourceWithSecret,
  type WebhookSource,
} from './types';

/** One source: its URL and setup, settings, and recent deliveries with retry and raw payloads. */
export function SourcePage() {
  const { t } = useTranslation();
  const { sourceId } = useParams({ strict: false }) as { sourceId: string };
  const source = useQuery({
    queryKey: ['webhook-sources', 'one', sourceId],
    queryFn: () => api.get<WebhookSource>(`/api/v1/webhook-sources/${sourceId}`),
  });
  if (source.isLoading) return <PageLoader />;
  if (!source.data) return <ErrorAlert error={source.error} />;
  return (
    <>
      <PageHeader
        title={source.data.name}
        description={t(`integrations.kinds.${source.data.kind}`)}
        actions={
          <Button component={Link} to="/integrations" variant="default">
            {t('integrations.backToList')}
          </Button>
        }
      />
      <Stack gap="lg">
        <SourceSettings source={source.data} />
        <Deliveries sourceId={sourceId} />
      </Stack>
    </>
  );
}

function SourceSettings({ source }: { source: WebhookSource }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [secret, setSecret] = useState('');
  const [rotated, setRotated] = useState<SourceWithSecret | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['webhook-sources'] });
  const update = useMutation({
    mutationFn: (patch: Record<string, unknown>) =>
      api.patch<WebhookSource>(`/api/v1/webhook-sources/${source.id}`, patch),
    onSuccess: () => {
      setSecret('');
      notifySuccess(t('common.saved'));
      void refresh();
    },
    onError: notifyError,
  });
  const rotate = useMutation({
    mutationFn: () => api.post<SourceWithSecret>(`/api/v1/webhook-sources/${source.id}/rotate-token`),
    onSuccess: (result) => {
      setRotated(result);
      void refresh();
    },
    onError: notifyError,
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/v1/webhook-sources/${source.id}`),
    onSuccess: () => {
      notifySuccess(t('integrations.deleted'));
      void refresh();
      void navigate({ to: '/integrations' });
    },
    onError: notifyError,
  });
  const askRotate = async () => {
    if (
      await confirm({
        title: t('integrations.rotateTitle'),
        message: t('integrations.rotateConfirm'),
        confirmLabel: t('integrations.rotate'),
      })
    )
      rotate.mutate();
  };
  const askDelete = async () => {
    if (
      await confirm({
        title: t('integrations.deleteTitle'),
        message: t('integrations.deleteConfirm', { name: source.name }),
        confirmLabel: t('common.delete'),
      })
    )
      remove.mutate();
  };
  return (
    <Paper withBorder radius="md" p="md">
      <Stack>
        <CopyField label={t('integrations.deliveryUrl')} value={source.deliveryUrl} testId="delivery-url" />
        {rotated?.postbackUrl ? (
          <>
            <Text size="sm" c="yellow.8">
              {t('integrations.tokenOnce')}
            </Text>
            <CopyField
              label={t('integrations.postbackUrl')}
              value={rotated.postbackUrl}
              testId="postback-url"
            />
          </>
        ) : null}
        <SetupSteps kind={source.kind} url={source.deliveryUrl} />
        <Switch
          label={t('integrations.activeSwitch')}
          checked={source.status === 'active'}
          onChange={(event) => update.mutate({ status: event.currentTarget.checked ? 'active' : 'disabled' })}
        />
        <Group align="flex-end" gap="sm">
          {source.kind === 'postback' ? (
            <Button
              variant="light"
              leftSection={<IconRefresh size={16} aria-hidden />}
              onClick={askRotate}
              loading={rotate.isPending}
            >
              {t('integrations.rotate')}
            </Button>
          ) : (
            <>
              <PasswordInput
                label={t('integrations.replaceSecret')}
                value={secret}
                onChange={(event) => setSecret(event.currentTarget.value)}
                autoComplete="off"
                w={320}
              />
              <Button
                variant="light"
                disabled={secret.trim().length < 8}
                onClick={() => update.mutate({ secret: secret.trim() })}
              >
                {t('common.save')}
              </Button>
            </>
          )}
          <Button
            color="red"
            variant="subtle"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={askDelete}
            ml="auto"
          >
            {t('common.delete')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Deliveries({ sourceId }: { sourceId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const paging = useCursorPaging();
  const [status, setStatus] = useState<string>('all');
  const [viewing, setViewing] = useState<string | null>(null);
  const deliveries = useQuery({
    queryKey: ['webhook-sources', 'deliveries', sourceId, status, paging.cursor],
    queryFn: () =>
      api.get<Page<DeliverySummary>>(`/api/v1/webhook-sources/${sourceId}/deliveries`, {
        status: status === 'all' ? undefined : status,
        cursor: paging.cursor,
        limit: 25,
      }),
    refetchInterval: 15_000,
  });
  const retry = useMutation({
    mutationFn: (id: string) => api.post(`/api/v1/webhook-deliveries/${id}/retry`),
    onSuccess: () => {
      notifySuccess(t('integrations.retryQueued'));
      void queryClient.invalidateQueries({ queryKey: ['webhook-sources'] });
    },
    onError: notifyError,
  });
  const items = deliveries.data?.items ?? [];
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={600}>{t('integrations.recentDeliveries')}</Text>
        <SegmentedControl
          size="xs"
          value={status}
          onChange={(value) => {
            setStatus(value);
            paging.reset();
          }}
          data={[
            { value: 'all', label: t('common.all') },
            ...DELIVERY_STATUSES.map((value) => ({
              value,
              label: t(`integrations.deliveryStatus.${value}`),
            })),
          ]}
        />
      </Group>
      <ErrorAlert error={deliveries.error} />
      {deliveries.isLoading ? <PageLoader /> : null}
      {deliveries.isSuccess && items.length === 0 ? (
        <EmptyCard title={t('integrations.noDeliveries')} description={t('integrations.noDeliveriesText')} />
      ) : null}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={760}>
          <Table
            verticalSpacing="xs"
            aria-label={t('integrations.recentDeliveries')}
            bg="var(--mantine-color-body)"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('integrations.receivedAt')}</Table.Th>
                <Table.Th>{t('integrations.topic')}</Table.Th>
                <Table.Th>{t('integrations.status')}</Table.Th>
                <Table.Th>{t('integrations.result')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((delivery) => (
                <Table.Tr key={delivery.id}>
                  <Table.Td>
                    <Text size="xs">{format.date(delivery.receivedAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{delivery.topic || '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={DELIVERY_COLORS[delivery.status]} variant="light">
                      {t(`integrations.deliveryStatus.${delivery.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td maw={360}>
                    {delivery.orderId ? (
                      <Anchor href={`/orders/${delivery.orderId}`} size="sm">
                        {t('integrations.viewOrder')}
                      </Anchor>
                    ) : null}
                    {delivery.error ? (
                      <Text
                        size="xs"
                        c={
                          delivery.status === 'processed' || delivery.status === 'duplicate'
                            ? 'dimmed'
                            : 'red'
                        }
                      >
                        {delivery.error}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Tooltip label={t('integrations.viewPayload')}>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('integrations.viewPayload')}
                          onClick={() => setViewing(delivery.id)}
                        >
                          <IconEye size={16} />
                        </ActionIcon>
                      </Tooltip>
                      {delivery.status === 'failed' ? (
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() => retry.mutate(delivery.id)}
                          loading={retry.isPending && retry.variables === delivery.id}
                        >
                          {t('common.retry')}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <CursorPager paging={paging} nextCursor={deliveries.data?.nextCursor} />
      <DeliveryModal deliveryId={viewing} onClose={() => setViewing(null)} />
    </Stack>
  );
}
