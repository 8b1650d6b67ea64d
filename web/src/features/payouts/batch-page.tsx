import { Alert, Anchor, Button, Card, List, Menu, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileImport } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useConfirm } from '../../ui/confirm';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader, PageLoader } from '../../ui/page';
import { useCan } from '../auth/session';
import { PAYOUT_KEYS, type Payout, type PayoutBatchDetail, type SettleResult } from './api';
import { BatchPayoutsTable } from './batch-payouts-table';
import { QrModal } from './qr-modal';
import { ReasonModal } from './reason-modal';
import { skippedOf } from './skipped';
import { StatementImportModal } from './statement-import-modal';
import { BatchStatusBadge } from './status-badges';

/** One payout batch: totals, approval, the bank file, a QR per payout, and settling each payout. */
export function PayoutBatchPage() {
  const { batchId } = useParams({ strict: false }) as { batchId: string };
  const { t } = useTranslation();
  const batch = useQuery({
    queryKey: PAYOUT_KEYS.batch(batchId),
    queryFn: () => api.get<PayoutBatchDetail>(`/api/v1/payout-batches/${batchId}`),
  });
  return (
    <>
      <Anchor component={Link} to="/payout-batches" size="sm">
        ← {t('payouts.batches.title')}
      </Anchor>
      <ErrorAlert error={batch.error} />
      {batch.isPending ? <PageLoader /> : null}
      {batch.data ? <Batch batch={batch.data} /> : null}
    </>
  );
}

function Batch({ batch }: { batch: PayoutBatchDetail }) {
  const { t } = useTranslation();
  const { money, date } = useFormat();
  const can = useCan();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const [qrFor, setQrFor] = useState<Payout | null>(null);
  const [failing, setFailing] = useState<Payout | null>(null);
  const [importing, setImporting] = useState(false);
  const skipped = skippedOf(batch.id);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: PAYOUT_KEYS.batches }),
      queryClient.invalidateQueries({ queryKey: ['withdrawal-requests'] }),
    ]);
  const totals = (key: 'payouts.batches.approveText' | 'payouts.batches.cancelText') =>
    t(key, {
      count: batch.totals.count,
      gross: money(batch.totals.grossMinor, batch.currency),
      tax: money(batch.totals.taxMinor, batch.currency),
      net: money(batch.totals.netMinor, batch.currency),
    });
  const approve = useMutation({
    mutationFn: () => api.post(`/api/v1/payout-batches/${batch.id}/approve`),
    onSuccess: () => {
      notifySuccess(t('payouts.batches.approved'));
      return refresh();
    },
    onError: notifyError,
  });
  const cancel = useMutation({
    mutationFn: () => api.post(`/api/v1/payout-batches/${batch.id}/cancel`),
    onSuccess: () => {
      notifySuccess(t('payouts.batches.cancelled'));
      return refresh();
    },
    onError: notifyError,
  });
  const markPaid = useMutation({
    mutationFn: (payoutIds: string[]) => api.post<SettleResult>('/api/v1/payouts/mark-paid', { payoutIds }),
    onSuccess: (result) => {
      notifySuccess(t('payouts.settle.paid', { count: result.settled.length }));
      return refresh();
    },
    onError: notifyError,
  });
  const fail = useMutation({
    mutationFn: ({ payout, reason }: { payout: Payout; reason: string }) =>
      api.post<SettleResult>(`/api/v1/payouts/${payout.id}/fail`, { reason }),
    onSuccess: () => {
      setFailing(null);
      notifySuccess(t('payouts.settle.failed'));
      return refresh();
    },
  });
  const askApprove = async () => {
    const sure = await confirm({
      title: t('payouts.batches.approveTitle', { number: batch.number }),
      message: totals('payouts.batches.approveText'),
      confirmLabel: t('payouts.batches.approve'),
      danger: false,
    });
    if (sure) approve.mutate();
  };
  const askCancel = async () => {
    const sure = await confirm({
      title: t('payouts.batches.cancelTitle', { number: batch.number }),
      message: totals('payouts.batches.cancelText'),
      confirmLabel: t('payouts.batches.cancel'),
    });
    if (sure) cancel.mutate();
  };
  const bankFile = (format: 'csv' | 'xlsx') =>
    `/api/v1/payout-batches/${batch.id}/bank-file?format=${format}`;
  const draft = batch.status === 'draft';
  const open = batch.status === 'approved';

  return (
    <Stack gap="md" mt="xs">
      <PageHeader
        title={t('payouts.batches.number', { number: batch.number })}
        description={t('payouts.batches.createdAt', { date: date(batch.createdAt) })}
        actions={
          <>
            <BatchStatusBadge status={batch.status} />
            {draft && can('payouts.manage') ? (
              <Button
                variant="default"
                color="red"
                onClick={askCancel}
                loading={cancel.isPending}
                data-testid="batch-cancel"
              >
                {t('payouts.batches.cancel')}
              </Button>
            ) : null}
            {draft && can('payouts.approve') ? (
              <Button onClick={askApprove} loading={approve.isPending} data-testid="batch-approve">
                {t('payouts.batches.approve')}
              </Button>
            ) : null}
            {can('payouts.manage') && batch.status !== 'cancelled' ? (
              <Menu position="bottom-end">
                <Menu.Target>
                  <Button
                    variant="default"
                    leftSection={<IconDownload size={16} aria-hidden />}
                    rightSection={<IconChevronDown size={14} aria-hidden />}
                    data-testid="bank-file"
                  >
                    {t('payouts.batches.bankFile')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item component="a" href={bankFile('xlsx')} download>
                    XLSX
                  </Menu.Item>
                  <Menu.Item component="a" href={bankFile('csv')} download>
                    CSV
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            ) : null}
            {open && can('payouts.approve') ? (
              <Button
                variant="default"
                leftSection={<IconFileImport size={16} aria-hidden />}
                onClick={() => setImporting(true)}
              >
                {t('payouts.import.title')}
              </Button>
            ) : null}
          </>
        }
      />
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" data-testid="batch-totals">
        {(
          [
            ['count', String(batch.totals.count)],
            ['gross', money(batch.totals.grossMinor, batch.currency)],
            ['tax', money(batch.totals.taxMinor, batch.currency)],
            ['net', money(batch.totals.netMinor, batch.currency)],
          ] as const
        ).map(([key, value]) => (
          <Card key={key} withBorder radius="md" padding="sm">
            <Text size="xs" c="dimmed">
              {t(`payouts.fields.${key}`)}
            </Text>
            <Text fw={700} size="lg" data-testid={`batch-total-${key}`}>
              {value}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {skipped.length > 0 ? (
        <Alert
          color="yellow"
          variant="light"
          title={t('payouts.batches.skippedTitle', { count: skipped.length })}
        >
          <List size="sm">
            {skipped.map((row) => (
              <List.Item key={`${row.enrollmentId}-${row.reason}`}>
                <Text span size="sm" ff="monospace">
                  {row.enrollmentId}
                </Text>
                {' — '}
                {t(`payouts.skipReason.${row.reason}`, { defaultValue: row.reason })}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <BatchPayoutsTable
        batch={batch}
        onQr={setQrFor}
        onFail={setFailing}
        onMarkPaid={(ids) => markPaid.mutate(ids)}
        marking={markPaid.isPending}
      />
      <QrModal payout={qrFor} onClose={() => setQrFor(null)} />
      <ReasonModal
        opened={failing !== null}
        title={t('payouts.settle.failTitle')}
        text={
          failing
            ? t('payouts.settle.failText', {
                name: failing.payeeName,
                amount: money(failing.netMinor, failing.currency),
              })
            : ''
        }
        confirmLabel={t('payouts.settle.fail')}
        onClose={() => setFailing(null)}
        onConfirm={(reason) => failing && fail.mutate({ payout: failing, reason })}
        pending={fail.isPending}
        error={fail.error}
      />
      <StatementImportModal opened={importing} onClose={() => setImporting(false)} />
    </Stack>
  );
}
