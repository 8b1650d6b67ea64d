import {
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { notifySuccess } from '../../ui/notify';
import { PageLoader } from '../../ui/page';
import { useFormErrors } from '../../ui/use-form-errors';
import { useCan } from '../auth/session';
import { amountTextToMinor, minorToAmountText, ppmToPercent, storeCreditBonusToPpm } from './amount';
import { AmountInput } from './amount-input';
import {
  fetchPayoutSettings,
  PAYOUT_KEYS,
  PAYOUT_METHODS,
  PAYOUT_SCHEDULES,
  type PayoutMethod,
  type PayoutSchedule,
  type PayoutSettings,
  savePayoutSettings,
} from './api';

/**
 * How a program pays its partners: when, by which methods, the bonus for taking store credit, and
 * the deposit (ký quỹ) its CTVs' orders draw on. Shown to staff who may read payouts; only those who manage payouts can change it.
 */
export function PayoutSettingsCard({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const visible = can('payouts.read');
  const settings = useQuery({
    queryKey: PAYOUT_KEYS.settings(programId),
    queryFn: () => fetchPayoutSettings(programId),
    enabled: visible,
  });
  // the program page reads the program under the same key: its currency formats the deposit amount
  const program = useQuery({
    queryKey: ['program', programId],
    queryFn: () => api.get<{ currency: string }>(`/api/v1/programs/${programId}`),
    enabled: visible,
  });
  if (!visible) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="payout-settings-heading">
      <Title order={2} size="h5" id="payout-settings-heading">
        {t('payouts.settings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('payouts.settings.text')}
      </Text>
      <ErrorAlert error={settings.error ?? program.error} />
      {settings.isPending || program.isPending ? (
        <PageLoader />
      ) : settings.data && program.data ? (
        <PayoutSettingsForm
          programId={programId}
          currency={program.data.currency}
          settings={settings.data}
          editable={can('payouts.manage')}
        />
      ) : null}
    </Paper>
  );
}

function PayoutSettingsForm({
  programId,
  currency,
  settings,
  editable,
}: {
  programId: string;
  currency: string;
  settings: PayoutSettings;
  editable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const [schedule, setSchedule] = useState<PayoutSchedule>(settings.schedule);
  const [methods, setMethods] = useState<PayoutMethod[]>(settings.methods);
  const [bonus, setBonus] = useState(() => ppmToPercent(settings.storeCreditBonusPpm, i18n.language));
  const [bonusError, setBonusError] = useState<string | null>(null);
  const [methodsError, setMethodsError] = useState<string | null>(null);
  const [alertText, setAlertText] = useState(() =>
    settings.depositAlertMinor === null
      ? ''
      : minorToAmountText(BigInt(settings.depositAlertMinor), currency, i18n.language),
  );
  const [blocksOrders, setBlocksOrders] = useState(settings.depositBlocksOrders);
  const save = useMutation({
    mutationFn: (next: PayoutSettings) => savePayoutSettings(programId, next),
    onSuccess: (saved) => {
      queryClient.setQueryData(PAYOUT_KEYS.settings(programId), saved);
      notifySuccess(t('payouts.settings.saved'));
    },
    onError: errors.set,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    const ppm = storeCreditBonusToPpm(bonus);
    setBonusError(ppm === null ? t('payouts.settings.bonusInvalid') : null);
    setMethodsError(methods.length > 0 ? null : t('payouts.settings.methodsRequired'));
    if (ppm === null || methods.length === 0) return;
    const alertMinor = amountTextToMinor(alertText, currency, i18n.language);
    // The bank file template is not edited here: it goes back as it came.
    save.mutate({
      ...settings,
      schedule,
      methods: PAYOUT_METHODS.filter((method) => methods.includes(method)),
      storeCreditBonusPpm: ppm,
      depositAlertMinor: alertMinor === null ? null : alertMinor.toString(),
      depositBlocksOrders: blocksOrders,
    });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="payout-settings">
      <Stack gap="sm">
        <ErrorAlert error={errors.general} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('payouts.settings.schedule')}
            description={t('payouts.settings.scheduleHint')}
            data={PAYOUT_SCHEDULES.map((value) => ({
              value,
              label: t(`payouts.settings.schedules.${value}`),
            }))}
            value={schedule}
            onChange={(value) => value && setSchedule(value as PayoutSchedule)}
            allowDeselect={false}
            disabled={!editable}
            error={errors.field('schedule')}
            data-testid="payout-schedule"
          />
          <TextInput
            label={t('payouts.settings.bonus')}
            description={t('payouts.settings.bonusHint')}
            value={bonus}
            onChange={(event) => {
              setBonus(event.currentTarget.value);
              setBonusError(null);
            }}
            rightSection="%"
            inputMode="decimal"
            disabled={!editable}
            error={bonusError ?? errors.field('storeCreditBonusPpm')}
            data-testid="payout-bonus"
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('payouts.settings.methods')}
          description={t('payouts.settings.methodsHint')}
          value={methods}
          onChange={(value) => {
            setMethods(value as PayoutMethod[]);
            setMethodsError(null);
          }}
          error={methodsError ?? errors.field('methods')}
        >
          <Stack gap={6} mt="xs">
            {PAYOUT_METHODS.map((method) => (
              <Checkbox
                key={method}
                value={method}
                label={t(`payouts.settings.methodLabels.${method}`)}
                disabled={!editable}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Stack gap="xs" mt="xs" data-testid="payout-deposit-settings">
          <div>
            <Text size="sm" fw={500}>
              {t('payouts.settings.deposit')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('payouts.settings.depositHint')}
            </Text>
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <AmountInput
              name="depositAlert"
              label={t('payouts.settings.depositAlert', { currency })}
              description={t('payouts.settings.depositAlertHint')}
              value={alertText}
              onChange={setAlertText}
              currency={currency}
              disabled={!editable}
              error={errors.field('depositAlertMinor')}
            />
          </SimpleGrid>
          <Switch
            label={t('payouts.settings.depositBlocks')}
            description={t('payouts.settings.depositBlocksHint')}
            checked={blocksOrders}
            onChange={(event) => setBlocksOrders(event.currentTarget.checked)}
            disabled={!editable}
            data-testid="payout-deposit-blocks"
          />
        </Stack>
        {editable ? (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-testid="payout-settings-save">
              {t('common.save')}
            </Button>
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            {t('payouts.settings.readOnly')}
          </Text>
        )}
      </Stack>
    </form>
  );
}
