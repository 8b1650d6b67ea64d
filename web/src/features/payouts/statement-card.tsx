import { Button, Card, Group, Select, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../../lib/api';
import { formatMonth } from '../../lib/format';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { PageLoader } from '../../ui/page';
import { lastMonths } from './amount';
import { fetchMyStatement, PAYOUT_KEYS, type Statement } from './api';

/** The monthly statement: a month of the last twelve, its lines as a table, and the PDF to keep. */
export function StatementCard({ enrollmentId }: { enrollmentId: string }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useFormat();
  const months = useMemo(() => lastMonths(new Date(), timeZone), [timeZone]);
  const [month, setMonth] = useState(months[0]!);
  const statement = useQuery({
    queryKey: PAYOUT_KEYS.statement(enrollmentId, month),
    queryFn: () => fetchMyStatement(enrollmentId, month),
  });
  const pdf = withQuery('/api/me/statements', { enrollmentId, month, format: 'pdf', locale: i18n.language });
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="statement-heading">
      <Title order={2} size="h4" id="statement-heading" mb="xs">
        {t('payouts.statement.title')}
      </Title>
      <Group gap="xs" align="flex-end">
        <Select
          label={t('payouts.statement.month')}
          data={months.map((value) => ({ value, label: formatMonth(value, i18n.language) }))}
          value={month}
          onChange={(value) => value && setMonth(value)}
          allowDeselect={false}
          style={{ flex: '1 1 200px' }}
          data-testid="statement-month"
        />
        <Button
          component="a"
          href={pdf}
          download
          variant="light"
          leftSection={<IconDownload size={16} aria-hidden />}
          style={{ flex: '1 0 auto' }}
          data-testid="statement-pdf"
        >
          {t('payouts.statement.pdf')}
        </Button>
      </Group>
      <ErrorAlert error={statement.error} />
      {statement.isLoading ? <PageLoader /> : null}
      {statement.data ? <StatementTable statement={statement.data} /> : null}
    </Card>
  );
}

function StatementTable({ statement }: { statement: Statement }) {
  const { t } = useTranslation();
  const { money, day } = useFormat();
  const { totals, currency } = statement;
  const rows: { key: string; amount: string; strong?: boolean; sub?: boolean }[] = [
    { key: 'opening', amount: statement.openingMinor, strong: true },
    { key: 'earnings', amount: totals.earnings },
    { key: 'reversals', amount: totals.reversals },
    { key: 'adjustments', amount: totals.adjustments },
    { key: 'payouts', amount: totals.payouts },
    { key: 'taxWithheld', amount: totals.taxWithheld, sub: true },
    { key: 'netPaid', amount: totals.netPaid, sub: true },
    { key: 'storeCredit', amount: totals.storeCredit },
    { key: 'closing', amount: statement.closingMinor, strong: true },
  ];
  return (
    <>
      <Table mt="sm" verticalSpacing={6} data-testid="statement-table">
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key} data-row={row.key}>
              <Table.Td pl={row.sub ? 'lg' : undefined}>
                <Text size="sm" fw={row.strong ? 700 : undefined} c={row.sub ? 'dimmed' : undefined}>
                  {t(`payouts.statement.rows.${row.key}`)}
                </Text>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                <Text
                  size="sm"
                  fw={row.strong ? 700 : undefined}
                  c={row.amount.startsWith('-') ? 'red.7' : row.sub ? 'dimmed' : undefined}
                >
                  {money(row.amount, currency)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {statement.entries.length > 0 ? (
        <>
          <Text size="sm" fw={600} mt="md">
            {t('payouts.statement.entries')}
          </Text>
          <Table verticalSpacing={4}>
            <Table.Tbody>
              {statement.entries.map((entry) => (
                <Table.Tr key={`${entry.at}-${entry.kind}-${entry.amountMinor}-${entry.memo}`}>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {day(entry.at)} · {t(`payouts.statement.kind.${entry.kind}`)}
                    </Text>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {entry.memo}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" c={entry.amountMinor.startsWith('-') ? 'red.7' : undefined}>
                      {money(entry.amountMinor, currency)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : (
        <Text size="sm" c="dimmed" mt="xs">
          {t('payouts.statement.noEntries')}
        </Text>
      )}
    </>
  );
}
