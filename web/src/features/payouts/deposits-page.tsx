import { Badge, Button, Group, Paper, Select, Table, Text } from '@mantine/core';
import { IconPigMoney, IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { EmptyCard, PageHeader, PageLoader } from '../../ui/page';
import { useCan } from '../auth/session';
import { type Deposit, fetchDeposits, PAYOUT_KEYS } from './api';
import { type DepositProgram, type PickedEnrollment, RecordDepositModal } from './record-deposit-modal';

/**
 * Partners' deposits (ký quỹ), lowest first: who is below the program's alert threshold, whose
 * orders are refused when it runs short; recording a deposit received or refunded.
 */
export function DepositsPage() {
  const { t } = useTranslation();
  const { money } = useFormat();
  const can = useCan();
  const [programId, setProgramId] = useState<string | null>(null);
  const [recording, setRecording] = useState<{ picked: PickedEnrollment | null } | null>(null);
  const programs = useQuery({
    queryKey: ['programs', 'all-for-payouts'],
    queryFn: () => api.get<Page<DepositProgram>>('/api/v1/programs', { limit: 100 }),
  });
  const list = useQuery({
    queryKey: PAYOUT_KEYS.deposits(programId),
    queryFn: () => fetchDeposits(programId),
    placeholderData: keepPreviousData,
  });
  const programList = programs.data?.items ?? [];
  const programName = (id: string) => programList.find((program) => program.id === id)?.name ?? id;
  const items = list.data?.items ?? [];
  const pickRow = (row: Deposit): PickedEnrollment => ({
    enrollmentId: row.enrollmentId,
    fullName: row.partner.fullName,
    referralCode: row.partner.referralCode,
    program: { id: row.programId, name: programName(row.programId) },
  });
  return (
    <>
      <PageHeader
        title={t('payouts.deposits.title')}
        description={t('payouts.deposits.text')}
        actions={
          can('payouts.manage') ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setRecording({ picked: null })}
              data-testid="record-deposit"
            >
              {t('payouts.deposits.record')}
            </Button>
          ) : null
        }
      />
      <Group mb="md">
        <Select
          label={t('payouts.fields.program')}
          placeholder={t('payouts.batches.allPrograms')}
          data={programList.map((program) => ({ value: program.id, label: program.name }))}
          value={programId}
          onChange={setProgramId}
          clearable
          searchable
          w={280}
          data-testid="deposits-program"
        />
      </Group>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <EmptyCard
          icon={<IconPigMoney size={26} />}
          title={t('payouts.deposits.empty')}
          description={t('payouts.deposits.emptyText')}
        />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('payouts.fields.partner')}</Table.Th>
                  <Table.Th>{t('payouts.fields.program')}</Table.Th>
                  <Table.Th ta="right">{t('payouts.deposits.balance')}</Table.Th>
                  <Table.Th ta="right">{t('payouts.deposits.alert')}</Table.Th>
                  <Table.Th>{t('payouts.deposits.orders')}</Table.Th>
                  {can('payouts.manage') ? <Table.Th>{t('payouts.fields.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((row) => (
                  <Table.Tr
                    key={`${row.enrollmentId}-${row.currency}`}
                    data-testid="deposit-row"
                    data-enrollment-id={row.enrollmentId}
                    data-below-alert={row.belowAlert}
                  >
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {row.partner.fullName}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {row.partner.referralCode}
                      </Text>
                    </Table.Td>
                    <Table.Td>{programName(row.programId)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      <Text
                        size="sm"
                        fw={600}
                        c={row.balanceMinor.startsWith('-') ? 'red.7' : undefined}
                        data-testid="deposit-balance"
                      >
                        {money(row.balanceMinor, row.currency)}
                      </Text>
                      {row.belowAlert ? (
                        <Badge color="red" variant="filled" size="sm" data-testid="deposit-below-alert">
                          {t('payouts.deposits.belowAlert')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {row.alertMinor === null ? (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      ) : (
                        money(row.alertMinor, row.currency)
                      )}
                    </Table.Td>
                    <Table.Td>
                      {row.blocksOrders ? (
                        <Badge color="orange" variant="light" size="sm" data-testid="deposit-blocks">
                          {t('payouts.deposits.blocks')}
                        </Badge>
                      ) : (
                        <Text size="xs" c="dimmed">
                          {t('payouts.deposits.notBlocking')}
                        </Text>
                      )}
                    </Table.Td>
                    {can('payouts.manage') ? (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="subtle"
                          onClick={() => setRecording({ picked: pickRow(row) })}
                        >
                          {t('payouts.deposits.recordShort')}
                        </Button>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <RecordDepositModal
        opened={recording !== null}
        initial={recording?.picked ?? null}
        programs={programList}
        programId={programId}
        deposits={items}
        onClose={() => setRecording(null)}
      />
    </>
  );
}
