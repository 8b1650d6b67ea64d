import { Badge, Group, Paper, Progress, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { formatMonth } from '../../lib/format';
import type { Page } from '../../lib/types';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { EmptyCard, PageHeader, PageLoader } from '../../ui/page';
import type { Program } from '../programs/types';
import {
  GUARD_KEY,
  type GuardLimits,
  type GuardProgramReport,
  type GuardReport,
  VIETNAM_PAYOUT_CAP_PPM,
} from './guard-types';
import { GuardWarnings } from './guard-warnings';
import { PercentInput } from './inputs';
import { formatPercent, formatShare } from './rates';

const MONTH_CHOICES = ['3', '6', '12', '24', '36'];

/**
 * The multi-level guard: per program, payouts and overrides as shares of revenue and the share of
 * revenue from customers who are not partners, over the last months, with the warnings in words.
 */
export function GuardReportPage() {
  const { t, i18n } = useTranslation();
  const [programId, setProgramId] = useState<string | null>(null);
  const [months, setMonths] = useState('12');
  // what-if limits typed here apply to every program; empty: each program's plan, else the defaults
  const [limits, setLimits] = useState<Partial<GuardLimits>>({});
  const programs = useQuery({
    queryKey: ['programs', 'all-for-commissions'],
    queryFn: () => api.get<Page<Program>>('/api/v1/programs', { limit: 100 }),
  });
  const report = useQuery({
    queryKey: [GUARD_KEY, programId, months, limits],
    queryFn: () =>
      api.get<GuardReport>('/api/v1/commissions/guard-report', {
        programId: programId ?? undefined,
        months,
        ...limits,
      }),
    placeholderData: keepPreviousData,
  });
  const setLimit = (key: keyof GuardLimits) => (ppm: string) =>
    setLimits((current) => ({ ...current, [key]: ppm === '' ? undefined : ppm }));
  const fromPlans = t('commissionReports.guard.fromPlans');
  const items = report.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('commissionReports.guard.title')}
        description={t('commissionReports.guard.text', {
          cap: formatPercent(VIETNAM_PAYOUT_CAP_PPM, i18n.language),
        })}
      />
      <Paper withBorder radius="md" p="md" mb="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
          <Select
            label={t('commissionReports.guard.program')}
            placeholder={t('commissionReports.guard.allPrograms')}
            data={(programs.data?.items ?? []).map((program) => ({ value: program.id, label: program.name }))}
            value={programId}
            onChange={setProgramId}
            clearable
            searchable
          />
          <Select
            label={t('commissionReports.guard.months')}
            allowDeselect={false}
            data={MONTH_CHOICES.map((value) => ({
              value,
              label: t('commissionReports.guard.monthsN', { n: value }),
            }))}
            value={months}
            onChange={(value) => setMonths(value ?? '12')}
          />
          <PercentInput
            label={t('commissionReports.guard.payoutLimit')}
            description={t('commissionReports.guard.payoutLimitHint')}
            ppm={limits.payoutLimitPpm ?? null}
            placeholder={fromPlans}
            onPpm={setLimit('payoutLimitPpm')}
          />
          <PercentInput
            label={t('commissionReports.guard.overrideLimit')}
            description={t('commissionReports.guard.overrideLimitHint')}
            ppm={limits.overrideLimitPpm ?? null}
            placeholder={fromPlans}
            onPpm={setLimit('overrideLimitPpm')}
          />
          <PercentInput
            label={t('commissionReports.guard.nonPartnerLimit')}
            description={t('commissionReports.guard.nonPartnerLimitHint')}
            ppm={limits.nonPartnerMinPpm ?? null}
            placeholder={fromPlans}
            onPpm={setLimit('nonPartnerMinPpm')}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="sm">
          {t('commissionReports.guard.definitions')}
        </Text>
      </Paper>
      {report.isError ? <ErrorAlert error={report.error} /> : null}
      {report.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <EmptyCard icon={<IconShieldCheck size={26} />} title={t('commissionReports.guard.noPrograms')} />
      ) : (
        <Stack gap="lg">
          {items.map((item) => (
            <ProgramGuard key={item.programId} item={item} />
          ))}
        </Stack>
      )}
    </>
  );
}

function ShareBar({
  label,
  sharePpm,
  limitPpm,
  minimum,
  amount,
}: {
  label: string;
  sharePpm: string | null;
  limitPpm: string;
  /** The limit is a floor (warn below it), not a ceiling. */
  minimum?: boolean;
  amount: string;
}) {
  const { t, i18n } = useTranslation();
  const share = sharePpm === null ? null : BigInt(sharePpm);
  const limit = BigInt(limitPpm);
  const bad = share !== null && (minimum ? share < limit : share >= limit);
  // the bar's width only; the share is shown to the hundredth of a percent
  const width =
    share === null ? 0 : Number(share < 0n ? 0n : share > 1_000_000n ? 1_000_000n : share) / 10_000;
  return (
    <div>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="lg" fw={700} c={bad ? 'red' : undefined}>
          {share === null ? '—' : formatShare(share, i18n.language)}
        </Text>
      </Group>
      <Progress
        value={width}
        color={bad ? 'red' : minimum ? 'teal' : 'blue'}
        size="lg"
        radius="sm"
        aria-label={label}
      />
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          {amount}
        </Text>
        <Text size="xs" c="dimmed">
          {t(minimum ? 'commissionReports.guard.floor' : 'commissionReports.guard.ceiling', {
            limit: formatPercent(limit, i18n.language),
          })}
        </Text>
      </Group>
    </div>
  );
}

function ProgramGuard({ item }: { item: GuardProgramReport }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const money = (minor: string) => format.money(minor, item.currency);
  const percent = (ppm: string | null) => (ppm === null ? '—' : formatShare(ppm, i18n.language));
  const { totals, limits } = item;
  return (
    <Paper withBorder radius="md" p="md" component="section" data-testid="guard-program">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {item.programName}
        </Title>
        <Group gap="xs">
          <Badge variant="light" color={item.overrideDepth > 1 ? 'orange' : 'gray'}>
            {t('commissionReports.guard.depth', { depth: item.overrideDepth })}
          </Badge>
          {item.planVersionId ? null : (
            <Badge variant="light" color="gray">
              {t('commissionReports.guard.noPlan')}
            </Badge>
          )}
          <Badge variant="light" color={item.limitsFrom === 'request' ? 'blue' : 'gray'}>
            {t(`commissionReports.guard.limitsFrom.${item.limitsFrom}`)}
          </Badge>
        </Group>
      </Group>
      <Stack gap="md">
        <GuardWarnings warnings={item.warnings} />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <div>
            <Text size="sm" c="dimmed">
              {t('commissionReports.guard.revenue')}
            </Text>
            <Text size="xl" fw={700}>
              {money(totals.revenueMinor)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('commissionReports.guard.ordersN', { n: totals.orders })}
            </Text>
          </div>
          <ShareBar
            label={t('commissionReports.guard.commissionShare')}
            sharePpm={totals.commissionSharePpm}
            limitPpm={limits.payoutLimitPpm}
            amount={money(totals.commissionMinor)}
          />
          <ShareBar
            label={t('commissionReports.guard.overrideShare')}
            sharePpm={totals.overrideSharePpm}
            limitPpm={limits.overrideLimitPpm}
            amount={money(totals.overrideMinor)}
          />
          <ShareBar
            label={t('commissionReports.guard.nonPartnerShare')}
            sharePpm={totals.nonPartnerSharePpm}
            limitPpm={limits.nonPartnerMinPpm}
            minimum
            amount={money(totals.nonPartnerRevenueMinor)}
          />
        </SimpleGrid>
        {item.ordersInOtherCurrencies > 0 ? (
          <Text size="xs" c="orange">
            {t('commissionReports.guard.otherCurrencies', { n: item.ordersInOtherCurrencies })}
          </Text>
        ) : null}
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('commissionReports.guard.month')}</Table.Th>
                <Table.Th ta="right">{t('commissionReports.guard.orders')}</Table.Th>
                <Table.Th ta="right">{t('commissionReports.guard.revenue')}</Table.Th>
                <Table.Th ta="right">{t('commissionReports.guard.commission')}</Table.Th>
                <Table.Th ta="right">%</Table.Th>
                <Table.Th ta="right">{t('commissionReports.guard.overrides')}</Table.Th>
                <Table.Th ta="right">%</Table.Th>
                <Table.Th ta="right">{t('commissionReports.guard.nonPartnerRevenue')}</Table.Th>
                <Table.Th ta="right">%</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {item.monthly.map((month) => (
                <Table.Tr
                  key={month.month}
                  bg={month.payoutsAtLimit ? 'var(--mantine-color-red-light)' : undefined}
                >
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatMonth(month.month, i18n.language)}
                  </Table.Td>
                  <Table.Td ta="right">{format.number(month.orders)}</Table.Td>
                  <Table.Td ta="right">{money(month.revenueMinor)}</Table.Td>
                  <Table.Td ta="right">{money(month.commissionMinor)}</Table.Td>
                  <Table.Td ta="right" c={month.payoutsAtLimit ? 'red' : undefined}>
                    {percent(month.commissionSharePpm)}
                  </Table.Td>
                  <Table.Td ta="right">{money(month.overrideMinor)}</Table.Td>
                  <Table.Td ta="right">{percent(month.overrideSharePpm)}</Table.Td>
                  <Table.Td ta="right">{money(month.nonPartnerRevenueMinor)}</Table.Td>
                  <Table.Td ta="right">{percent(month.nonPartnerSharePpm)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
