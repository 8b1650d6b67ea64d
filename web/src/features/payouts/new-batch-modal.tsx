import { Button, Group, List, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../lib/api';
import { startOfZonedDay } from '../../lib/format';
import type { Page } from '../../lib/types';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { amountTextToMinor } from './amount';
import { AmountInput } from './amount-input';
import { PAYOUT_KEYS, type PayoutBatchDetail, type Skipped, TRANSFER_METHODS } from './api';

type Program = { id: string; name: string; currency: string };

export type BuiltBatch = { batch: PayoutBatchDetail; skipped: Skipped[] };

/** Building a draft batch: which money (requests or balances), of which program, up to which day. */
export function NewBatchModal({
  opened,
  onClose,
  onBuilt,
}: {
  opened: boolean;
  onClose: () => void;
  onBuilt: (built: BuiltBatch) => void;
}) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useFormat();
  const queryClient = useQueryClient();
  const programs = useQuery({
    queryKey: ['programs', 'all-for-payouts'],
    queryFn: () => api.get<Page<Program>>('/api/v1/programs', { limit: 100 }),
    enabled: opened,
  });
  const [currency, setCurrency] = useState('VND');
  const [source, setSource] = useState<'requests' | 'balances'>('requests');
  const [programId, setProgramId] = useState<string | null>(null);
  const [cutOff, setCutOff] = useState('');
  const [minimumText, setMinimumText] = useState('');
  const [method, setMethod] = useState<string | null>(null);
  const currencies = [
    ...new Set(['VND', 'THB', ...(programs.data?.items ?? []).map((program) => program.currency)]),
  ];
  const build = useMutation({
    mutationFn: () => {
      const minimum = amountTextToMinor(minimumText, currency, i18n.language);
      return api.post<BuiltBatch>('/api/v1/payout-batches', {
        currency,
        source,
        programId: programId ?? undefined,
        cutOff: cutOff ? startOfZonedDay(cutOff, timeZone, true).toISOString() : undefined,
        minimumMinor: minimum ? minimum.toString() : undefined,
        method: method ?? undefined,
      });
    },
    onSuccess: async (built) => {
      await queryClient.invalidateQueries({ queryKey: PAYOUT_KEYS.batches });
      onBuilt(built);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    build.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('payouts.batches.new')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('payouts.batches.source')}
            </Text>
            <SegmentedControl
              fullWidth
              value={source}
              onChange={(value) => setSource(value as 'requests' | 'balances')}
              data={[
                { value: 'requests', label: t('payouts.batches.sourceRequests') },
                { value: 'balances', label: t('payouts.batches.sourceBalances') },
              ]}
              data-testid="batch-source"
            />
            <Text size="xs" c="dimmed" mt={4}>
              {t(
                source === 'requests'
                  ? 'payouts.batches.sourceRequestsHint'
                  : 'payouts.batches.sourceBalancesHint',
              )}
            </Text>
          </div>
          <Group grow align="flex-start">
            <Select
              label={t('payouts.fields.currency')}
              data={currencies}
              value={currency}
              onChange={(value) => value && setCurrency(value)}
              allowDeselect={false}
            />
            <Select
              label={t('payouts.fields.program')}
              placeholder={t('payouts.batches.allPrograms')}
              data={(programs.data?.items ?? [])
                .filter((program) => program.currency === currency)
                .map((program) => ({ value: program.id, label: program.name }))}
              value={programId}
              onChange={setProgramId}
              clearable
              searchable
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('payouts.batches.cutOff')}
              description={t('payouts.batches.cutOffHint')}
              value={cutOff}
              onChange={(event) => setCutOff(event.currentTarget.value)}
            />
            <AmountInput
              name="minimum"
              label={t('payouts.batches.minimum')}
              description={t('payouts.batches.minimumHint')}
              value={minimumText}
              onChange={setMinimumText}
              currency={currency}
            />
          </Group>
          <Select
            label={t('payouts.fields.method')}
            placeholder={t('payouts.batches.anyMethod')}
            data={TRANSFER_METHODS.map((value) => ({ value, label: t(`payouts.method.${value}`) }))}
            value={method}
            onChange={setMethod}
            clearable
          />
          <ErrorAlert error={build.error} />
          {build.error instanceof ApiError && build.error.details.length > 0 ? (
            <List size="sm" data-testid="batch-build-skipped">
              {build.error.details.map((detail) => (
                <List.Item key={`${detail.path}-${detail.message}`}>
                  <Text span size="sm" ff="monospace">
                    {detail.path}
                  </Text>
                  {' — '}
                  {t(`payouts.skipReason.${detail.message}`, { defaultValue: detail.message })}
                </List.Item>
              ))}
            </List>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={build.isPending} data-testid="batch-build">
              {t('payouts.batches.build')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
