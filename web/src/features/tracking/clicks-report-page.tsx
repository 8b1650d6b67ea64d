import {
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconClick } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { EmptyCard, PageHeader, PageLoader } from '../../ui/page';
import { ClickBars } from './click-bars';
import { ProgramFilter } from './program-filter';
import type { ClicksReport } from './types';

type GroupBy = ClicksReport['groupBy'];

/** Clicks by day, partner or link over a date range: totals, a bar per row and a table. */
export function ClicksReportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [groupBy, setGroupBy] = useState<GroupBy>('day');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [programId, setProgramId] = useState<string | null>(null);
  const report = useQuery({
    queryKey: ['clicks-report', groupBy, from, to, programId],
    queryFn: () => api.get<ClicksReport>('/api/v1/reports/clicks', { groupBy, from, to, programId }),
    placeholderData: keepPreviousData,
  });
  const data = report.data;
  const rows = data ? (groupBy === 'day' ? [...data.rows].reverse() : data.rows) : [];
  return (
    <>
      <PageHeader title={t('tracking.report.title')} description={t('tracking.report.text')} />
      <Group mb="md" gap="sm" align="flex-end">
        <SegmentedControl
          aria-label={t('tracking.report.groupBy')}
          value={groupBy}
          onChange={(value) => setGroupBy(value as GroupBy)}
          data={(['day', 'partner', 'link'] as const).map((value) => ({
            value,
            label: t(`tracking.report.by.${value}`),
          }))}
        />
        <TextInput
          type="date"
          label={t('tracking.report.from')}
          value={from || data?.from || ''}
          onChange={(event) => setFrom(event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('tracking.report.to')}
          value={to || data?.to || ''}
          onChange={(event) => setTo(event.currentTarget.value)}
        />
        <ProgramFilter value={programId} onChange={setProgramId} />
      </Group>
      <ErrorAlert error={report.error} />
      {report.isLoading ? <PageLoader /> : null}
      {data ? (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            {(['total', 'unique', 'bots', 'impressions'] as const).map((key) => (
              <Paper key={key} withBorder radius="md" p="md">
                <Text size="xs" c="dimmed" tt="uppercase">
                  {t(`tracking.report.${key}`)}
                </Text>
                <Text size="xl" fw={700} data-testid={`clicks-${key}`}>
                  {format.number(data.totals[key])}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          {data.totals.total === 0 && data.totals.impressions === 0 ? (
            <EmptyCard
              icon={<IconClick size={26} />}
              title={t('tracking.report.empty')}
              description={t('tracking.report.emptyText')}
            />
          ) : (
            <>
              <Paper withBorder radius="md" p="md">
                <Title order={2} size="h5" mb="sm">
                  {t(`tracking.report.by.${groupBy}`)}
                </Title>
                <Text size="xs" c="dimmed" mb="sm">
                  {t('tracking.report.legend')}
                </Text>
                <ClickBars
                  rows={rows.slice(0, 40)}
                  labelOf={(row) => rows.find((r) => r.key === row.key)?.label ?? row.key}
                />
              </Paper>
              <Paper withBorder radius="md">
                <Table.ScrollContainer minWidth={560}>
                  <Table verticalSpacing="xs">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t(`tracking.report.by.${groupBy}`)}</Table.Th>
                        <Table.Th ta="right">{t('tracking.report.total')}</Table.Th>
                        <Table.Th ta="right">{t('tracking.report.unique')}</Table.Th>
                        <Table.Th ta="right">{t('tracking.report.bots')}</Table.Th>
                        <Table.Th ta="right">{t('tracking.report.impressions')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {rows
                        .filter((row) => groupBy !== 'day' || row.total > 0 || row.impressions > 0)
                        .map((row) => (
                          <Table.Tr key={row.key}>
                            <Table.Td>
                              {groupBy === 'day' ? format.day(`${row.key}T12:00:00Z`) : row.label}
                            </Table.Td>
                            <Table.Td ta="right">{format.number(row.total)}</Table.Td>
                            <Table.Td ta="right">{format.number(row.unique)}</Table.Td>
                            <Table.Td ta="right">{format.number(row.bots)}</Table.Td>
                            <Table.Td ta="right">{format.number(row.impressions)}</Table.Td>
                          </Table.Tr>
                        ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
              <Text size="sm" c="dimmed">
                {t('tracking.report.devices')}:{' '}
                {data.devices
                  .map(
                    (device) =>
                      `${t(`tracking.devices.${device.deviceType}`)} ${format.number(device.total)}`,
                  )
                  .join(' · ')}
              </Text>
            </>
          )}
        </Stack>
      ) : null}
    </>
  );
}
