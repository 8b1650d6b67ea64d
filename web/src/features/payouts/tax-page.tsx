import { Button, Card, Group, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { PageHeader, PageLoader } from '../../ui/page';
import { useCan } from '../auth/session';
import { amountTextToMinor, minorToAmountText, percentToPpm, ppmToPercent } from './amount';
import { AmountInput } from './amount-input';
import { PAYOUT_KEYS, type TaxRule } from './api';

/** The tax withholding rule and the yearly report of income paid and tax withheld per partner. */
export function PayoutTaxPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('payouts.tax.title')} description={t('payouts.tax.text')} />
      <Stack gap="md" maw={640}>
        <TaxRuleCard />
        <TaxReportCard />
      </Stack>
    </>
  );
}

function TaxRuleCard() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const rule = useQuery({
    queryKey: PAYOUT_KEYS.taxRule,
    queryFn: () => api.get<TaxRule>('/api/v1/tax-rules'),
  });
  const [enabled, setEnabled] = useState(true);
  const [currency, setCurrency] = useState('VND');
  const [rate, setRate] = useState('');
  const [threshold, setThreshold] = useState('');
  const [rateError, setRateError] = useState<string | null>(null);
  useEffect(() => {
    if (!rule.data) return;
    setEnabled(rule.data.enabled);
    setCurrency(rule.data.currency);
    setRate(ppmToPercent(rule.data.ratePpm, i18n.language));
    setThreshold(minorToAmountText(BigInt(rule.data.thresholdMinor), rule.data.currency, i18n.language));
  }, [rule.data, i18n.language]);
  const save = useMutation({
    mutationFn: (next: TaxRule) => api.put<TaxRule>('/api/v1/tax-rules', next),
    onSuccess: (saved) => {
      queryClient.setQueryData(PAYOUT_KEYS.taxRule, saved);
      notifySuccess(t('common.saved'));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ratePpm = percentToPpm(rate);
    if (ratePpm === null) return setRateError(t('payouts.tax.rateInvalid'));
    save.mutate({
      enabled,
      currency,
      ratePpm,
      thresholdMinor: (amountTextToMinor(threshold, currency, i18n.language) ?? 0n).toString(),
    });
  };
  if (rule.isPending) return <PageLoader />;
  const editable = can('payouts.manage');
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={2} size="h4" mb="xs">
        {t('payouts.tax.rule')}
      </Title>
      <ErrorAlert error={rule.error} />
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Switch
            label={t('payouts.tax.enabled')}
            checked={enabled}
            onChange={(event) => setEnabled(event.currentTarget.checked)}
            disabled={!editable}
          />
          <Group grow align="flex-start">
            <Select
              label={t('payouts.fields.currency')}
              data={['VND', 'THB']}
              value={currency}
              onChange={(value) => value && setCurrency(value)}
              allowDeselect={false}
              disabled={!editable}
            />
            <TextInput
              label={t('payouts.tax.rate')}
              value={rate}
              onChange={(event) => {
                setRate(event.currentTarget.value);
                setRateError(null);
              }}
              rightSection="%"
              error={rateError}
              inputMode="decimal"
              disabled={!editable}
            />
          </Group>
          <AmountInput
            name="threshold"
            label={t('payouts.tax.threshold')}
            description={t('payouts.tax.thresholdHint')}
            value={threshold}
            onChange={setThreshold}
            currency={currency}
          />
          <ErrorAlert error={save.error} />
          {editable ? (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
    </Card>
  );
}

function TaxReportCard() {
  const { t } = useTranslation();
  const { timeZone } = useFormat();
  const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(new Date()));
  const years = Array.from({ length: 6 }, (_, index) => String(thisYear - index));
  const [year, setYear] = useState(years[0]!);
  const link = (format: 'csv' | 'xlsx') => `/api/v1/tax-report?year=${year}&format=${format}`;
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={2} size="h4">
        {t('payouts.tax.report')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('payouts.tax.reportText')}
      </Text>
      <Group align="flex-end" gap="xs">
        <Select
          label={t('payouts.tax.year')}
          data={years}
          value={year}
          onChange={(value) => value && setYear(value)}
          allowDeselect={false}
          w={120}
        />
        {(['xlsx', 'csv'] as const).map((format) => (
          <Button
            key={format}
            component="a"
            href={link(format)}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {format.toUpperCase()}
          </Button>
        ))}
      </Group>
    </Card>
  );
}
