import { Alert, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format';
import { amountTextToMinor, minorToAmountText } from './amount';
import { AmountInput } from './amount-input';
import { fetchMyPayouts, PAYOUT_KEYS } from './api';
import { creditErrorOf, creditLimit, creditProblem, depositErrorOf } from './order-credit';

export type OrderCredit = ReturnType<typeof useOrderCredit>;

/**
 * The store credit a CTV spends on the order they enter: their credit in the program (when it
 * offers store credit), what they typed, and what is left to pay. Typing starts over in another
 * program.
 */
export function useOrderCredit(enrollmentId: string | undefined, currency: string, totalMinor: bigint) {
  const { t, i18n } = useTranslation();
  const { money } = useFormat();
  const queryClient = useQueryClient();
  const overview = useQuery({
    queryKey: PAYOUT_KEYS.mine(enrollmentId ?? ''),
    queryFn: () => fetchMyPayouts(enrollmentId!),
    enabled: Boolean(enrollmentId),
  });
  const [typed, setTyped] = useState({ enrollmentId, text: '' });
  const offered = overview.data?.settings.methods.includes('store_credit') ?? false;
  const availableMinor = offered && overview.data ? BigInt(overview.data.balances.storeCreditMinor) : 0n;
  const shown = availableMinor > 0n;
  const text = shown && typed.enrollmentId === enrollmentId ? typed.text : '';
  const amountMinor = amountTextToMinor(text, currency, i18n.language) ?? 0n;
  const problem = creditProblem(amountMinor, availableMinor, totalMinor);
  return {
    shown,
    currency,
    text,
    setText: (next: string) => setTyped({ enrollmentId, text: next }),
    availableMinor,
    limitMinor: creditLimit(availableMinor, totalMinor),
    amountMinor,
    /** What the order still costs after the credit. */
    leftMinor: amountMinor < totalMinor ? totalMinor - amountMinor : 0n,
    /** The typed amount's problem, translated; the order is not sent while there is one. */
    problem: problem
      ? problemText(t, problem, money(problem === 'aboveTotal' ? totalMinor : availableMinor, currency))
      : undefined,
    refresh: () => queryClient.invalidateQueries({ queryKey: PAYOUT_KEYS.mine(enrollmentId ?? '') }),
  };
}

function problemText(
  t: (key: string, options?: Record<string, string>) => string,
  problem: string,
  amount: string,
) {
  return t(`payouts.orderCredit.errors.${problem}`, { amount });
}

/** The "pay with store credit" field of the new order form, with the API's refusal under it. */
export function OrderCreditField({ credit, apiError }: { credit: OrderCredit; apiError: unknown }) {
  const { t, i18n } = useTranslation();
  const { money } = useFormat();
  const refused = creditErrorOf(apiError);
  const error =
    credit.problem ??
    (refused
      ? problemText(
          t,
          refused,
          money(refused === 'aboveTotal' ? credit.limitMinor : credit.availableMinor, credit.currency),
        )
      : undefined);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="order-credit-heading">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h5" id="order-credit-heading">
            {t('payouts.orderCredit.title')}
          </Title>
          <Text size="sm" c="dimmed" data-testid="order-credit-available">
            {t('payouts.orderCredit.available', { amount: money(credit.availableMinor, credit.currency) })}
          </Text>
        </div>
        <AmountInput
          name="storeCredit"
          label={t('payouts.orderCredit.amount', { currency: credit.currency })}
          description={
            credit.limitMinor > 0n
              ? t('payouts.orderCredit.hint', { amount: money(credit.limitMinor, credit.currency) })
              : t('payouts.orderCredit.pickFirst')
          }
          value={credit.text}
          onChange={credit.setText}
          currency={credit.currency}
          allText={
            credit.limitMinor > 0n
              ? minorToAmountText(credit.limitMinor, credit.currency, i18n.language)
              : undefined
          }
          error={error}
        />
      </Stack>
    </Paper>
  );
}

/** Under the order's total: the credit taken off and what is left to pay. */
export function OrderCreditSummary({ credit }: { credit: OrderCredit }) {
  const { t } = useTranslation();
  const { money } = useFormat();
  if (!credit.shown || credit.amountMinor <= 0n || credit.problem) return null;
  return (
    <Stack gap={2} mb="sm" data-testid="order-credit-summary">
      <Group justify="space-between">
        <Text size="sm">{t('payouts.orderCredit.used')}</Text>
        <Text size="sm">−{money(credit.amountMinor, credit.currency)}</Text>
      </Group>
      <Group justify="space-between">
        <Text fw={500}>{t('payouts.orderCredit.left')}</Text>
        <Text fw={700} size="lg" data-testid="order-left-to-pay">
          {money(credit.leftMinor, credit.currency)}
        </Text>
      </Group>
    </Stack>
  );
}

/** An order the CTV's deposit (ký quỹ) cannot cover, said plainly near the submit button. */
export function DepositShortAlert({ error, currency }: { error: unknown; currency: string }) {
  const { t } = useTranslation();
  const { money } = useFormat();
  const short = depositErrorOf(error);
  if (!short) return null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={t('payouts.orderCredit.depositTitle')}
      role="alert"
      data-testid="order-deposit-error"
    >
      <Text size="sm">
        {short.depositMinor !== null && short.neededMinor !== null
          ? t('payouts.orderCredit.depositShort', {
              deposit: money(short.depositMinor, currency),
              needed: money(short.neededMinor, currency),
            })
          : t('payouts.orderCredit.depositShortPlain')}
      </Text>
    </Alert>
  );
}
