import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../ui/confirm';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { amountTextToMinor, minorToAmountText, ppmToPercent } from './amount';
import { AmountInput } from './amount-input';
import { convertToStoreCredit, type MyPayouts, newClientRequestId, PAYOUT_KEYS } from './api';

/** Turning payable balance into store credit, with the program's bonus, to spend on one's own orders. */
export function StoreCreditCard({ overview }: { overview: MyPayouts }) {
  const { t, i18n } = useTranslation();
  const { money } = useFormat();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const { currency, settings } = overview;
  const payable = BigInt(overview.balances.payableMinor);
  const [amountText, setAmountText] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const requestId = useRef(newClientRequestId());
  const amount = amountTextToMinor(amountText, currency, i18n.language);
  const bonus =
    amount && amount > 0n ? (amount * BigInt(settings.storeCreditBonusPpm) + 500_000n) / 1_000_000n : 0n;
  const convert = useMutation({
    mutationFn: (amountMinor: bigint) =>
      convertToStoreCredit({
        enrollmentId: overview.enrollmentId,
        amountMinor: amountMinor.toString(),
        clientRequestId: requestId.current,
      }),
    onSuccess: (result) => {
      requestId.current = newClientRequestId();
      setAmountText('');
      notifySuccess(t('payouts.storeCredit.done', { amount: money(result.amountMinor, result.currency) }));
      return queryClient.invalidateQueries({ queryKey: PAYOUT_KEYS.mine(overview.enrollmentId) });
    },
  });
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (convert.isPending) return;
    if (amount === null || amount <= 0n) return setLocalError(t('payouts.request.errors.required'));
    if (amount > payable) return setLocalError(t('payouts.request.errors.aboveBalance'));
    const sure = await confirm({
      title: t('payouts.storeCredit.confirmTitle'),
      message: t('payouts.storeCredit.confirmText', { amount: money(amount + bonus, currency) }),
      confirmLabel: t('payouts.storeCredit.submit'),
      danger: false,
    });
    if (sure) convert.mutate(amount);
  };
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="store-credit-heading">
      <Title order={2} size="h4" id="store-credit-heading">
        {t('payouts.storeCredit.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {settings.storeCreditBonusPpm > 0
          ? t('payouts.storeCredit.textBonus', {
              bonus: `${ppmToPercent(settings.storeCreditBonusPpm, i18n.language)}%`,
            })
          : t('payouts.storeCredit.text')}
      </Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <AmountInput
            name="storeCreditAmount"
            label={t('payouts.request.amount', { currency })}
            value={amountText}
            onChange={(text) => {
              setAmountText(text);
              setLocalError(null);
              requestId.current = newClientRequestId();
            }}
            currency={currency}
            allText={payable > 0n ? minorToAmountText(payable, currency, i18n.language) : undefined}
            error={localError ?? undefined}
          />
          {bonus > 0n ? (
            <Text size="sm">
              {t('payouts.storeCredit.youGet', { amount: money((amount ?? 0n) + bonus, currency) })}
            </Text>
          ) : null}
          <ErrorAlert error={convert.error} />
          <Button type="submit" variant="light" loading={convert.isPending} disabled={payable <= 0n}>
            {t('payouts.storeCredit.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
