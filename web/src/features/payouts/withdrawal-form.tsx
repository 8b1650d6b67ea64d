import { Alert, Anchor, Button, Card, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { amountTextToMinor, minorToAmountText, ppmToPercent, previewTax } from './amount';
import { AmountInput } from './amount-input';
import {
  type MyPayouts,
  newClientRequestId,
  PAYOUT_KEYS,
  requestWithdrawal,
  TRANSFER_METHODS,
  type TransferMethod,
} from './api';
import { maskedAccount } from './status-badges';

const BANK_METHODS: TransferMethod[] = ['vietqr', 'bank_file'];

/** The API's field messages are English; the ones a partner can meet are told in their language. */
function apiFieldMessage(t: (key: string, params?: Record<string, string>) => string, message: string) {
  if (/payable balance/i.test(message)) return t('payouts.request.errors.aboveBalance');
  if (/minimum/i.test(message)) return t('payouts.request.errors.belowMinimum');
  if (/more than zero/i.test(message)) return t('payouts.request.errors.required');
  if (/bank account/i.test(message)) return t('payouts.request.errors.noBank');
  if (/method/i.test(message)) return t('payouts.request.errors.method');
  return message;
}

/** Asking to be paid: amount, method, the bank account it goes to, and the tax that will be withheld. */
export function WithdrawalForm({ overview }: { overview: MyPayouts }) {
  const { t, i18n } = useTranslation();
  const { money } = useFormat();
  const queryClient = useQueryClient();
  const { currency, settings, balances } = overview;
  const methods = TRANSFER_METHODS.filter((method) => settings.methods.includes(method));
  const [amountText, setAmountText] = useState('');
  const [method, setMethod] = useState<TransferMethod | null>(methods[0] ?? null);
  const [localError, setLocalError] = useState<string | null>(null);
  // One id per intended request: a second tap on the same form sends the same id.
  const requestId = useRef(newClientRequestId());
  const payable = BigInt(balances.payableMinor);
  const minimum = BigInt(settings.minimumMinor);
  const amount = amountTextToMinor(amountText, currency, i18n.language);
  const tax = amount !== null && amount > 0n ? previewTax(amount, settings) : null;
  const waiting = overview.requests.some((request) => request.status === 'requested');
  const params = {
    balance: money(balances.payableMinor, currency),
    minimum: money(settings.minimumMinor, currency),
  };

  const submit = useMutation({
    mutationFn: () =>
      requestWithdrawal({
        enrollmentId: overview.enrollmentId,
        amountMinor: (amount ?? 0n).toString(),
        method: method!,
        clientRequestId: requestId.current,
      }),
    onSuccess: () => {
      requestId.current = newClientRequestId();
      setAmountText('');
      notifySuccess(t('payouts.request.sent'));
      return queryClient.invalidateQueries({ queryKey: PAYOUT_KEYS.mine(overview.enrollmentId) });
    },
  });
  const fields = submit.error instanceof ApiError ? submit.error.fieldErrors() : {};
  const change = (text: string) => {
    setAmountText(text);
    setLocalError(null);
    submit.reset();
    requestId.current = newClientRequestId();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (submit.isPending) return;
    if (amount === null || amount <= 0n) return setLocalError(t('payouts.request.errors.required'));
    submit.mutate();
  };
  const amountError = localError ?? (fields.amountMinor ? apiFieldMessage(t, fields.amountMinor) : undefined);
  const methodError = fields.method ? apiFieldMessage(t, fields.method) : undefined;
  const needsBank = method !== null && BANK_METHODS.includes(method);

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="withdraw-heading">
      <Title order={2} size="h4" id="withdraw-heading" mb="xs">
        {t('payouts.request.title')}
      </Title>
      {waiting ? (
        <Alert color="blue" variant="light">
          {t('payouts.request.waiting')}
        </Alert>
      ) : payable <= 0n || payable < minimum ? (
        <Text size="sm" c="dimmed" data-testid="withdraw-below-minimum">
          {t('payouts.request.notEnough', params)}
        </Text>
      ) : (
        <form onSubmit={onSubmit} noValidate data-testid="withdraw-form">
          <Stack gap="sm">
            <AmountInput
              name="amount"
              label={t('payouts.request.amount', { currency })}
              value={amountText}
              onChange={change}
              currency={currency}
              allText={payable > 0n ? minorToAmountText(payable, currency, i18n.language) : undefined}
              error={amountError}
              description={t('payouts.request.amountHint', params)}
            />
            {tax ? (
              <Card
                bg="var(--mantine-color-gray-0)"
                padding="xs"
                radius="sm"
                data-testid="withdraw-tax-preview"
              >
                <Group justify="space-between" gap="xs">
                  <Text size="sm">{t('payouts.request.taxLine')}</Text>
                  <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {money(tax.taxMinor, currency)}
                  </Text>
                </Group>
                <Group justify="space-between" gap="xs">
                  <Text size="sm">{t('payouts.request.netLine')}</Text>
                  <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }} data-testid="withdraw-net">
                    {money(tax.netMinor, currency)}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed" mt={4}>
                  {settings.taxExempt
                    ? t('payouts.request.taxExempt')
                    : t(tax.withheld ? 'payouts.request.taxWithheld' : 'payouts.request.taxBelow', {
                        rate: `${ppmToPercent(settings.taxRatePpm, i18n.language)}%`,
                        threshold: money(settings.taxThresholdMinor, currency),
                      })}
                </Text>
              </Card>
            ) : null}
            {methods.length > 0 ? (
              <Radio.Group
                name="method"
                label={t('payouts.request.method')}
                value={method}
                onChange={(value) => {
                  setMethod(value as TransferMethod);
                  submit.reset();
                }}
                error={methodError}
              >
                <Stack gap={6} mt={4}>
                  {methods.map((value) => (
                    <Radio key={value} value={value} label={t(`payouts.method.${value}`)} />
                  ))}
                </Stack>
              </Radio.Group>
            ) : null}
            {needsBank ? (
              settings.bankAccount ? (
                <>
                  <Text size="sm" data-testid="withdraw-bank">
                    {t('payouts.request.toAccount', { account: maskedAccount(settings.bankAccount) })}
                  </Text>
                  {settings.bankAccount.verified === false ? (
                    <Text size="sm" c="orange.8" data-testid="withdraw-bank-unverified">
                      {t('payouts.request.bankNotVerified')}
                    </Text>
                  ) : null}
                </>
              ) : (
                <Text size="sm" c="red.7">
                  {t('payouts.request.errors.noBank')}{' '}
                  <Anchor component={Link} to="/profile" size="sm">
                    {t('payouts.request.addBank')}
                  </Anchor>
                </Text>
              )
            ) : null}
            {submit.error && !fields.amountMinor && !fields.method ? (
              <ErrorAlert error={submit.error} />
            ) : null}
            <Button type="submit" loading={submit.isPending} disabled={!method} data-testid="withdraw-submit">
              {t('payouts.request.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </Card>
  );
}
