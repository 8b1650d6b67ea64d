import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconChecklist } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import { CursorPager, useCursorPaging } from '../../ui/cursor-pager';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { EmptyCard, PageHeader, PageLoader } from '../../ui/page';
import { useCan } from '../auth/session';
import type { Program } from '../programs/types';
import { fetchOpenAlerts, postOrderEvent, type QueueItem, SALES_KEYS } from './api';
import { AlertBadge, PaymentBadge } from './badges';
import { splitMinutes } from './form-helpers';

type Action = { order: QueueItem; type: 'confirmed' | 'completed' | 'cancelled'; reason?: string };

/** Care staff's queue: orders waiting to be confirmed (or fulfilled), oldest first, and open alerts. */
export function OrderQueuePage() {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const paging = useCursorPaging();
  const [status, setStatus] = useState<'pending' | 'confirmed'>('pending');
  const [programId, setProgramId] = useState<string | null>(null);
  const [mine, setMine] = useState(false);
  const [cancelling, setCancelling] = useState<QueueItem | null>(null);
  const query = {
    status,
    programId: programId ?? undefined,
    mine: mine ? 'true' : undefined,
    limit: 25,
    cursor: paging.cursor,
  };
  const queue = useQuery({
    queryKey: [...SALES_KEYS.queue, query],
    queryFn: () => api.get<Page<QueueItem>>('/api/v1/order-queue', query),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  const programs = useQuery({
    queryKey: ['programs', 'options'],
    queryFn: () => api.get<Page<Program>>('/api/v1/programs', { limit: 100 }),
  });
  const act = useMutation({
    mutationFn: ({ order, type, reason }: Action) => postOrderEvent(order.id, { type, reason }),
    onSuccess: (_, { order, type }) => {
      notifySuccess(t(`sales.queue.done.${type}`, { number: order.number }));
      setCancelling(null);
      void queryClient.invalidateQueries({ queryKey: SALES_KEYS.queue });
      void queryClient.invalidateQueries({ queryKey: SALES_KEYS.alerts });
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
    },
    onError: notifyError,
  });
  const canAct = can('orders.manage');
  // care staff work the queue on their phones too: one card per order there
  const wide = useMediaQuery('(min-width: 48em)', true);
  const items = queue.data?.items ?? [];
  const actionsOf = (order: QueueItem, fullWidth: boolean) =>
    canAct ? (
      <QueueActions
        order={order}
        busy={act.isPending && act.variables?.order.id === order.id}
        onAct={(type) => act.mutate({ order, type })}
        onCancel={() => setCancelling(order)}
        fullWidth={fullWidth}
      />
    ) : null;
  const reset = () => paging.reset();
  return (
    <>
      <PageHeader title={t('sales.queue.title')} description={t('sales.queue.text')} />
      <OpenAlerts />
      <Group justify="space-between" mb="md" gap="sm">
        <SegmentedControl
          value={status}
          onChange={(value) => {
            setStatus(value as 'pending' | 'confirmed');
            reset();
          }}
          data={[
            { value: 'pending', label: t('sales.queue.toConfirm') },
            { value: 'confirmed', label: t('sales.queue.toFulfil') },
          ]}
          data-testid="queue-status"
        />
        <Group gap="sm">
          <Select
            aria-label={t('sales.program')}
            placeholder={t('sales.allPrograms')}
            clearable
            value={programId}
            onChange={(value) => {
              setProgramId(value);
              reset();
            }}
            data={(programs.data?.items ?? []).map((program) => ({ value: program.id, label: program.name }))}
          />
          <Switch
            label={t('sales.myPartners')}
            checked={mine}
            onChange={(event) => {
              setMine(event.currentTarget.checked);
              reset();
            }}
            data-testid="queue-mine"
          />
        </Group>
      </Group>
      <ErrorAlert error={queue.error} />
      {queue.isLoading ? <PageLoader /> : null}
      {queue.isSuccess && items.length === 0 ? (
        <EmptyCard
          icon={<IconChecklist size={26} />}
          title={t('sales.queue.emptyTitle')}
          description={t('sales.queue.emptyText')}
        />
      ) : null}
      {items.length > 0 && !wide ? (
        <Stack gap="sm">
          {items.map((order) => (
            <QueueCard key={order.id} order={order}>
              {actionsOf(order, true)}
            </QueueCard>
          ))}
        </Stack>
      ) : null}
      {items.length > 0 && wide ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sales.queue.order')}</Table.Th>
                  <Table.Th>{t('sales.queue.customer')}</Table.Th>
                  <Table.Th>{t('sales.queue.partner')}</Table.Th>
                  <Table.Th ta="right" miw={160}>
                    {t('sales.queue.total')}
                  </Table.Th>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('sales.queue.waiting')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((order) => (
                  <QueueRow key={order.id} order={order}>
                    {actionsOf(order, false)}
                  </QueueRow>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      <CursorPager paging={paging} nextCursor={queue.data?.nextCursor} />
      {cancelling ? (
        <CancelModal
          order={cancelling}
          busy={act.isPending}
          onClose={() => setCancelling(null)}
          onSubmit={(reason) => act.mutate({ order: cancelling, type: 'cancelled', reason })}
        />
      ) : null}
    </>
  );
}

function Waiting({ minutes, overdue }: { minutes: number; overdue: boolean }) {
  const { t } = useTranslation();
  const parts = splitMinutes(minutes);
  const text =
    parts.days > 0
      ? t('sales.queue.waitDays', { days: parts.days, hours: parts.hours })
      : parts.hours > 0
        ? t('sales.queue.waitHours', { hours: parts.hours, minutes: parts.minutes })
        : t('sales.queue.waitMinutes', { minutes: parts.minutes });
  return (
    <Text
      size="sm"
      c={overdue ? 'red' : undefined}
      fw={overdue ? 600 : undefined}
      style={{ whiteSpace: 'nowrap' }}
    >
      {text}
    </Text>
  );
}

function OrderHeading({ order }: { order: QueueItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div>
      <Text fw={600}>{order.number}</Text>
      <Text size="xs" c="dimmed">
        {t(`sales.source.${order.source}`, { defaultValue: order.source })} · {format.date(order.placedAt)}
      </Text>
      <Group gap={4} mt={4}>
        {order.alerts.map((kind) => (
          <AlertBadge key={kind} kind={kind} />
        ))}
      </Group>
    </div>
  );
}

function CustomerDetails({ order }: { order: QueueItem }) {
  return (
    <div>
      <Text size="sm">{order.customer.name}</Text>
      <Text size="xs" c="dimmed">
        {order.customer.phone ?? ''}
      </Text>
      {order.shippingAddress ? (
        <Text size="xs" c="dimmed" lineClamp={2} maw={260}>
          {order.shippingAddress}
        </Text>
      ) : null}
      {order.note ? (
        <Text size="xs" fs="italic" lineClamp={2} maw={260}>
          {order.note}
        </Text>
      ) : null}
    </div>
  );
}

function PartnerDetails({ order }: { order: QueueItem }) {
  return order.partner ? (
    <div>
      <Text size="sm">{order.partner.name}</Text>
      <Text size="xs" c="dimmed">
        {order.partner.referralCode}
        {order.program ? ` · ${order.program.name}` : ''}
      </Text>
    </div>
  ) : (
    <Text size="sm" c="dimmed">
      —
    </Text>
  );
}

function TotalDetails({ order, align }: { order: QueueItem; align: 'flex-start' | 'flex-end' }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack align={align} gap={2} style={{ flexShrink: 0 }}>
      <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
        {format.money(order.totalMinor, order.currency)}
      </Text>
      <PaymentBadge status={order.paymentStatus} />
      {order.paymentMethod && order.paymentStatus !== 'cod_pending' ? (
        <Text size="xs" c="dimmed">
          {t(`sales.paymentMethod.${order.paymentMethod}`, { defaultValue: order.paymentMethod })}
        </Text>
      ) : null}
    </Stack>
  );
}

function QueueActions({
  order,
  busy,
  onAct,
  onCancel,
  fullWidth,
}: {
  order: QueueItem;
  busy: boolean;
  onAct: (type: 'confirmed' | 'completed') => void;
  onCancel: () => void;
  /** Large buttons sharing the card's width, for thumbs. */
  fullWidth?: boolean;
}) {
  const { t } = useTranslation();
  const size = fullWidth ? 'sm' : 'compact-sm';
  return (
    <Group gap={fullWidth ? 'sm' : 4} wrap="nowrap" grow={fullWidth}>
      {order.status === 'pending' ? (
        <Button size={size} loading={busy} onClick={() => onAct('confirmed')} data-testid="queue-confirm">
          {t('sales.queue.confirm')}
        </Button>
      ) : (
        <Button
          size={size}
          color="teal"
          loading={busy}
          onClick={() => onAct('completed')}
          data-testid="queue-fulfil"
        >
          {t('sales.queue.fulfil')}
        </Button>
      )}
      <Button
        size={size}
        color="red"
        variant={fullWidth ? 'light' : 'subtle'}
        onClick={onCancel}
        data-testid="queue-cancel"
      >
        {t('sales.queue.cancel')}
      </Button>
    </Group>
  );
}

function QueueRow({ order, children }: { order: QueueItem; children: ReactNode }) {
  return (
    <Table.Tr data-testid="queue-row" data-order-id={order.id}>
      <Table.Td>
        <OrderHeading order={order} />
      </Table.Td>
      <Table.Td>
        <CustomerDetails order={order} />
      </Table.Td>
      <Table.Td>
        <PartnerDetails order={order} />
      </Table.Td>
      <Table.Td ta="right">
        <TotalDetails order={order} align="flex-end" />
      </Table.Td>
      <Table.Td>
        <Waiting minutes={order.waitingMinutes} overdue={order.overdue} />
      </Table.Td>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/** One order of the queue on a phone: what the table's columns show, then the actions. */
function QueueCard({ order, children }: { order: QueueItem; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm" data-testid="queue-row" data-order-id={order.id}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <OrderHeading order={order} />
          <TotalDetails order={order} align="flex-end" />
        </Group>
        <CustomerDetails order={order} />
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <PartnerDetails order={order} />
          <Stack gap={0} align="flex-end">
            <Text size="xs" c="dimmed">
              {t('sales.queue.waiting')}
            </Text>
            <Waiting minutes={order.waitingMinutes} overdue={order.overdue} />
          </Stack>
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

function CancelModal({
  order,
  busy,
  onClose,
  onSubmit,
}: {
  order: QueueItem;
  busy: boolean;
  onClose: () => void;
  onSubmit: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (reason.trim()) onSubmit(reason.trim());
  };
  return (
    <Modal opened onClose={onClose} title={t('sales.queue.cancelTitle', { number: order.number })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('sales.queue.cancelText')}</Text>
          <Textarea
            label={t('sales.queue.reason')}
            required
            autosize
            minRows={2}
            data-autofocus
            value={reason}
            maxLength={500}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={attempted && !reason.trim() ? t('sales.queue.reasonRequired') : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('sales.queue.keepOrder')}
            </Button>
            <Button type="submit" color="red" loading={busy} data-testid="cancel-submit">
              {t('sales.queue.cancelSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Open alerts above the queue: a count and the latest few. */
function OpenAlerts() {
  const { t } = useTranslation();
  const format = useFormat();
  const alerts = useQuery({ queryKey: SALES_KEYS.alerts, queryFn: fetchOpenAlerts, refetchInterval: 60_000 });
  const [expanded, setExpanded] = useState(false);
  if (!alerts.data || alerts.data.openCount === 0) return null;
  const shown = expanded ? alerts.data.items : alerts.data.items.slice(0, 3);
  return (
    <Alert
      color="red"
      variant="light"
      mb="md"
      icon={<IconAlertTriangle size={18} />}
      title={t('sales.alerts.title', { count: alerts.data.openCount })}
      data-testid="open-alerts"
    >
      <Stack gap={4}>
        {shown.map((alert) => (
          <Group key={`${alert.order.id}-${alert.kind}`} gap="xs" wrap="wrap" style={{ rowGap: 0 }}>
            <AlertBadge kind={alert.kind} />
            <Text size="sm" lineClamp={2}>
              {alert.order.number} · {alert.order.customerName}
              {alert.partner ? ` · ${alert.partner.name}` : ''} ·{' '}
              {format.money(alert.order.totalMinor, alert.order.currency)}
            </Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {format.date(alert.raisedAt)}
            </Text>
          </Group>
        ))}
        {alerts.data.items.length > 3 ? (
          <Button
            variant="subtle"
            size="compact-sm"
            w="fit-content"
            onClick={() => setExpanded((value) => !value)}
          >
            {expanded ? t('sales.alerts.showLess') : t('sales.alerts.showAll')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}
