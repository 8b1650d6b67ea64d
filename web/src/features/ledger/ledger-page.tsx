import { Anchor, Badge, Code, Group, MultiSelect, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconBook2 } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { startOfZonedDay } from '../../lib/format';
import type { Page } from '../../lib/types';
import { CursorPager, useCursorPaging } from '../../ui/cursor-pager';
import { ErrorAlert } from '../../ui/error-alert';
import { ExportButtons } from '../../ui/export-buttons';
import { useFormat } from '../../ui/format';
import { EmptyCard, PageHeader, PageLoader } from '../../ui/page';
import { EnrollmentPicker, type PickedEnrollment } from '../partners/enrollment-picker';
import { PartnerBalanceCard } from './partner-balance-card';
import { BUCKET_COLORS, LEDGER_BUCKETS, LEDGER_KEY, LEDGER_KINDS, type LedgerEntry } from './types';

/** Staff view of the append-only ledger: every movement, filtered, with the chosen partner's balances. */
export function LedgerPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const paging = useCursorPaging();
  const [picked, setPicked] = useState<PickedEnrollment | null>(null);
  const [buckets, setBuckets] = useState<string[]>([]);
  const [kinds, setKinds] = useState<string[]>([]);
  const [range, setRange] = useState<[string | null, string | null]>([null, null]);
  const refilter =
    <T,>(setter: (value: T) => void) =>
    (value: T) => {
      setter(value);
      paging.reset();
    };
  const filter = {
    enrollmentId: picked?.enrollmentId,
    bucket: buckets.length ? buckets.join(',') : undefined,
    kind: kinds.length ? kinds.join(',') : undefined,
    from: range[0] ? startOfZonedDay(range[0], format.timeZone).toISOString() : undefined,
    to: range[1] ? startOfZonedDay(range[1], format.timeZone, true).toISOString() : undefined,
  };
  const list = useQuery({
    queryKey: [LEDGER_KEY, filter, paging.cursor],
    queryFn: () =>
      api.get<Page<LedgerEntry>>('/api/v1/ledger', { ...filter, limit: 50, cursor: paging.cursor }),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('commissionReports.ledger.title')}
        description={t('commissionReports.ledger.text')}
        actions={<ExportButtons path="/api/v1/ledger" query={filter} />}
      />
      <Group mb="md" gap="sm" align="flex-end">
        <EnrollmentPicker
          label={t('commissionReports.ledger.partner')}
          placeholder={t('commissionReports.ledger.allPartners')}
          picked={picked}
          onPick={refilter(setPicked)}
          w={320}
        />
        <MultiSelect
          label={t('commissionReports.ledger.bucket')}
          placeholder={buckets.length ? undefined : t('commissionReports.ledger.allBuckets')}
          data={LEDGER_BUCKETS.map((value) => ({ value, label: t(`commissionReports.bucket.${value}`) }))}
          value={buckets}
          onChange={refilter(setBuckets)}
          clearable
          w={220}
        />
        <MultiSelect
          label={t('commissionReports.ledger.kind')}
          placeholder={kinds.length ? undefined : t('commissionReports.ledger.allKinds')}
          data={LEDGER_KINDS.map((value) => ({ value, label: t(`commissionReports.entryKind.${value}`) }))}
          value={kinds}
          onChange={refilter(setKinds)}
          clearable
          w={240}
        />
        <TextInput
          type="date"
          label={t('commissionReports.ledger.from')}
          value={range[0] ?? ''}
          onChange={(event) => refilter(setRange)([event.currentTarget.value || null, range[1]])}
          w={160}
        />
        <TextInput
          type="date"
          label={t('commissionReports.ledger.to')}
          value={range[1] ?? ''}
          onChange={(event) => refilter(setRange)([range[0], event.currentTarget.value || null])}
          w={160}
        />
      </Group>
      <Stack gap="md">
        {picked?.partnerId ? (
          <>
            <Anchor component={Link} to={`/partners/${picked.partnerId}`} size="sm">
              {t('commissionReports.ledger.openPartner', { name: picked.fullName })}
            </Anchor>
            <PartnerBalanceCard partnerId={picked.partnerId} />
          </>
        ) : null}
        {list.isError ? <ErrorAlert error={list.error} /> : null}
        {list.isPending ? (
          <PageLoader />
        ) : items.length === 0 ? (
          <EmptyCard icon={<IconBook2 size={26} />} title={t('commissionReports.ledger.empty')} />
        ) : (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={820}>
              <Table striped verticalSpacing="xs" fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('commissionReports.ledger.at')}</Table.Th>
                    <Table.Th>{t('commissionReports.ledger.enrollment')}</Table.Th>
                    <Table.Th>{t('commissionReports.ledger.bucket')}</Table.Th>
                    <Table.Th>{t('commissionReports.ledger.kind')}</Table.Th>
                    <Table.Th ta="right">{t('commissionReports.ledger.amount')}</Table.Th>
                    <Table.Th>{t('commissionReports.ledger.source')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((entry) => (
                    <Table.Tr key={entry.id} data-testid="ledger-entry">
                      <Table.Td>{format.date(entry.createdAt)}</Table.Td>
                      <Table.Td>
                        {entry.partnerName ? (
                          <>
                            <Text size="sm">{entry.partnerName}</Text>
                            <Text size="xs" c="dimmed">
                              {entry.referralCode}
                            </Text>
                          </>
                        ) : (
                          <Code>{entry.enrollmentId}</Code>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={BUCKET_COLORS[entry.bucket]}>
                          {t(`commissionReports.bucket.${entry.bucket}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{t(`commissionReports.entryKind.${entry.kind}`)}</Table.Td>
                      <Table.Td ta="right" c={entry.amountMinor.startsWith('-') ? 'red' : undefined}>
                        {format.money(entry.amountMinor, entry.currency)}
                      </Table.Td>
                      <Table.Td>
                        {entry.orderId ? (
                          <Anchor component={Link} to={`/orders/${entry.orderId}`} size="sm">
                            {entry.orderNumber ?? t('commissionReports.ledger.order')}
                          </Anchor>
                        ) : null}
                        {entry.payoutId ? <Text size="xs">{entry.payoutId}</Text> : null}
                        {entry.memo ? (
                          <Text size="xs" c="dimmed">
                            {entry.memo}
                          </Text>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
        <CursorPager paging={paging} nextCursor={list.data?.nextCursor} />
      </Stack>
    </>
  );
}
