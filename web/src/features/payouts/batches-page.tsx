import { Anchor, Button, Paper, Table, Text } from '@mantine/core';
import { IconPlus, IconWallet } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { EmptyCard, PageHeader, PageLoader } from '../../ui/page';
import { useCan } from '../auth/session';
import { PAYOUT_KEYS, type PayoutBatch } from './api';
import { type BuiltBatch, NewBatchModal } from './new-batch-modal';
import { rememberSkipped } from './skipped';
import { BatchStatusBadge } from './status-badges';

/** Staff list of payout batches, newest first, with their totals; building a new one. */
export function PayoutBatchesPage() {
  const { t } = useTranslation();
  const { money, date } = useFormat();
  const can = useCan();
  const navigate = useNavigate();
  const [building, setBuilding] = useState(false);
  const batches = useQuery({
    queryKey: PAYOUT_KEYS.batches,
    queryFn: () => api.get<{ items: PayoutBatch[] }>('/api/v1/payout-batches'),
  });
  const items = batches.data?.items ?? [];
  const built = (result: BuiltBatch) => {
    rememberSkipped(result.batch.id, result.skipped);
    setBuilding(false);
    void navigate({ to: `/payout-batches/${result.batch.id}` });
  };
  return (
    <>
      <PageHeader
        title={t('payouts.batches.title')}
        description={t('payouts.batches.text')}
        actions={
          can('payouts.manage') ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setBuilding(true)}
              data-testid="new-batch"
            >
              {t('payouts.batches.new')}
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={batches.error} />
      {batches.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <EmptyCard
          icon={<IconWallet size={26} />}
          title={t('payouts.batches.empty')}
          description={t('payouts.batches.emptyText')}
        />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={820}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('payouts.fields.batch')}</Table.Th>
                  <Table.Th>{t('payouts.fields.status')}</Table.Th>
                  <Table.Th ta="right">{t('payouts.fields.count')}</Table.Th>
                  <Table.Th ta="right">{t('payouts.fields.gross')}</Table.Th>
                  <Table.Th ta="right">{t('payouts.fields.tax')}</Table.Th>
                  <Table.Th ta="right">{t('payouts.fields.net')}</Table.Th>
                  <Table.Th>{t('payouts.fields.created')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((batch) => (
                  <Table.Tr key={batch.id} data-testid="batch-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/payout-batches/${batch.id}`} fw={500}>
                        {t('payouts.batches.number', { number: batch.number })}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <BatchStatusBadge status={batch.status} />
                    </Table.Td>
                    <Table.Td ta="right">{batch.totals.count}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {money(batch.totals.grossMinor, batch.currency)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {money(batch.totals.taxMinor, batch.currency)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      <Text fw={600} size="sm">
                        {money(batch.totals.netMinor, batch.currency)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{date(batch.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <NewBatchModal opened={building} onClose={() => setBuilding(false)} onBuilt={built} />
    </>
  );
}
